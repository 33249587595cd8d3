import { useLiveQuery } from 'dexie-react-hooks';
import type { Annotation, AnnotationLink, DocumentRecord } from '@core/model';
import { annotationsRepo, linksRepo } from '../../db/annotations-repo';
import { documentsRepo } from '../../db/documents-repo';

export interface LibraryAnnotations {
  annotations: Annotation[];
  links: AnnotationLink[];
  documents: DocumentRecord[];
}

/** Every annotation, link and document, kept current; for the views across the library. */
export function useLibraryAnnotations(): LibraryAnnotations | undefined {
  return useLiveQuery(async () => {
    const [annotations, links, documents] = await Promise.all([
      annotationsRepo().all(),
      linksRepo().all(),
      documentsRepo().list(),
    ]);
    return { annotations, links, documents };
  }, []);
}

/**
 * The pledges to link to, the links made so far and the documents holding the pledges. Read
 * by key, not the whole library: an import storing batch after batch does not make the
 * picker read every document again.
 */
export function usePledgeChoices(): LibraryAnnotations | undefined {
  return useLiveQuery(async () => {
    const [annotations, links] = await Promise.all([
      annotationsRepo().pledges(),
      linksRepo().all(),
    ]);
    const documents = await documentsRepo().many(annotations.map((a) => a.docId));
    return { annotations, links, documents };
  }, []);
}

/** Actors named so far, most used first. */
export function useActors(): string[] {
  return useLiveQuery(() => annotationsRepo().actors(), []) ?? [];
}

/** The links from one annotation to pledges, each with the pledge it points to. */
export function useLinksFrom(annotationId: string) {
  return useLiveQuery(async () => {
    const links = (await linksRepo().of(annotationId)).filter((l) => l.fromId === annotationId);
    const targets = await Promise.all(links.map((l) => annotationsRepo().get(l.toId)));
    return links.map((link, i) => ({ link, pledge: targets[i] }));
  }, [annotationId]);
}
