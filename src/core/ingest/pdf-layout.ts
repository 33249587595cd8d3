/**
 * From lines (see pdf-lines.ts) to paragraphs, headings and page offsets. Pure functions over
 * plain numbers, so that each heuristic can be tested without a PDF.
 */
import type { Block, Page } from '../model';
import { collapseWhitespace, normaliseText } from '../text/normalise';
import { assembleBlocks, type DraftBlock } from './document';
import { dominant, dropRunningLines, type PdfLine, type PdfPageLines } from './pdf-lines';

/** A paragraph starts where the baseline gap exceeds the usual line spacing by this much. */
const PARAGRAPH_GAP = 1.3;
/** A line this far (in ems) above the previous one starts the next column. */
const COLUMN_JUMP_EM = 0.5;
/** Sizes within this ratio are the same size (rounding, a superscript in the mix). */
const SAME_SIZE = 0.1;
/** A short line this much larger than the body text is a heading. */
const HEADING_SIZE = 1.15;
const HEADING_MAX_CHARS = 200;
const HEADING_MAX_LINES = 3;
/** How many lines of page 1 go into metadata guessing (title, byline). */
const LEAD_LINES = 15;

const SOFT_HYPHEN = /\u00AD/g;
// Bullets, including the private-use code points that Symbol and Wingdings bullets map to.
const BULLET = /^[•◦▪▫‣∙●○■□\uF0A7\uF0B7\uF076\uF0D8]\s*/u;
const SENTENCE_END = /[.!?]["”’)]?$/u;

export interface BodyMetrics {
  fontSize: number;
  /** Usual distance between the baselines of two lines of one body paragraph. */
  lineSpacing: number;
}

/**
 * The body text's size (the one most characters are set in) and its line spacing. Spacing is
 * the lower quartile of baseline gaps, not the median, so documents of short paragraphs (as
 * many gaps between paragraphs as within them) still measure the spacing within one.
 */
export function measureBody(pages: readonly (readonly PdfLine[])[]): BodyMetrics {
  const chars = new Map<number, number>();
  for (const line of pages.flat()) {
    const size = Math.round(line.fontSize * 2) / 2;
    chars.set(size, (chars.get(size) ?? 0) + line.text.length);
  }
  const fontSize = dominant(chars) || 10;
  const gaps: number[] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i += 1) {
      const [a, b] = [lines[i - 1], lines[i]];
      if (!a || !b || !sameSize(a.fontSize, fontSize) || !sameSize(b.fontSize, fontSize)) continue;
      const gap = b.y - a.y;
      if (gap >= 0.8 * fontSize && gap <= 3 * fontSize) gaps.push(gap);
    }
  }
  gaps.sort((a, b) => a - b);
  return { fontSize, lineSpacing: gaps[Math.floor((gaps.length - 1) / 4)] ?? 1.2 * fontSize };
}

function sameSize(a: number, b: number): boolean {
  return Math.abs(a - b) <= SAME_SIZE * Math.max(a, b);
}

export function startsParagraph(prev: PdfLine, line: PdfLine, body: BodyMetrics): boolean {
  if (!sameSize(prev.fontSize, line.fontSize)) return true;
  const size = Math.max(prev.fontSize, line.fontSize);
  const gap = line.y - prev.y;
  const spacing = body.lineSpacing * (prev.fontSize / body.fontSize);
  // Upwards: the top of the next column.
  if (gap > PARAGRAPH_GAP * spacing || gap < -COLUMN_JUMP_EM * size) return true;
  if (BULLET.test(line.text)) return true;
  // Paragraphs set without spacing, marked only by a first-line indent.
  return line.x > prev.x + 0.8 * size && SENTENCE_END.test(prev.text);
}

/**
 * Joins a paragraph's lines, undoing end-of-line hyphenation: "gov-" + "ernment" becomes
 * "government" when the next line starts in lower case. That also turns a compound broken at
 * its own hyphen ("twenty-" + "five") into "twentyfive", unless the document spells the
 * hyphenated form elsewhere and never the joined one (`words`, lower-cased). Before a capital
 * or a digit the hyphen stays and no space is added ("Franco-" + "Prussian").
 */
export function joinLines(
  lines: readonly string[],
  words: ReadonlySet<string> = new Set(),
): string {
  let text = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (!text) {
      text = line;
    } else if (text.endsWith('\u00AD')) {
      text = text.slice(0, -1) + line;
    } else if (/[\p{L}\p{N}][-\u2010]$/u.test(text)) {
      const before = /[\p{L}\p{N}]+(?=[-\u2010]$)/u.exec(text)?.[0].toLowerCase() ?? '';
      const after = /^\p{Ll}[\p{L}\p{N}]*/u.exec(line)?.[0] ?? '';
      const keepHyphen =
        !after || (words.has(`${before}-${after}`) && !words.has(`${before}${after}`));
      text = (keepHyphen ? text : text.slice(0, -1)) + line;
    } else {
      text += ` ${line}`;
    }
  }
  return text.replace(SOFT_HYPHEN, '');
}

/** Lower-cased words of the lines, hyphenated compounds included, for joinLines. */
export function wordsOf(lines: readonly PdfLine[]): Set<string> {
  const words = new Set<string>();
  for (const line of lines) {
    for (const match of line.text
      .toLowerCase()
      .matchAll(/[\p{L}\p{N}]+(?:[-\u2010][\p{L}\p{N}]+)*/gu)) {
      const word = match[0].replace(/\u2010/g, '-');
      words.add(word);
    }
  }
  return words;
}

export interface PdfLayout {
  /** Draft blocks of each page, in page order. */
  pages: DraftBlock[][];
  /** A title found in the text: page 1's first heading, else its first line. */
  bodyTitle: string | null;
  /** The first lines of page 1, where a byline would be. */
  leadLines: string[];
}

/** Lines of every page to blocks: headers and footers dropped, paragraphs and headings found. */
export function layoutDocument(pages: readonly PdfPageLines[]): PdfLayout {
  const kept = dropRunningLines(pages);
  const body = measureBody(kept);
  const words = wordsOf(kept.flat());
  const groups = kept.map((lines) => splitParagraphs(lines, body));
  const headingSizes = [
    ...new Set(
      groups
        .flat()
        .filter((g) => isHeading(g, body))
        .map((g) => headingKey(g)),
    ),
  ].sort((a, b) => b - a);
  const drafts = groups.map((page) =>
    page.map((group): DraftBlock => {
      const text = normaliseText(
        joinLines(
          group.map((line) => line.text),
          words,
        ),
      );
      if (isHeading(group, body)) {
        return { kind: 'heading', level: headingSizes.indexOf(headingKey(group)) + 1, text };
      }
      const bullet = BULLET.exec(text);
      return bullet
        ? { kind: 'list-item', text: text.slice(bullet[0].length) }
        : { kind: 'paragraph', text };
    }),
  );
  const firstPage = kept[0] ?? [];
  const firstHeading = drafts[0]?.find((draft) => draft.kind === 'heading');
  return {
    pages: drafts,
    bodyTitle: collapseWhitespace(firstHeading?.text ?? firstPage[0]?.text ?? '') || null,
    leadLines: firstPage.slice(0, LEAD_LINES).map((line) => line.text),
  };
}

function splitParagraphs(lines: readonly PdfLine[], body: BodyMetrics): PdfLine[][] {
  const groups: PdfLine[][] = [];
  let prev: PdfLine | undefined;
  for (const line of lines) {
    const group = groups.at(-1);
    if (group && prev && !startsParagraph(prev, line, body)) group.push(line);
    else groups.push([line]);
    prev = line;
  }
  return groups;
}

function isHeading(group: readonly PdfLine[], body: BodyMetrics): boolean {
  const first = group[0];
  if (!first || group.length > HEADING_MAX_LINES) return false;
  const chars = group.reduce((n, line) => n + line.text.length, 0);
  return first.fontSize >= HEADING_SIZE * body.fontSize && chars <= HEADING_MAX_CHARS;
}

function headingKey(group: readonly PdfLine[]): number {
  return Math.round((group[0]?.fontSize ?? 0) * 2) / 2;
}

/**
 * Lays the pages' blocks end to end as assembleBlocks does, and records where each page's
 * text starts and ends. Blocks never cross a page; an empty page is an empty slice at the
 * offset where the text before it ends.
 */
export function assemblePages(pages: readonly (readonly DraftBlock[])[]): {
  text: string;
  blocks: Block[];
  pages: Page[];
} {
  // Empty drafts are dropped here, not by assembleBlocks, so that blocks and drafts align.
  const kept = pages.map((drafts) => drafts.filter((draft) => collapseWhitespace(draft.text)));
  const { text, blocks } = assembleBlocks(kept.flat());
  const offsets: Page[] = [];
  let index = 0;
  let offset = 0;
  for (const drafts of kept) {
    const first = blocks[index];
    const last = blocks[index + drafts.length - 1];
    if (drafts.length > 0 && first && last) {
      offsets.push({ start: first.start, end: last.end });
      offset = last.end;
    } else {
      offsets.push({ start: offset, end: offset });
    }
    index += drafts.length;
  }
  return { text, blocks, pages: offsets };
}
