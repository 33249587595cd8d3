import type { ParsedDocument } from '../model';
import { parseDate } from '../text/dates';
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
  'skip advertisement',
  'skip to content',
  'skip to main content',
  'skip to navigation',
  'subscribe',
  'subscribe now',
  'share this article',
  'share',
  'share on facebook',
  'share on twitter',
  'share on x',
  'share via email',
  'sign in',
  'sign up',
  'sign out',
  'log in',
  'log out',
  'register',
  'my account',
  'menu',
  'main menu',
  'open menu',
  'close menu',
  'toggle navigation',
  'home',
  'search',
  'print',
]);

/**
 * The furniture that also turns up between paragraphs (advertising slots, share buttons) and
 * is dropped there too. Navigation words such as "Home" are kept: in the body they may be a
 * heading.
 */
const BODY_FURNITURE = new Set([
  'advertisement',
  'skip advertisement',
  'story continues below advertisement',
  'share',
  'share this article',
  'share on facebook',
  'share on twitter',
  'share on x',
  'share via email',
]);

/** "Published 3 March 2015", "Updated on: 2015-03-04 10:42" */
const DATE_LABEL = /^(?:first |last )?(?:published|updated|posted)(?: on)?\s*:?\s+/i;
/** A line that is nothing but a web address: the page a text was saved from. */
const URL_LINE = /^<?((?:https?:\/\/|www\.)[^\s<>]+)>?$/i;
const READING_TIME = /^\d+\s*(?:min|mins|minutes?)\s+read$/i;

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
 * or as a web page saved as text is: navigation, a date line and the page address above the
 * headline, a byline, share buttons. `text` must already be normalised (normaliseText). The
 * headline stays in the text as a level-1 heading; header lines and site furniture do not.
 */
export function parseTextDocument(text: string, fileName: string): ParsedDocument {
  const lines = text.split('\n');
  const furniture: Headers = {};
  const start = skipLeadingFurniture(lines, furniture);
  let i = start;

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
    if (isFurniture(paragraph, BODY_FURNITURE)) continue;
    drafts.push({ kind: 'paragraph', text: paragraph });
  }
  const { text: body, blocks } = assembleBlocks(drafts);

  // The byline is looked for under the headline, not among the navigation above it.
  const leadLines = lines.slice(start, start + BYLINE_LINES);
  const meta = resolveMeta({
    // What header lines say outright wins over what the layout suggests.
    headers: { url: standaloneUrl(leadLines), ...furniture, ...headers },
    text: body,
    fileName,
    bodyTitle: titleLine,
    leadLines,
  });
  return { ...meta, format: 'txt', text: body, blocks };
}

function isHeaderLine(line: string): boolean {
  const key = HEADER_LINE.exec(line)?.[1];
  return key !== undefined && headerField(key) !== undefined;
}

function isFurniture(line: string, words: ReadonlySet<string>): boolean {
  const key = collapseWhitespace(line)
    .toLowerCase()
    .replace(/[\s.:!»›>|]+$/u, '');
  return words.has(key) || READING_TIME.test(key);
}

/** A line holding only a date, perhaps labelled "Published" or "Updated": that date, ISO. */
function dateLine(line: string): string | null {
  return parseDate(collapseWhitespace(line).replace(DATE_LABEL, ''));
}

function urlLine(line: string): string | null {
  return URL_LINE.exec(line.trim())?.[1] ?? null;
}

/**
 * Skips blank lines, boilerplate, date lines and address lines above the headline, keeping
 * the first date and the first address in `found`, since those lines leave the text.
 */
function skipLeadingFurniture(lines: readonly string[], found: Headers): number {
  let i = 0;
  for (let line = lines[i]; line !== undefined; line = lines[++i]) {
    if (line.trim() === '' || isFurniture(line, BOILERPLATE)) continue;
    const date = dateLine(line);
    const url = date ? null : urlLine(line);
    if (!date && !url) break;
    if (date) found.date ??= date;
    if (url) found.url ??= url;
  }
  return i;
}

/**
 * An address standing alone as a paragraph near the top, where saved web pages put it under
 * the headline. An address inside a hard-wrapped paragraph is a citation, not the page's own.
 */
function standaloneUrl(lines: readonly string[]): string | undefined {
  for (let i = 0; i < lines.length; i += 1) {
    const url = urlLine(lines[i] ?? '');
    if (url && !lines[i - 1]?.trim() && !lines[i + 1]?.trim()) return url;
  }
  return undefined;
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
