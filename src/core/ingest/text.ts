import type { ParsedDocument } from '../model';
import { collapseWhitespace } from '../text/normalise';
import {
  assembleBlocks,
  BYLINE_LINES,
  headerField,
  resolveMeta,
  setHeader,
  type DraftBlock,
  type Headers,
} from './document';

/**
 * Site furniture that copy-and-paste and news-database exports leave above the headline.
 * Matched against a whole line, case-insensitively, ignoring trailing punctuation.
 */
const BOILERPLATE = new Set([
  'advertisement',
  'skip to content',
  'skip to main content',
  'skip to navigation',
  'subscribe',
  'subscribe now',
  'share this article',
  'share',
  'sign in',
  'log in',
  'menu',
]);

const HEADER_LINE = /^\s*([A-Za-z]+)\s*:\s*(.*)$/;

/**
 * Parses plain text laid out as the bundled samples and typical exports are:
 *
 *     Headline
 *     Source: The Harbour Gazette
 *     Date: 2008-03-14
 *
 *     First paragraph, possibly hard-wrapped
 *     over several lines.
 *
 * `text` must already be normalised (normaliseText). The headline stays in the text as a
 * level-1 heading; header lines do not.
 */
export function parseTextDocument(text: string, fileName: string): ParsedDocument {
  const lines = text.split('\n');
  let i = skipLeadingFurniture(lines);

  let titleLine: string | null = null;
  const first = lines[i];
  if (first !== undefined && !isHeaderLine(first) && !continuesOnNextLine(lines, i)) {
    titleLine = collapseWhitespace(first);
    i += 1;
  }

  const headers: Headers = {};
  const afterBlank = skipBlank(lines, i);
  if (isHeaderLine(lines[afterBlank] ?? '')) {
    i = afterBlank;
    for (let line = lines[i]; line !== undefined && isHeaderLine(line); line = lines[++i]) {
      const [, key = '', value = ''] = HEADER_LINE.exec(line) ?? [];
      setHeader(headers, key, value);
    }
  }

  const drafts: DraftBlock[] = [];
  if (titleLine) drafts.push({ kind: 'heading', level: 1, text: titleLine });
  for (const paragraph of paragraphs(lines.slice(i))) {
    drafts.push({ kind: 'paragraph', text: paragraph });
  }
  const { text: body, blocks } = assembleBlocks(drafts);

  const meta = resolveMeta({
    headers,
    text: body,
    fileName,
    bodyTitle: titleLine,
    leadLines: lines.slice(0, BYLINE_LINES),
  });
  return { ...meta, format: 'txt', text: body, blocks };
}

function isHeaderLine(line: string): boolean {
  const key = HEADER_LINE.exec(line)?.[1];
  return key !== undefined && headerField(key) !== undefined;
}

function isBoilerplate(line: string): boolean {
  const key = collapseWhitespace(line)
    .toLowerCase()
    .replace(/[\s.:!»›>|]+$/u, '');
  return BOILERPLATE.has(key);
}

function skipLeadingFurniture(lines: readonly string[]): number {
  let i = 0;
  for (let line = lines[i]; line !== undefined; line = lines[++i]) {
    if (line.trim() !== '' && !isBoilerplate(line)) break;
  }
  return i;
}

function skipBlank(lines: readonly string[], from: number): number {
  let i = from;
  while (lines[i]?.trim() === '') i += 1;
  return i;
}

/**
 * True when line `i` is the first line of a hard-wrapped paragraph rather than a headline:
 * the sentence visibly carries on, lower-case, on the next line. Without this an untitled
 * file would have its first half-sentence promoted to a heading.
 */
function continuesOnNextLine(lines: readonly string[], i: number): boolean {
  const line = lines[i]?.trimEnd() ?? '';
  const next = lines[i + 1]?.trimStart() ?? '';
  return /[\p{Ll},;]$/u.test(line) && /^\p{Ll}/u.test(next);
}

/** Groups lines into paragraphs at blank lines; lines within a paragraph are joined. */
function paragraphs(lines: readonly string[]): string[] {
  const out: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (current.length > 0) out.push(current.join(' '));
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) out.push(current.join(' '));
  return out;
}
