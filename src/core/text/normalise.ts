/**
 * The one normalisation used on both sides of anchoring: when a document's text is built at
 * ingest (and a quote is captured from it) and when a stored quote is matched again later.
 * Changing either function changes what stored selectors mean, so treat them as a format.
 */

const BOM = '\uFEFF';

/** Strips a leading byte-order mark, composes to NFC and turns \r\n and lone \r into \n. */
export function normaliseText(s: string): string {
  const withoutBom = s.startsWith(BOM) ? s.slice(BOM.length) : s;
  return withoutBom.replace(/\r\n?/g, '\n').normalize('NFC');
}

/**
 * Turns every run of whitespace (spaces, tabs, line breaks, NBSP and the other Unicode spaces
 * that `\s` knows) into one space and trims the ends.
 */
export function collapseWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** A whitespace-collapsed view of a text that remembers where each character came from. */
export interface CollapsedView {
  /** `text` with every whitespace run replaced by one space (not trimmed). */
  text: string;
  /** For each index of `text`, the index in the original of the character it came from. */
  toOriginal: Int32Array;
}

/**
 * Like collapseWhitespace but without trimming and with an offset map, so a match found in
 * the collapsed view can be mapped back onto the original text.
 */
export function collapsedView(original: string): CollapsedView {
  const map = new Int32Array(original.length);
  const parts: string[] = [];
  let n = 0;
  let last = 0;
  const keep = (from: number, to: number): void => {
    parts.push(original.slice(from, to));
    for (let i = from; i < to; i += 1) map[n++] = i;
  };
  for (const run of original.matchAll(/\s+/g)) {
    keep(last, run.index);
    parts.push(' ');
    map[n++] = run.index;
    last = run.index + run[0].length;
  }
  keep(last, original.length);
  return { text: parts.join(''), toOriginal: map.subarray(0, n) };
}
