import type { Selector, TextPositionSelector, TextQuoteSelector } from '../model';

/** A half-open range [start, end) of UTF-16 offsets into a document's normalised text. */
export interface TextRange {
  start: number;
  end: number;
}

/** Characters of context kept either side of a quote; enough to tell repeated phrases apart. */
export const DEFAULT_CONTEXT_LENGTH = 32;

/**
 * Selectors for `range` of `text` (the document's normalised text, ParsedDocument.text):
 * the quote with its context, and the offsets. Store both; anchor() needs either.
 * Throws a RangeError for an empty range, which has nothing to quote.
 */
export function describeRange(
  text: string,
  range: TextRange,
  contextLength = DEFAULT_CONTEXT_LENGTH,
): [TextQuoteSelector, TextPositionSelector] {
  if (!Number.isFinite(range.start) || !Number.isFinite(range.end)) {
    throw new RangeError(`not a range: [${range.start}, ${range.end})`);
  }
  const start = clamp(range.start, 0, text.length);
  const end = clamp(range.end, 0, text.length);
  if (end <= start) {
    throw new RangeError(`cannot describe an empty range [${range.start}, ${range.end})`);
  }
  const context = Math.max(0, Math.floor(contextLength));
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - context), start),
      suffix: text.slice(end, end + context),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}

export function quoteSelectorOf(selectors: readonly Selector[]): TextQuoteSelector | undefined {
  return selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
}

export function positionSelectorOf(
  selectors: readonly Selector[],
): TextPositionSelector | undefined {
  return selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.trunc(n)));
}
