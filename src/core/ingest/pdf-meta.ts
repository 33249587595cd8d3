/**
 * Reading a PDF's own metadata: the Info dictionary (as pdf.js's getMetadata().info gives it)
 * and XMP (its `metadata`, whose keys pdf.js lower-cases). Producers fill these with
 * defaults ("Microsoft Word - draft3.doc", "Administrator", "Untitled"), which say nothing
 * about the document and would hide the better guesses made from its text.
 */
import { collapseWhitespace } from '../text/normalise';
import type { Headers } from './document';

/** What pdf.js's Metadata offers; null when a key is absent. */
export interface XmpReader {
  get(name: string): unknown;
}

/** Word-processor and printer-driver prefixes put in front of the file name. */
const APP_PREFIX =
  /^(?:microsoft\s+(?:word|powerpoint|excel|publisher)|word|powerpoint|excel|wordpad|notepad)\s+-\s+/i;
const DOCUMENT_EXTENSION =
  /\.(?:docx?|dotx?|rtf|odt|ott|pdf|pptx?|xlsx?|txt|html?|xml|indd|qxd|tex|wpd|pages|ps)$/i;
const MEANINGLESS_TITLE =
  /^(?:untitled|no title|title|document|new document|doc|presentation|powerpoint presentation|slide|word document|microsoft word document|page|none|null|unknown|default)[\s_-]*\d*$/i;
const MEANINGLESS_AUTHOR =
  /^(?:user|owner|admin|administrator|author|unknown|default|none|null|root|guest|microsoft office user|windows user|valued customer)\s*\d*$/i;

/** Header values (title, author, date as YYYY-MM-DD, language) read from Info, then XMP. */
export function readPdfMeta(info: unknown, xmp: XmpReader | null): Headers {
  const fields = isRecord(info) ? info : {};
  const headers: Headers = {};
  const title = cleanTitle(text(fields.Title)) ?? cleanTitle(text(xmp?.get('dc:title')));
  if (title) headers.title = title;
  const author = cleanAuthor(text(fields.Author)) ?? cleanAuthor(first(xmp?.get('dc:creator')));
  if (author) headers.author = author;
  const date = pdfDate(text(fields.CreationDate)) ?? isoPrefix(text(xmp?.get('xmp:createdate')));
  if (date) headers.date = date;
  const language =
    cleanLanguage(text(fields.Language)) ?? cleanLanguage(text(xmp?.get('dc:language')));
  if (language) headers.language = language;
  return headers;
}

/** A producer's title made presentable, or null when it says nothing about the document. */
export function cleanTitle(raw: string | null): string | null {
  if (raw === null) return null;
  let title = collapseWhitespace(raw).replace(APP_PREFIX, '');
  // A path or file name in place of a title ("C:\Reports\audit final.doc"): keep its stem.
  if (DOCUMENT_EXTENSION.test(title)) {
    title = (title.split(/[\\/]/).pop() ?? title).replace(DOCUMENT_EXTENSION, '').trim();
  }
  if (!/\p{L}/u.test(title) || MEANINGLESS_TITLE.test(title)) return null;
  return title;
}

function cleanAuthor(raw: string | null): string | null {
  const author = raw === null ? '' : collapseWhitespace(raw);
  return author && /\p{L}/u.test(author) && !MEANINGLESS_AUTHOR.test(author) ? author : null;
}

/** "en-GB" and the like; "x-unknown" and other non-tags are dropped. */
function cleanLanguage(raw: string | null): string | null {
  const tag = raw === null ? '' : (collapseWhitespace(raw).split(' ')[0] ?? '');
  return /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(tag) && !/^x-/i.test(tag) ? tag : null;
}

/**
 * A PDF date string ("D:20150303120000+01'00'", the "D:" often missing) to YYYY-MM-DD, as
 * written: the time zone is not applied, because the day the author saw is the one meant.
 * A year alone is not a date.
 */
export function pdfDate(raw: string | null): string | null {
  const match = raw === null ? null : /^\s*(?:D:)?(\d{4})(\d{2})(\d{2})/.exec(raw);
  if (!match) return null;
  return calendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** The date part of an XMP date ("2015-03-03T12:00:00+01:00"). */
function isoPrefix(raw: string | null): string | null {
  const match = raw === null ? null : /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(raw);
  if (!match) return null;
  return calendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

function calendarDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  // Dates before PDF existed are placeholders (a zeroed clock, "D:19700101").
  if (year < 1990 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value : null;
}

/** XMP dc:creator is a list; the first name is the main author. */
function first(value: unknown): string | null {
  return Array.isArray(value) ? text(value[0]) : text(value);
}
