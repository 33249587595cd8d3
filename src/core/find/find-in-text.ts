import type { TextRange } from '../anchoring';

/** Enough for any screenful; a one-letter query in a long report would otherwise mark everything. */
export const MAX_FIND_MATCHES = 10_000;

/**
 * Where `query` occurs in `text`, ignoring case, with any run of whitespace in the query
 * matching any run in the text (a phrase may be broken across lines). Matches do not overlap.
 */
export function findInText(text: string, query: string, limit = MAX_FIND_MATCHES): TextRange[] {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const pattern = new RegExp(words.map(escapeRegExp).join('\\s+'), 'giu');
  const found: TextRange[] = [];
  for (const match of text.matchAll(pattern)) {
    if (found.length >= limit) break;
    found.push({ start: match.index, end: match.index + match[0].length });
  }
  return found;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The index after (or before) `current` in a list of `count`, wrapping round; 0 for a new list. */
export function stepIndex(current: number | null, count: number, direction: 1 | -1): number {
  if (count === 0) return -1;
  if (current === null || current < 0) return direction === 1 ? 0 : count - 1;
  return (((current + direction) % count) + count) % count;
}
