import type { Block, DocumentMeta } from '../model';
import { findDate, parseDate } from '../text/dates';
import { detectLanguage } from '../text/language';
import { collapseWhitespace } from '../text/normalise';
import { emailSource, urlDomain, urlSource } from './source';

/** What a format parser produces before offsets are known. */
export interface DraftBlock {
  kind: Block['kind'];
  level?: number;
  text: string;
}

/** Blocks are joined with a blank line, so a block's own text never contains a newline. */
export const BLOCK_SEPARATOR = '\n\n';

/**
 * Collapses each draft's whitespace, drops the empty ones and lays them end to end, so that
 * `text.slice(block.start, block.end)` is exactly that block's text.
 */
export function assembleBlocks(drafts: readonly DraftBlock[]): { text: string; blocks: Block[] } {
  const parts: string[] = [];
  const blocks: Block[] = [];
  let offset = 0;
  for (const draft of drafts) {
    const text = collapseWhitespace(draft.text);
    if (!text) continue;
    if (parts.length > 0) offset += BLOCK_SEPARATOR.length;
    const block: Block = { kind: draft.kind, start: offset, end: offset + text.length };
    if (draft.level !== undefined) block.level = Math.min(6, Math.max(1, draft.level));
    blocks.push(block);
    parts.push(text);
    offset += text.length;
  }
  return { text: parts.join(BLOCK_SEPARATOR), blocks };
}

export type MetaField = 'title' | 'source' | 'date' | 'author' | 'url' | 'language';
export type Headers = Partial<Record<MetaField, string>>;

const HEADER_FIELDS: Readonly<Record<string, MetaField>> = {
  title: 'title',
  source: 'source',
  publisher: 'source',
  date: 'date',
  published: 'date',
  author: 'author',
  by: 'author',
  byline: 'author',
  url: 'url',
  language: 'language',
};

/** The meta field a header key ("Publisher", "byline") stands for, if it is one we know. */
export function headerField(key: string): MetaField | undefined {
  return HEADER_FIELDS[key.trim().toLowerCase()];
}

/** Records a header value; the first occurrence of a field wins, empty values are ignored. */
export function setHeader(headers: Headers, key: string, value: string): void {
  const field = headerField(key);
  const clean = collapseWhitespace(value);
  if (field && clean && headers[field] === undefined) headers[field] = clean;
}

/** How far into the text a date is looked for when no header gives one. */
const DATE_SEARCH_CHARS = 3000;
/** How many lines from the top may hold a byline. */
export const BYLINE_LINES = 15;

export interface MetaInput {
  headers: Headers;
  /** The document's assembled text. */
  text: string;
  fileName: string;
  /** A title found in the body (a title line, a first heading), used when no header names one. */
  bodyTitle: string | null;
  /** The first lines of the document, where a byline would be. */
  leadLines: readonly string[];
  /** The last lines of the document, where a reporter's address or the page's often is. */
  tailLines?: readonly string[];
}

export function resolveMeta({
  headers,
  text,
  fileName,
  bodyTitle,
  leadLines,
  tailLines = [],
}: MetaInput): DocumentMeta {
  const lead = leadLines.slice(0, BYLINE_LINES).map(collapseWhitespace);
  const tail = tailLines.slice(-BYLINE_LINES).map(collapseWhitespace);
  const language = headers.language ?? detectLanguage(text);
  const headerDate = headers.date
    ? (parseDate(headers.date, language) ?? findDate(headers.date, language))
    : null;
  return {
    title: headers.title || bodyTitle || fileStem(fileName) || 'Untitled',
    source:
      headers.source ??
      urlDomain(headers.url) ??
      emailSource(lead) ??
      emailSource(tail) ??
      urlSource(lead) ??
      urlSource(tail),
    date: headerDate ?? findDate(text.slice(0, DATE_SEARCH_CHARS), language),
    author: headers.author ?? bylineAuthor(lead),
    url: headers.url ?? null,
    language,
  };
}

/** The file name without folders and without its last extension. */
export function fileStem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base).trim();
}

/** A byline is short; a longer line that starts with "By" is body text. */
const MAX_BYLINE_LENGTH = 120;
/** "By", and its equivalents in the languages Dossier reads ("Par", "Von", "Por", "Door"…). */
const BYLINE = /^(?:written |reporting |words )?(?:by|par|por|von|di|door|av|af|przez)\s+(.+)$/i;
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|and|&|de|del|der|van|von|da|di|du|la|le|bin|al)$/u;

/** "By Elin Marchetti | elin@gazette.example" -> "Elin Marchetti"; sentences starting "By" are not bylines. */
function bylineAuthor(lines: readonly string[]): string | null {
  for (const line of lines) {
    if (line.length > MAX_BYLINE_LENGTH) continue;
    const rest = BYLINE.exec(line)?.[1];
    if (!rest) continue;
    const name = rest
      .split(/\s+[|,·•–—-]\s+|[|<(,]|\s+\S+@\S+/u)[0]
      ?.trim()
      .replace(/[.:;]$/, '');
    const words = name ? name.split(/\s+/) : [];
    if (words.length >= 1 && words.length <= 6 && words.every((w) => NAME_WORD.test(w))) {
      return name ?? null;
    }
  }
  return null;
}
