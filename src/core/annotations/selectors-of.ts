import { positionSelectorOf, quoteSelectorOf } from '../anchoring';
import type { Annotation } from '../model';

/** The quoted words of an annotation, as captured. */
export function quoteOf(annotation: Pick<Annotation, 'target'>): string {
  return quoteSelectorOf(annotation.target.selectors)?.exact ?? '';
}

/** Orders annotations as they appear in their document. */
export function byReadingOrder(a: Pick<Annotation, 'target' | 'createdAt'>, b: typeof a): number {
  const pa = positionSelectorOf(a.target.selectors)?.start ?? Number.MAX_SAFE_INTEGER;
  const pb = positionSelectorOf(b.target.selectors)?.start ?? Number.MAX_SAFE_INTEGER;
  return pa - pb || a.createdAt - b.createdAt;
}
