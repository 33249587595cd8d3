import { useLiveQuery } from 'dexie-react-hooks';
import { useRef } from 'react';
import type { DocumentRecord } from '@core/model';
import { documentsRepo } from '../../db/documents-repo';

/**
 * Every document, kept current as the library changes. While `paused` (an import is
 * storing batch after batch) the last list is kept instead of re-reading the whole library
 * after each batch, which would cost the page's thread time in proportion to its size on
 * every batch; the list catches up once when the pause ends.
 */
export function useDocuments(paused = false): DocumentRecord[] | undefined {
  const last = useRef<DocumentRecord[] | undefined>(undefined);
  const live = useLiveQuery(
    () => (paused ? Promise.resolve(last.current) : documentsRepo().list()),
    [paused],
  );
  if (live !== undefined) last.current = live;
  return live ?? last.current;
}

export function useDocument(docId: string | null) {
  return useLiveQuery(async () => {
    if (!docId) return null;
    const repo = documentsRepo();
    const [record, content] = await Promise.all([repo.get(docId), repo.content(docId)]);
    return record && content ? { record, content } : null;
  }, [docId]);
}
