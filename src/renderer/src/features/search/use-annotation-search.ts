import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useMemo } from 'react';
import { quoteOf } from '@core/annotations/selectors-of';
import type { Annotation } from '@core/model';
import { analyse } from '@core/search/engine';
import {
  createAnnotationSearch,
  type AnnotationAnswer,
  type AnnotationDocInfo,
  type AnnotationEntry,
} from '@core/search/query/annotation-search';
import { exactWords } from '@core/search/query/exact-words';
import { annotationsRepo } from '../../db/annotations-repo';
import { documentsRepo } from '../../db/documents-repo';

/** Fields the annotation model may carry; read when present. */
type RichAnnotation = Annotation & { actor?: string; labels?: string[]; statementDate?: string };

const search = createAnnotationSearch(analyse, exactWords);

function entryOf(a: RichAnnotation): AnnotationEntry {
  const entry: AnnotationEntry = {
    id: a.id,
    docId: a.docId,
    tag: a.tag,
    quote: quoteOf(a),
    note: a.note,
    updatedAt: a.updatedAt,
  };
  if (a.actor) entry.actor = a.actor;
  if (a.labels) entry.labels = a.labels;
  if (a.statementDate) entry.statementDate = a.statementDate;
  return entry;
}

export type AnnotationSearchState = { kind: 'idle' | 'loading' } | AnnotationAnswer;

/** Searches every annotation in the library, live: edits show in the results at once. */
export function useAnnotationSearch(query: string, enabled: boolean): AnnotationSearchState {
  const deferred = useDeferredValue(query);
  const library = useLiveQuery(async () => {
    if (!enabled) return null;
    const [annotations, documents] = await Promise.all([
      annotationsRepo().all(),
      documentsRepo().list(),
    ]);
    const docs = new Map<string, AnnotationDocInfo>(
      documents.map((d) => [d.id, { title: d.title, date: d.date, language: d.language }]),
    );
    return { entries: (annotations as RichAnnotation[]).map(entryOf), docs };
  }, [enabled]);
  return useMemo(() => {
    if (!enabled || deferred.trim() === '') return { kind: 'idle' };
    if (!library) return { kind: 'loading' };
    return search(deferred, library.entries, library.docs);
  }, [enabled, deferred, library]);
}
