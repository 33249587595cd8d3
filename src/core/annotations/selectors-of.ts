import type { Annotation, TextPositionSelector, TextQuoteSelector } from '../model';

export function quoteSelector(
  annotation: Pick<Annotation, 'target'>,
): TextQuoteSelector | undefined {
  return annotation.target.selectors.find(
    (s): s is TextQuoteSelector => s.type === 'TextQuoteSelector',
  );
}

export function positionSelector(
  annotation: Pick<Annotation, 'target'>,
): TextPositionSelector | undefined {
  return annotation.target.selectors.find(
    (s): s is TextPositionSelector => s.type === 'TextPositionSelector',
  );
}

/** The quoted words of an annotation, as captured. */
export function quoteOf(annotation: Pick<Annotation, 'target'>): string {
  return quoteSelector(annotation)?.exact ?? '';
}

/** Orders annotations as they appear in their document. */
export function byReadingOrder(a: Pick<Annotation, 'target' | 'createdAt'>, b: typeof a): number {
  const pa = positionSelector(a)?.start ?? Number.MAX_SAFE_INTEGER;
  const pb = positionSelector(b)?.start ?? Number.MAX_SAFE_INTEGER;
  return pa - pb || a.createdAt - b.createdAt;
}
