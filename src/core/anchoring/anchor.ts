import type {
  Page,
  PageSelector,
  Selector,
  TextPositionSelector,
  TextQuoteSelector,
} from '../model';
import { collapsedView, collapseWhitespace, type CollapsedView } from '../text/normalise';
import {
  approximateMatches,
  contextSimilarity,
  exactOccurrences,
  type QuoteMatch,
} from './match-quote';
import { positionSelectorOf, quoteSelectorOf, type TextRange } from './selectors';

export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

export interface Anchored extends TextRange {
  method: AnchorMethod;
  /** 0..1; 1 when the quote was found exactly, else its similarity to what was found. */
  score: number;
}

/** Below this similarity a fuzzy match is more likely a different passage than an edited one. */
export const MIN_QUOTE_SIMILARITY = 0.75;

// The quote itself dominates; context breaks ties between similar candidates; the old
// position only nudges, since edits before the passage move it.
const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;
const WEIGHT_TOTAL = WEIGHT.quote + WEIGHT.prefix + WEIGHT.suffix + WEIGHT.position;
/** Extra characters of context read beside a candidate, so inserted spaces or letters cost one edit each. */
const CONTEXT_SLACK = 8;
/**
 * A shorter quote that is not found exactly stays an orphan: one edit in a single word
 * matches some other word somewhere in a long text far more often than the right one.
 */
export const MIN_FUZZY_LENGTH = 10;

/**
 * Finds where a passage described by `selectors` is in `text` (a document's normalised
 * text), trying the cheapest method first: the stored position, an exact search for the
 * quote, a whitespace-insensitive search, then a fuzzy search. Returns null for an orphan,
 * which callers keep and show rather than drop. For a paginated document, `pages` lets a
 * stored page stand in for a missing or unusable position when choosing between candidates.
 */
export function anchor(
  text: string,
  selectors: readonly Selector[],
  pages?: readonly Page[],
): Anchored | null {
  const quote = quoteSelectorOf(selectors);
  const position = positionSelectorOf(selectors);
  const positionFits = position !== undefined && isWithin(text, position);

  if (!quote || quote.exact === '') {
    return positionFits ? { ...rangeOf(position), method: 'position', score: 1 } : null;
  }
  if (positionFits && text.slice(position.start, position.end) === quote.exact) {
    return { ...rangeOf(position), method: 'position', score: 1 };
  }
  const hint = positionFits
    ? position.start
    : (pageStart(selectors, pages) ?? position?.start ?? null);
  return exactAnchor(text, quote, hint) ?? looseAnchor(text, quote, hint);
}

function exactAnchor(text: string, quote: TextQuoteSelector, hint: number | null): Anchored | null {
  const best = pickByContext(text, exactOccurrences(text, quote.exact), quote, hint);
  return best ? { ...best, method: 'quote', score: 1 } : null;
}

/**
 * Searches a whitespace-collapsed view of the text, so that re-wrapped or re-spaced text
 * still matches exactly, and falls back to a fuzzy search in the same view.
 */
function looseAnchor(text: string, quote: TextQuoteSelector, hint: number | null): Anchored | null {
  const pattern = collapseWhitespace(quote.exact);
  if (pattern === '') return null;
  const view = collapsedView(text);
  const toText = (m: QuoteMatch): TextRange | null => mapToText(text, view, m);

  const respaced = exactOccurrences(view.text, pattern).map(toText).filter(isRange);
  const best = pickByContext(text, respaced, quote, hint);
  if (best) return { ...best, method: 'quote', score: 1 };

  if (pattern.length < MIN_FUZZY_LENGTH) return null;
  let winner: { range: TextRange; quoteScore: number; total: number } | null = null;
  for (const match of approximateMatches(view.text, pattern)) {
    const quoteScore = 1 - match.errors / pattern.length;
    const range = toText(match);
    if (!range || quoteScore < MIN_QUOTE_SIMILARITY) continue;
    const total =
      (WEIGHT.quote * quoteScore +
        WEIGHT.prefix * prefixScore(text, range, quote) +
        WEIGHT.suffix * suffixScore(text, range, quote) +
        WEIGHT.position * positionScore(text, range, hint)) /
      WEIGHT_TOTAL;
    if (!winner || total > winner.total) winner = { range, quoteScore, total };
  }
  return winner ? { ...winner.range, method: 'fuzzy', score: winner.quoteScore } : null;
}

/** Among equally good quote matches: best prefix and suffix agreement, then nearest the old position. */
function pickByContext(
  text: string,
  ranges: readonly TextRange[],
  quote: TextQuoteSelector,
  hint: number | null,
): TextRange | null {
  if (ranges.length <= 1) return ranges[0] ? rangeOf(ranges[0]) : null;
  let best: { range: TextRange; context: number; distance: number } | null = null;
  for (const range of ranges) {
    const context = prefixScore(text, range, quote) + suffixScore(text, range, quote);
    const distance = hint === null ? 0 : Math.abs(range.start - hint);
    const better =
      !best ||
      context > best.context + 1e-9 ||
      (Math.abs(context - best.context) <= 1e-9 && distance < best.distance);
    if (better) best = { range, context, distance };
  }
  return best ? rangeOf(best.range) : null;
}

function prefixScore(text: string, range: TextRange, quote: TextQuoteSelector): number {
  const from = Math.max(0, range.start - quote.prefix.length - CONTEXT_SLACK);
  return contextSimilarity(quote.prefix, text.slice(from, range.start), 'prefix');
}

function suffixScore(text: string, range: TextRange, quote: TextQuoteSelector): number {
  const after = text.slice(range.end, range.end + quote.suffix.length + CONTEXT_SLACK);
  return contextSimilarity(quote.suffix, after, 'suffix');
}

function positionScore(text: string, range: TextRange, hint: number | null): number {
  if (hint === null) return 1;
  return 1 - Math.min(1, Math.abs(range.start - hint) / Math.max(1, text.length));
}

/** A range in the collapsed view as a range of the original text, without edge whitespace. */
function mapToText(text: string, view: CollapsedView, m: QuoteMatch): TextRange | null {
  let start = view.toOriginal[m.start];
  const last = view.toOriginal[m.end - 1];
  if (start === undefined || last === undefined) return null;
  let end = last + 1;
  while (start < end && /\s/.test(text.charAt(start))) start += 1;
  while (end > start && /\s/.test(text.charAt(end - 1))) end -= 1;
  return end > start ? { start, end } : null;
}

/** Where the stored page begins in the text, when the document has pages and the page exists. */
function pageStart(selectors: readonly Selector[], pages: readonly Page[] | undefined) {
  const page = selectors.find((s): s is PageSelector => s.type === 'PageSelector');
  return page && pages ? (pages[page.index]?.start ?? null) : null;
}

function isRange(range: TextRange | null): range is TextRange {
  return range !== null;
}

function isWithin(text: string, position: TextPositionSelector): boolean {
  return position.start >= 0 && position.start < position.end && position.end <= text.length;
}

function rangeOf(range: TextRange): TextRange {
  return { start: range.start, end: range.end };
}
