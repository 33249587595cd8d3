/**
 * Offsets into a text counted in UTF-16 units (JavaScript strings, Dossier's selectors) and in
 * Unicode code points (REFI-QDA, W3C TextPositionSelector). They differ only after a
 * character outside the Basic Multilingual Plane (emoji, many CJK extensions), which takes two
 * UTF-16 units and one code point. Build once per text, then convert any number of offsets.
 */
export interface CodePointMap {
  /** Code points in the whole text. */
  readonly length: number;
  /** The code-point offset of a UTF-16 offset; an offset inside a pair counts as after it. */
  toCodePoint(utf16: number): number;
  /** The UTF-16 offset of a code-point offset; offsets past the end are clamped to it. */
  toUtf16(codePoint: number): number;
}

const SURROGATE = /[\uD800-\uDFFF]/;

export function codePointMap(text: string): CodePointMap {
  if (!SURROGATE.test(text)) {
    const clamp = (n: number) => Math.max(0, Math.min(text.length, Math.trunc(n)));
    return { length: text.length, toCodePoint: clamp, toUtf16: clamp };
  }
  // UTF-16 offsets of each astral character's first unit, ascending; the k-th of them sits at
  // code point (offset - k).
  const pairs: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        pairs.push(i);
        i += 1;
      }
    }
  }
  const length = text.length - pairs.length;
  return {
    length,
    toCodePoint(utf16) {
      const at = Math.max(0, Math.min(text.length, Math.trunc(utf16)));
      // Each pair that ends at or before `at` counts one unit less.
      // (An offset between the halves of a pair lands after its character.)
      return at - countBelow(pairs, (p) => p + 2 <= at);
    },
    toUtf16(codePoint) {
      const cp = Math.max(0, Math.min(length, Math.trunc(codePoint)));
      // Pairs whose code point lies before `cp` add one unit each.
      const before = countBelow(pairs, (p, k) => p - k < cp);
      return cp + before;
    },
  };
}

/** How many leading items of a sorted list pass `test` (which holds for a prefix of it). */
function countBelow(list: readonly number[], test: (value: number, index: number) => boolean) {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (test(list[mid] as number, mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
