import search from 'approx-string-match';

/** A place where a pattern was found, with its edit distance to the pattern. */
export interface QuoteMatch {
  start: number;
  end: number;
  errors: number;
}

/** Beyond this many occurrences a quote says nothing about where it is; stop collecting. */
const MAX_OCCURRENCES = 10_000;
/** Upper bound on errors for a whole-text search; the search slows down with every word of 32. */
export const MAX_ERRORS = 32;
/** Length of the head and tail of a long quote that are searched for on their own. */
const PART_LENGTH = 64;
/** How many regions found by head or tail are verified against the whole quote. */
const MAX_REGIONS = 8;
/** Short patterns in long texts can match in thousands of places; rank only the first ones. */
const MAX_MATCHES = 2000;

export function exactOccurrences(text: string, pattern: string): QuoteMatch[] {
  const found: QuoteMatch[] = [];
  if (pattern === '') return found;
  for (let i = text.indexOf(pattern); i >= 0 && found.length < MAX_OCCURRENCES;) {
    found.push({ start: i, end: i + pattern.length, errors: 0 });
    i = text.indexOf(pattern, i + 1);
  }
  return found;
}

/**
 * Approximate matches of `pattern` with at most a quarter of its length in errors.
 *
 * A search over the whole text is bounded to MAX_ERRORS so that a long document stays fast.
 * For a quote longer than 4 * MAX_ERRORS that bound is tighter than a quarter, so when it
 * finds nothing, the quote's head and tail are searched for separately and the regions they
 * point at are checked against the whole quote with the full allowance.
 */
export function approximateMatches(text: string, pattern: string): QuoteMatch[] {
  const allowed = Math.floor(pattern.length / 4);
  if (allowed === 0) return [];
  const direct = search(text, pattern, Math.min(MAX_ERRORS, allowed));
  if (direct.length > 0 || allowed <= MAX_ERRORS) return direct.slice(0, MAX_MATCHES);
  return viaHeadAndTail(text, pattern, allowed);
}

function viaHeadAndTail(text: string, pattern: string, allowed: number): QuoteMatch[] {
  const partErrors = Math.floor(PART_LENGTH / 4);
  const headStarts = search(text, pattern.slice(0, PART_LENGTH), partErrors).map((m) => m.start);
  const tailStarts = search(text, pattern.slice(-PART_LENGTH), partErrors).map(
    (m) => m.end - pattern.length,
  );
  const regions = distinctStarts([...headStarts, ...tailStarts], allowed).slice(0, MAX_REGIONS);

  const verified: QuoteMatch[] = [];
  for (const regionStart of regions) {
    const from = Math.max(0, regionStart - allowed);
    const to = Math.min(text.length, regionStart + pattern.length + allowed);
    const best = search(text.slice(from, to), pattern, allowed)[0];
    if (best)
      verified.push({ start: best.start + from, end: best.end + from, errors: best.errors });
  }
  return verified;
}

/** Sorted starts with near-duplicates (closer than `gap`) merged, as they verify the same region. */
function distinctStarts(starts: readonly number[], gap: number): number[] {
  const out: number[] = [];
  for (const start of [...starts].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last === undefined || start - last > gap) out.push(start);
  }
  return out;
}

/**
 * How closely the text next to a candidate agrees with a stored prefix or suffix, 0..1.
 * `actual` may be a little longer than `expected`: the comparison is anchored at the
 * candidate (the end of a prefix, the start of a suffix) and the far end is free.
 * Whitespace runs compare equal whatever they are made of.
 */
export function contextSimilarity(
  expected: string,
  actual: string,
  side: 'prefix' | 'suffix',
): number {
  const want = expected.replace(/\s+/g, ' ');
  if (want === '') return 1;
  const have = actual.replace(/\s+/g, ' ');
  if (side === 'prefix' ? have.endsWith(want) : have.startsWith(want)) return 1;
  const errors =
    side === 'prefix'
      ? anchoredDistance(reverse(want), reverse(have))
      : anchoredDistance(want, have);
  return Math.max(0, 1 - errors / want.length);
}

/**
 * Edit distance between `a` and the best prefix of `b`. Plain dynamic programming: context
 * strings are a few dozen characters, and this runs for every candidate of a common quote.
 */
function anchoredDistance(a: string, b: string): number {
  let previous = Uint32Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const substitution =
        (previous[j - 1] ?? 0) + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(substitution, (previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1);
    }
    [previous, current] = [current, previous];
  }
  return Math.min(...previous);
}

function reverse(s: string): string {
  return Array.from(s).reverse().join('');
}
