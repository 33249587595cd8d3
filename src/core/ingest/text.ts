import type { ParsedDocument } from '../model';
import { parseDate } from '../text/dates';
import { detectLanguage } from '../text/language';
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
import { findHeadline } from './text-headline';
import { FURNITURE, lineBreaks, lineKey } from './text-lines';

/**
 * The furniture that also turns up between paragraphs (advertising slots, share buttons) and
 * is dropped there too. Navigation words such as "Home" are kept: in the body they may be a
 * heading.
 */
const BODY_FURNITURE = new Set([
  'advertisement',
  'back to top',
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

/** The document's language, guessed when first asked for. */
type Language = () => string | null;

/** A headline is looked for among this many lines from the top: a page saved whole has fewer. */
const MAX_LAYOUT_LINES = 5000;

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
  // Only a file whose layout needs reading (a date line, a headline to find) costs a guess.
  let guessed: { code: string | null } | undefined;
  const language = (): string | null => (guessed ??= { code: detectLanguage(text) }).code;
  // A guess already made is not made again on the body (it costs as much as a parse).
  const guessedLanguage = (): Headers => (guessed?.code ? { language: guessed.code } : {});
  const furniture: Headers = {};
  const start = skipLeadingFurniture(lines, furniture, language);
  const titleAt = titleLine(lines, start, language);
  let i = titleAt ?? start;
  if (titleAt !== null) keepNearbyFurniture(lines, start, titleAt, furniture, language);

  let titleLineText: string | null = null;
  if (titleAt !== null) {
    titleLineText = collapseWhitespace(lines[titleAt] ?? '');
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
  if (titleLineText) drafts.push({ kind: 'heading', level: 1, text: titleLineText });
  for (const paragraph of paragraphs(lines.slice(i), lineBreaks(lines) === 'blocks')) {
    if (isFurniture(paragraph, BODY_FURNITURE)) continue;
    drafts.push({ kind: 'paragraph', text: paragraph });
  }
  const { text: body, blocks } = assembleBlocks(drafts);

  // The byline is looked for under the headline, not among the navigation above it; a
  // reporter's address or the page's is also looked for on the last lines.
  const leadFrom = titleAt ?? start;
  const leadLines = lines.slice(leadFrom, leadFrom + BYLINE_LINES);
  const meta = resolveMeta({
    // What header lines say outright wins over what the layout suggests.
    headers: { url: standaloneUrl(leadLines), ...guessedLanguage(), ...furniture, ...headers },
    text: body,
    fileName,
    bodyTitle: titleLineText,
    leadLines,
    tailLines: lastLines(lines, BYLINE_LINES),
  });
  return { ...meta, format: 'txt', text: body, blocks };
}

/**
 * The line that holds the title, or null. A line followed by header lines is the title (the
 * layout of exports and the sample collection); header lines at the very top mean there is
 * none in the body. Otherwise the headline is found by its shape and place above the body,
 * and failing that the first line is taken, unless it is half of a wrapped sentence or the
 * first entry of a menu.
 */
function titleLine(lines: readonly string[], start: number, language: Language): number | null {
  const first = lines[start];
  if (first === undefined || isHeaderLine(first)) return null;
  if (isHeaderLine(lines[skipBlank(lines, start + 1)] ?? '')) return start;
  const headline = findHeadline(lines.slice(0, MAX_LAYOUT_LINES), start, language());
  if (headline !== null) return headline;
  return continuesOnNextLine(lines, start) || opensMenu(lines, start) ? null : start;
}

/** A line of one to three words with two more such lines right under it: a site's menu. */
function opensMenu(lines: readonly string[], i: number): boolean {
  return [0, 1, 2].every((k) => {
    const words = lines[i + k]?.trim().split(/\s+/).filter(Boolean).length ?? 0;
    return words >= 1 && words <= 3;
  });
}

function isHeaderLine(line: string): boolean {
  const key = HEADER_LINE.exec(line)?.[1];
  return key !== undefined && headerField(key) !== undefined;
}

function isFurniture(line: string, words: ReadonlySet<string>): boolean {
  const key = lineKey(collapseWhitespace(line));
  return words.has(key) || READING_TIME.test(key);
}

/** A line holding only a date, perhaps labelled "Published" or "Updated": that date, ISO. */
function dateLine(line: string, language: Language): string | null {
  // Every date Dossier reads has its year in digits; most lines have none, and need no parse.
  if (!/(?<!\d)[12]\d{3}(?!\d)/.test(line)) return null;
  return parseDate(collapseWhitespace(line).replace(DATE_LABEL, ''), language());
}

function urlLine(line: string): string | null {
  return URL_LINE.exec(line.trim())?.[1] ?? null;
}

/**
 * Skips blank lines, boilerplate, date lines and address lines above the headline, keeping
 * the first date and the first address in `found`, since those lines leave the text.
 */
function skipLeadingFurniture(
  lines: readonly string[],
  found: Headers,
  language: Language,
): number {
  let i = 0;
  for (let line = lines[i]; line !== undefined; line = lines[++i]) {
    if (line.trim() === '' || isFurniture(line, FURNITURE)) continue;
    if (!keepDateOrUrl(line, found, language)) break;
  }
  return i;
}

/** Records the line's date or address in `found` (the first of each wins); false if neither. */
function keepDateOrUrl(line: string, found: Headers, language: Language): boolean {
  const date = dateLine(line, language);
  const url = date ? null : urlLine(line);
  if (date) found.date ??= date;
  if (url) found.url ??= url;
  return date !== null || url !== null;
}

/** A dateline or the page address sits just above a headline; these lines leave the text. */
const NEARBY_LINES = 5;

/**
 * Keeps the date and address from the few lines right above a headline found below other
 * furniture. Farther up, dates belong to the other stories a page lists.
 */
function keepNearbyFurniture(
  lines: readonly string[],
  start: number,
  title: number,
  found: Headers,
  language: Language,
): void {
  let seen = 0;
  for (let i = title - 1; i >= start && seen < NEARBY_LINES; i -= 1) {
    const line = lines[i] ?? '';
    if (!line.trim()) continue;
    seen += 1;
    keepDateOrUrl(line, found, language);
  }
}

/** The last `count` lines that are not blank. */
function lastLines(lines: readonly string[], count: number): string[] {
  const out: string[] = [];
  for (let i = lines.length - 1; i >= 0 && out.length < count; i -= 1) {
    if (lines[i]?.trim()) out.unshift(lines[i] ?? '');
  }
  return out;
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

/**
 * Groups lines into paragraphs at blank lines; lines within a paragraph are joined, unless
 * every line is a block of its own (`perLine`), as in a web page copied as text.
 */
function paragraphs(lines: readonly string[], perLine: boolean): string[] {
  if (perLine) return lines.filter((line) => line.trim() !== '');
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
