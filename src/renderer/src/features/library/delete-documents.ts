import { documentsRepo, type RemovedDocuments } from '../../db/documents-repo';
import { notify } from '../../ui/notices';
import { annotationService } from '../annotations/annotation-service';
import { readerStore } from '../reader/reader-store';
import { searchService } from '../search/search-service';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "2 documents, with 5 annotations and 3 links". */
export function describeRemoval(docs: number, impact: { annotations: number; links: number }) {
  const what = plural(docs, 'document');
  if (impact.annotations === 0) return what;
  return `${what}, with ${plural(impact.annotations, 'annotation')} and ${plural(impact.links, 'link')}`;
}

/**
 * Deletes documents with everything that goes with them, takes them out of the search index,
 * and puts the deletion on the undo history: Undo (the button, Ctrl+Z or the notice's own)
 * brings all of it back and indexes the documents again.
 */
export async function deleteDocuments(ids: readonly string[]): Promise<RemovedDocuments> {
  let removed = await documentsRepo().removeMany(ids);
  readerStore.set((s) => ({ ...s, selectedId: null }));
  void searchService.rebuild();
  const label = `delete ${plural(removed.documents.length, 'document')}`;
  const undo = async () => {
    await documentsRepo().restore(removed);
    void searchService.rebuild();
  };
  const redo = async () => {
    removed = await documentsRepo().removeMany(removed.documents.map((d) => d.id));
    void searchService.rebuild();
  };
  await annotationService.recordDone(label, undo, redo);
  notify(
    `Deleted ${describeRemoval(removed.documents.length, { annotations: removed.annotations.length, links: removed.links.length })}.`,
    {
      label: 'Undo',
      run: () => void annotationService.undo(),
    },
  );
  return removed;
}
