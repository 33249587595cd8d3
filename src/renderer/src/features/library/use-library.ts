import { useLiveQuery } from 'dexie-react-hooks';
import { documentsRepo } from '../../db/documents-repo';

export function useDocuments() {
  return useLiveQuery(() => documentsRepo().list(), []);
}

export function useDocument(docId: string | null) {
  return useLiveQuery(async () => {
    if (!docId) return null;
    const repo = documentsRepo();
    const [record, content] = await Promise.all([repo.get(docId), repo.content(docId)]);
    return record && content ? { record, content } : null;
  }, [docId]);
}
