import type { Annotation } from '../model';
import { anchor } from './anchor';
import { describeRange, quoteSelectorOf } from './selectors';

export type ReanchorOutcome = 'kept' | 'changed' | 'not-found';

/**
 * Moves an annotation onto a new version of its document's text. Where the quote is found
 * as it was, the selectors are renewed for the new text. Where only a similar passage is found,
 * the annotation moves there but is flagged for review with its old quote. Where nothing fits,
 * it keeps its old selectors and is flagged: it is never dropped.
 */
export function reanchorAnnotation(
  annotation: Annotation,
  text: string,
  contentHash: string,
  now: number,
): { annotation: Annotation; outcome: ReanchorOutcome } {
  const previousQuote = quoteSelectorOf(annotation.target.selectors)?.exact ?? '';
  const found = anchor(text, annotation.target.selectors);
  if (!found) {
    return {
      outcome: 'not-found',
      annotation: {
        ...annotation,
        review: annotation.review ?? { reason: 'not-found', previousQuote, since: now },
      },
    };
  }
  const selectors = describeRange(text, found);
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
