import { useLiveQuery } from 'dexie-react-hooks';
import { anchor } from '@core/anchoring';
import type { Annotation, DocumentRecord } from '@core/model';
import { annotationsRepo } from '../../db/annotations-repo';
import { documentsRepo } from '../../db/documents-repo';

export interface ReviewItem {
  annotation: Annotation;
  doc: DocumentRecord | undefined;
  /** Cannot be placed in the current text at all. */
  orphan: boolean;
}

/**
 * Annotations the analyst should look at: those flagged when a new version of their document
 * came in, and those that cannot be anchored in their document's current text.
 */
export function useNeedsReview(): ReviewItem[] | undefined {
  return useLiveQuery(async () => {
    const annotations = await annotationsRepo().all();
    const docIds = [...new Set(annotations.map((a) => a.docId))];
    const repo = documentsRepo();
    const loaded = await Promise.all(
      docIds.map(async (id) => [id, await repo.get(id), await repo.content(id)] as const),
    );
    const docs = new Map(loaded.map(([id, record, content]) => [id, { record, content }]));
    const items: ReviewItem[] = [];
    for (const annotation of annotations) {
      const doc = docs.get(annotation.docId);
      const text = doc?.content?.text;
      const orphan =
        text === undefined ||
        anchor(text, annotation.target.selectors, doc?.content?.pages) === null;
      if (orphan || annotation.review) items.push({ annotation, doc: doc?.record, orphan });
    }
    return items.sort(
      (a, b) =>
        (a.doc?.title ?? '').localeCompare(b.doc?.title ?? '') ||
        a.annotation.createdAt - b.annotation.createdAt,
    );
  }, []);
}
