/**
 * The link between a PDF page's text items (the strings pdf.js's text layer draws, one per
 * item, in content order) and the document text the importer built from the same items.
 *
 * The importer joined items into lines and paragraphs, joined words hyphenated at line ends,
 * dropped bullets, control characters and running headers. Rather than re-run that layout and
 * hope it stays in step, each item is aligned character by character against its page's slice
 * of the stored text, which is what annotations are anchored in: whatever the layout did, a
 * character of an item either is a character of the text or is left unmapped.
 */
import type { Page } from '../model';

/** For each item, for each of its UTF-16 units, the offset in the document text, or -1. */
export interface PageTextMap {
  page: Page;
  offsets: Int32Array[];
}

/** Part of one item, [from, to) in the item's string, that lies inside a range of the text. */
export interface ItemSpan {
  item: number;
  from: number;
  to: number;
}

/** How far ahead (in characters of the text) an item that lost step may be found again. */
const RESYNC_WINDOW = 1500;
/** Letters and digits of an item that must read on where it is re-found; few lines repeat so much. */
const RESYNC_KEY = 60;
/** A shorter key is only trusted close to where the text was expected to continue. */
const SHORT_KEY = 6;
const SHORT_WINDOW = 40;

const SPACE = /\s/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Aligns `items` (in the order pdf.js reports them) with `text.slice(page.start, page.end)`.
 * Items are expected in reading order, as the importer read them; one that does not continue
 * the text where the previous item stopped (a dropped header, a page number) is looked for a
 * little further on and, when absent, left unmapped.
 */
export function mapPageItems(text: string, page: Page, items: readonly string[]): PageTextMap {
  const end = Math.min(page.end, text.length);
  let pos = page.start;
  const offsets = items.map((str) => {
    const out = new Int32Array(str.length).fill(-1);
    let j = 0;
    while (j < str.length) {
      const c = str.charAt(j);
      if (SPACE.test(c)) {
        j += 1;
        continue;
      }
      let p = pos;
      while (p < end && SPACE.test(text.charAt(p))) p += 1;
      if (p < end && text.charAt(p) === c) {
        out[j] = p;
        pos = p + 1;
        j += 1;
        continue;
      }
      // Hyphens joined away, bullets and stray symbols the layout dropped: skip in the item.
      if (!WORD_CHAR.test(c)) {
        j += 1;
        continue;
      }
      const found = resync(text, str, j, pos, end);
      if (found === null) {
        // Not in the text (a header, a page number): leave the rest of this word unmapped.
        while (j < str.length && !SPACE.test(str.charAt(j))) j += 1;
      } else {
        pos = found;
      }
    }
    return out;
  });
  return { page: { start: page.start, end }, offsets };
}

/**
 * Where the text continues with the item from `j` on, at or after `pos`: the nearest place
 * where the rest of the item (up to RESYNC_KEY characters of it) reads on unbroken. A header
 * that happens to begin like a sentence of the body fails as soon as the two part.
 */
function resync(text: string, str: string, j: number, pos: number, end: number): number | null {
  const first = /^[\p{L}\p{N}]+/u.exec(str.slice(j))?.[0] ?? '';
  if (first === '') return null;
  const wanted = Math.min(RESYNC_KEY, wordChars(str, j));
  const window = wanted >= SHORT_KEY ? RESYNC_WINDOW : SHORT_WINDOW;
  const limit = Math.min(end, pos + window + first.length);
  for (let at = text.indexOf(first, pos); at >= 0 && at + first.length <= limit;) {
    if (readsOn(text, at, end, str, j, wanted)) return at;
    at = text.indexOf(first, at + 1);
  }
  return null;
}

function wordChars(str: string, j: number): number {
  let n = 0;
  for (let k = j; k < str.length; k += 1) if (WORD_CHAR.test(str.charAt(k))) n += 1;
  return n;
}

/** Whether `wanted` word characters of the item from `j` read on in the text from `at`. */
function readsOn(
  text: string,
  at: number,
  end: number,
  str: string,
  j: number,
  wanted: number,
): boolean {
  let p = at;
  let matched = 0;
  for (let k = j; k < str.length && matched < wanted; k += 1) {
    const c = str.charAt(k);
    if (SPACE.test(c)) continue;
    while (p < end && SPACE.test(text.charAt(p))) p += 1;
    if (p < end && text.charAt(p) === c) {
      p += 1;
      if (WORD_CHAR.test(c)) matched += 1;
    } else if (WORD_CHAR.test(c)) {
      return false;
    }
  }
  return matched >= wanted;
}

/** The parts of items that show `range` of the text, in item order. */
export function itemSpansOf(map: PageTextMap, range: { start: number; end: number }): ItemSpan[] {
  const spans: ItemSpan[] = [];
  if (range.end <= map.page.start || range.start >= map.page.end) return spans;
  map.offsets.forEach((offsets, item) => {
    let from = -1;
    let to = -1;
    for (let j = 0; j < offsets.length; j += 1) {
      const o = offsets[j] ?? -1;
      if (o < range.start || o >= range.end) continue;
      if (from < 0) from = j;
      to = j + 1;
    }
    if (from >= 0) spans.push({ item, from, to });
  });
  return spans;
}

/**
 * The text offset of a position inside an item (a DOM selection end): for the start of a
 * selection, the first mapped character at or after it; for the end, just past the last mapped
 * character before it. Null when there is none on the page in that direction.
 */
export function textOffsetAt(
  map: PageTextMap,
  item: number,
  char: number,
  side: 'start' | 'end',
): number | null {
  const { offsets } = map;
  if (side === 'start') {
    for (let i = Math.max(0, item); i < offsets.length; i += 1) {
      const row = offsets[i] ?? new Int32Array();
      for (let j = i === item ? Math.max(0, char) : 0; j < row.length; j += 1) {
        const o = row[j] ?? -1;
        if (o >= 0) return o;
      }
    }
    return null;
  }
  for (let i = Math.min(item, offsets.length - 1); i >= 0; i -= 1) {
    const row = offsets[i] ?? new Int32Array();
    for (let j = (i === item ? Math.min(char, row.length) : row.length) - 1; j >= 0; j -= 1) {
      const o = row[j] ?? -1;
      if (o >= 0) return o + 1;
    }
  }
  return null;
}

/** The 0-based page whose slice holds `offset`; the last page that starts at or before it. */
export function pageOfOffset(pages: readonly Page[], offset: number): number {
  let found = 0;
  pages.forEach((page, i) => {
    if (page.start <= offset && page.end > page.start) found = i;
  });
  return found;
}
