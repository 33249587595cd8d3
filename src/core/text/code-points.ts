/**
 * Offsets in a report count Unicode code points, as W3C Web Annotation and REFI-QDA do, so a
 * citation means the same in any language; JavaScript strings count UTF-16 units, in which an
 * emoji or any other character outside the Basic Multilingual Plane takes two. These convert
 * between the two for one text.
 *
 * A code-point offset is the number of code points that begin before a UTF-16 offset, i.e.
 * `Array.from(text.slice(0, offset)).length`; a lone surrogate counts as one code point.
 */
export interface CodePointIndex {
  /** The text's length in code points. */
  readonly length: number;
  /** A UTF-16 offset (clamped to the text) as a code-point offset. */
  toCodePoints(utf16: number): number;
  /** A code-point offset (clamped to the text) as a UTF-16 offset. */
  toUtf16(codePoints: number): number;
}

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/**
 * An index of `text`'s surrogate pairs, so that each conversion is a binary search; for the
 * common text without any, both conversions are the identity.
 */
export function codePointIndex(text: string): CodePointIndex {
  // The UTF-16 offset of the low half of each pair, ascending: each is one unit that is not a
  // code point of its own.
  const lows: number[] = [];
  for (const pair of text.matchAll(SURROGATE_PAIR)) lows.push(pair.index + 1);
  const clamp16 = (n: number): number => Math.min(text.length, Math.max(0, Math.trunc(n)));
  const length = text.length - lows.length;
  if (lows.length === 0) {
    return {
      length,
      toCodePoints: clamp16,
      toUtf16: clamp16,
    };
  }
  return {
    length,
    // Low halves before `utf16` do not count; one at `utf16` itself means the offset splits a
    // pair, whose code point began before it and so counts.
    toCodePoints: (utf16) => {
      const offset = clamp16(utf16);
      return offset - countBelow(lows, offset);
    },
    toUtf16: (codePoints) => {
      const target = Math.min(length, Math.max(0, Math.trunc(codePoints)));
      // The smallest UTF-16 offset whose code-point offset is `target`: add one unit for each
      // pair that starts before it.
      let low = 0;
      let high = lows.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        // Code points before the high half of pair `mid`:
        if ((lows[mid] ?? 0) - 1 - mid < target) low = mid + 1;
        else high = mid;
      }
      return target + low;
    },
  };
}

/** How many of the ascending `values` are below `limit`. */
function countBelow(values: readonly number[], limit: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((values[mid] ?? 0) < limit) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** `utf16` offset into `text` in code points. */
export function toCodePoints(text: string, utf16: number): number {
  return codePointIndex(text).toCodePoints(utf16);
}

/** `codePoints` offset into `text` in UTF-16 units. */
export function toUtf16(text: string, codePoints: number): number {
  return codePointIndex(text).toUtf16(codePoints);
}
