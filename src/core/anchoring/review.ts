import type { Annotation, DocumentContent } from '../model';
import { anchor } from './anchor';

type Content = Pick<DocumentContent, 'text' | 'pages'>;

/**
 * The annotations that cannot be placed in their document's current text (the document gone,
 * or the passage no longer found by position, quote or fuzzy search). Documents are read one
 * at a time through `contentOf`, so a caller can stream them from storage.
 */
export async function findOrphans(
  annotations: readonly Annotation[],
  contentOf: (docId: string) => Promise<Content | undefined>,
): Promise<string[]> {
  const byDoc = new Map<string, Annotation[]>();
  for (const a of annotations) {
    const list = byDoc.get(a.docId);
    if (list) list.push(a);
    else byDoc.set(a.docId, [a]);
  }
  const orphans: string[] = [];
  for (const [docId, list] of byDoc) {
    const content = await contentOf(docId);
    for (const a of list) {
      if (!content || anchor(content.text, a.target.selectors, content.pages) === null) {
        orphans.push(a.id);
      }
    }
  }
  return orphans;
}
