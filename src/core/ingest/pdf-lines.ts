/**
 * From positioned text runs (what pdf.js reports for a page) to lines, and the removal of
 * running headers and footers. Pure functions over plain numbers, testable without a PDF.
 * Coordinates are in points with y growing downwards, measured at the baseline, as a page
 * is read.
 */
import { collapseWhitespace } from '../text/normalise';

export interface PdfTextItem {
  str: string;
  x: number;
  /** Baseline, from the top of the page. */
  y: number;
  width: number;
  fontSize: number;
  /** pdf.js's own judgement that a line ends after this run. */
  hasEOL: boolean;
}

export interface PdfLine {
  text: string;
  x: number;
  y: number;
  width: number;
  /** The size most of the line's characters are set in (a footnote mark does not count). */
  fontSize: number;
}

export interface PdfPageLines {
  lines: PdfLine[];
  /** Page height, to tell a running header or footer from body text. */
  height: number;
}

/** Runs closer than this (in ems) are one word split by kerning, not two words. */
const WORD_GAP_EM = 0.2;
/** A baseline this far (in ems) from the line's is a new line; superscripts stay. */
const LINE_SHIFT_EM = 0.5;
/** Running headers and footers live in this fraction of the page at the top and bottom. */
const MARGIN_BAND = 0.12;

// Control characters come from broken ToUnicode maps and only add noise; whitespace stays.
const CONTROL = /(?![\t\n\r\f\v])\p{Cc}/gu;
// Three digits at most, so that a year in the margin stays; Roman numerals must be well
// formed, so that a margin word like "civil" is not one.
const ROMAN = '(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})';
const PAGE_NUMBER = new RegExp(
  `^(?:(?:page|p\\.)\\s*)?(?:\\d{1,3}|${ROMAN})(?:\\s*(?:of|/)\\s*\\d{1,4})?$|^[-–—]\\s*\\d{1,4}\\s*[-–—]$`,
  'iu',
);

interface LineDraft extends PdfLine {
  end: number;
  sizes: Map<number, number>;
}

/** Runs in content-stream order (which is reading order for almost every producer) to lines. */
export function groupLines(items: readonly PdfTextItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: LineDraft | null = null;
  let eol = false;
  for (const item of items) {
    if (current && (eol || leavesLine(current, item))) {
      lines.push(finishLine(current));
      current = null;
    }
    eol = item.hasEOL;
    const str = item.str.replace(CONTROL, '');
    // Empty runs only carry hasEOL; blank runs mean something between words only.
    if (!str || (!current && !str.trim())) continue;
    current ??= {
      text: '',
      x: item.x,
      y: item.y,
      width: 0,
      fontSize: 0,
      end: item.x,
      sizes: new Map(),
    };
    appendRun(current, str, item);
  }
  if (current) lines.push(finishLine(current));
  return lines.filter((line) => line.text !== '');
}

function appendRun(line: LineDraft, str: string, item: PdfTextItem): void {
  const gap = item.x - line.end;
  const spaced = /\s$/.test(line.text) || /^\s/.test(str);
  const em = Math.min(item.fontSize, line.fontSize || item.fontSize);
  if (line.text && !spaced && gap > WORD_GAP_EM * em) line.text += ' ';
  line.text += str;
  line.end = Math.max(line.end, item.x + item.width);
  const size = Math.round(item.fontSize * 10) / 10;
  line.sizes.set(size, (line.sizes.get(size) ?? 0) + str.trim().length);
  line.fontSize = dominant(line.sizes);
}

function leavesLine(line: LineDraft, item: PdfTextItem): boolean {
  const size = Math.max(line.fontSize, item.fontSize, 1);
  // Far back to the left on the same baseline: another column or a table read across.
  return Math.abs(item.y - line.y) > LINE_SHIFT_EM * size || item.x < line.end - 2 * size;
}

function finishLine({ text, x, y, end, fontSize }: LineDraft): PdfLine {
  return { text: collapseWhitespace(text), x, y, width: end - x, fontSize };
}

/** The key with the largest count. */
export function dominant(counts: ReadonlyMap<number, number>): number {
  let best = 0;
  let bestCount = -1;
  for (const [value, count] of counts) {
    if (count > bestCount) [best, bestCount] = [value, count];
  }
  return best;
}

/**
 * Drops running headers and footers: lines among the first or last two of a page, in its top
 * or bottom margin band, that are bare page numbers or that recur (digits ignored, so "Page
 * 3 of 9" matches "Page 4 of 9") on at least half the pages, and on two at the least.
 */
export function dropRunningLines(pages: readonly PdfPageLines[]): PdfLine[][] {
  const candidates = pages.map(marginLines);
  const pageCounts = new Map<string, number>();
  for (const indexes of candidates) {
    const keys = new Set([...indexes.values()]);
    for (const key of keys) pageCounts.set(key, (pageCounts.get(key) ?? 0) + 1);
  }
  const withText = pages.filter((page) => page.lines.length > 0).length;
  const recurs = (key: string): boolean => {
    const count = pageCounts.get(key) ?? 0;
    return count >= 2 && count >= Math.ceil(withText / 2);
  };
  return pages.map((page, p) =>
    page.lines.filter((line, i) => {
      const key = candidates[p]?.get(i);
      return key === undefined || !(recurs(key) || PAGE_NUMBER.test(line.text));
    }),
  );
}

/** Index -> comparison key of the lines that could be a running header or footer. */
function marginLines({ lines, height }: PdfPageLines): Map<number, string> {
  const found = new Map<number, string>();
  const indexes = [0, 1, lines.length - 2, lines.length - 1];
  for (const i of indexes) {
    const line = lines[i];
    if (!line || found.has(i)) continue;
    if (line.y < height * MARGIN_BAND || line.y > height * (1 - MARGIN_BAND)) {
      found.set(i, line.text.toLowerCase().replace(/\d+/g, '#'));
    }
  }
  return found;
}
