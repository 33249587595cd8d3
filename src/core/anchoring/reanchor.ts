import type { Annotation, Page, Selector } from '../model';
import { pageOfOffset } from '../pdf-text-map/pdf-text-map';
import { anchor } from './anchor';
import { describeRange, quoteSelectorOf } from './selectors';

export type ReanchorOutcome = 'kept' | 'changed' | 'not-found';

/**
 * Moves an annotation onto a new version of its document's text. Where the quote is found
 * as it was, the selectors are renewed for the new text. Where only a similar passage is found,
 * the annotation moves there but is flagged for review with its old quote. Where nothing fits,
 * it keeps its old selectors and is flagged: it is never dropped. For a paginated document,
 * `pages` (the new version's) gives the renewed selectors the page the passage is now on.
 */
export function reanchorAnnotation(
  annotation: Annotation,
  text: string,
  contentHash: string,
  now: number,
  pages?: readonly Page[],
): { annotation: Annotation; outcome: ReanchorOutcome } {
  const previousQuote = quoteSelectorOf(annotation.target.selectors)?.exact ?? '';
  const found = anchor(text, annotation.target.selectors, pages);
  if (!found) {
    return {
      outcome: 'not-found',
      annotation: {
        ...annotation,
        review: annotation.review ?? { reason: 'not-found', previousQuote, since: now },
      },
    };
  }
  const selectors: Selector[] = describeRange(text, found);
  if (pages && pages.length > 0) {
    selectors.push({ type: 'PageSelector', index: pageOfOffset(pages, found.start) });
  }
  const moved: Annotation = {
    ...annotation,
    target: { contentHash, selectors },
  };
  if (found.method === 'fuzzy') {
    return {
      outcome: 'changed',
      annotation: { ...moved, review: { reason: 'changed', previousQuote, since: now } },
    };
  }
  return { outcome: 'kept', annotation: moved };
}
