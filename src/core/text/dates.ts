/**
 * Dates as articles and their exports write them, reduced to ISO YYYY-MM-DD, in the document's
 * language: ISO itself, and a day, a month name and a year ("March 3, 2015", "3 mars 2015",
 * "3. März 2015", "15 de marzo de 2015", "2015年3月3日"). Month names are read by chrono-node's
 * locale for the language, or, for languages it has none for, from the tables in
 * month-names.ts. Numbers with the year first ("2015/03/03", "2015. 3. 3.", "2015년 3월 3일")
 * are read in any language. What is never taken:
 * - all-number dates with the day or month first: "03/04/2015" could be March or April;
 * - relative phrases ("yesterday", "last Friday"): an imported file has no reference date;
 * - a date without a day or a year ("March 2015", "3 March"), or one that does not exist.
 */
import * as chrono from 'chrono-node';
import { isoDate } from './calendar';
import { MONTH_NAME_TABLES, type MonthNameTable } from './month-names';

/** chrono-node's strict parsers (no relative phrases) for the languages Dossier reads. */
const CHRONO_PARSERS: Readonly<Record<string, chrono.Chrono>> = {
  en: chrono.en.strict,
  de: chrono.de.strict,
  es: chrono.es.strict,
  fi: chrono.fi.strict,
  fr: chrono.fr.strict,
  it: chrono.it.strict,
  ja: chrono.ja.strict,
  nl: chrono.nl.strict,
  pt: chrono.pt.strict,
  ru: chrono.ru.strict,
  sv: chrono.sv.strict,
  uk: chrono.uk.strict,
  zh: chrono.zh.strict,
};

/** Any fixed day: results that lean on it (a missing year) are thrown away anyway. */
const REFERENCE = new Date(Date.UTC(2000, 0, 1));

/** A date found in a text: where it starts and ends, and its ISO form. */
interface Found {
  index: number;
  end: number;
  iso: string;
}

type Reader = (text: string) => Found[];

const ISO = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?!\d)/g;
/**
 * Year first, in numbers, which no convention reads another way: "2015/03/03", "2015.3.3",
 * Korean's "2015. 3. 3." (one separator throughout), and Korean's "2015년 3월 3일".
 */
const YEAR_FIRST = [
  /(?<![\d./])(\d{4})([./]) ?(\d{1,2})\2 ?(\d{1,2})(?!\d|[./]\d)/g,
  /(?<!\d)(\d{4}) ?()년 ?(\d{1,2}) ?월 ?(\d{1,2}) ?일/g,
];

function readIso(text: string): Found[] {
  const out: Found[] = [];
  for (const m of text.matchAll(ISO)) {
    const iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (iso) out.push({ index: m.index, end: m.index + m[0].length, iso });
  }
  for (const pattern of YEAR_FIRST) {
    for (const m of text.matchAll(pattern)) {
      const iso = isoDate(Number(m[1]), Number(m[3]), Number(m[4]));
      if (iso) out.push({ index: m.index, end: m.index + m[0].length, iso });
    }
  }
  return out;
}

function chronoReader(parser: chrono.Chrono, lang: string): Reader {
  return (text) => {
    const out: Found[] = [];
    for (const result of parser.parse(text, REFERENCE)) {
      const { start } = result;
      if (!start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day'))
        continue;
      // A month written as a word, not "03/04/2015"; ISO has its own reader.
      if (!/\p{L}/u.test(result.text)) continue;
      // "the minister may 3 2015": an English month name is capitalised.
      if (lang === 'en' && !/\p{Lu}/u.test(result.text)) continue;
      const iso = isoDate(start.get('year') ?? 0, start.get('month') ?? 0, start.get('day') ?? 0);
      if (iso) out.push({ index: result.index, end: result.index + result.text.length, iso });
    }
    return out;
  };
}

function tableReader(table: MonthNameTable): Reader {
  const forms = table.months.flatMap((names, i) => names.map((name) => ({ name, month: i + 1 })));
  // Longest first, so that "marts" is not read as "mar" followed by "ts".
  forms.sort((a, b) => b.name.length - a.name.length);
  const byName = new Map(forms.map((f) => [f.name.toLocaleLowerCase(), f.month]));
  const month = `(${forms.map((f) => f.name).join('|')})\\.?(?![\\p{L}])`;
  const source =
    table.order === 'dmy'
      ? `(?<![\\p{L}\\d])(\\d{1,2})\\.?\\s+${month},?\\s+(\\d{4})(?!\\d)`
      : `(?<![\\p{L}\\d])(\\d{4})\\.?\\s+${month}\\s+(\\d{1,2})(?!\\d)`;
  const re = new RegExp(source, 'giu');
  return (text) => {
    const out: Found[] = [];
    for (const m of text.matchAll(re)) {
      const [, a = '', name = '', c = ''] = m;
      const monthNumber = byName.get(name.toLocaleLowerCase()) ?? 0;
      const [year, day] = table.order === 'dmy' ? [c, a] : [a, c];
      const iso = isoDate(Number(year), monthNumber, Number(day));
      if (iso) out.push({ index: m.index, end: m.index + m[0].length, iso });
    }
    return out;
  };
}

const READERS = new Map<string, Reader>([
  ...Object.entries(CHRONO_PARSERS).map(([lang, parser]): [string, Reader] => [
    lang,
    chronoReader(parser, lang),
  ]),
  ...Object.entries(MONTH_NAME_TABLES).map(([lang, table]): [string, Reader] => [
    lang,
    tableReader(table),
  ]),
]);

/**
 * The readers for a document in `language` (an ISO 639-1 code, or null when unknown): ISO,
 * the language's month names, and English's, which turn up in any language's documents.
 */
function readersFor(language: string | null | undefined): Reader[] {
  const code = language?.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const lang = code === 'nb' || code === 'nn' ? 'no' : code;
  const own = lang && lang !== 'en' ? READERS.get(lang) : undefined;
  return [readIso, ...(own ? [own] : []), READERS.get('en') ?? readIso];
}

/** A year from 1000 to 2999 standing alone: every date this module reads holds one. */
const YEAR = /(?<!\d)[12]\d{3}(?!\d)/g;
/** How much text around a year is handed to the readers. */
const WINDOW_BEFORE = 60;
const WINDOW_AFTER = 40;

/**
 * The first real date written in `text`, as YYYY-MM-DD, or null. Only the text around each
 * year is parsed, in reading order, so a long text costs little.
 */
export function findDate(text: string, language?: string | null): string | null {
  const readers = readersFor(language);
  for (const year of text.matchAll(YEAR)) {
    const from = Math.max(0, year.index - WINDOW_BEFORE);
    const to = Math.min(text.length, year.index + year[0].length + WINDOW_AFTER);
    const window = text.slice(from, to);
    // Every form read here has a day of one or two digits near its year ("in 1790" has none).
    const near = `${text.slice(Math.max(0, year.index - 25), year.index)} ${text.slice(year.index + 4, year.index + 25)}`;
    if (!/(?<!\d)\d{1,2}(?!\d)/.test(near)) continue;
    let best: Found | null = null;
    for (const read of readers) {
      for (const found of read(window)) {
        // The date must hold this year; another is found at its own turn.
        const holdsYear = from + found.index <= year.index && from + found.end >= year.index + 4;
        if (holdsYear && (!best || found.index < best.index)) best = found;
      }
    }
    if (best) return best.iso;
  }
  return null;
}

/** English weekdays standing after a date ("March 3, 2015 Tuesday"). */
const TRAILING_WEEKDAY =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|sat|sun)\.?$/i;

/**
 * A value that is just a date, such as a "Date:" header or a line under a headline, in the
 * same forms as findDate, or null. A weekday before it and a time after it are allowed;
 * other words ("around March 3, 2015") are not.
 */
export function parseDate(value: string, language?: string | null): string | null {
  const trimmed = value.replace(/\s+/g, ' ').trim();
  if (!/\d/.test(trimmed)) return null;
  const iso =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      trimmed,
    );
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  for (const read of readersFor(language)) {
    const found = read(trimmed);
    const only = found[0];
    if (found.length !== 1 || !only) continue;
    const rest = `${trimmed.slice(0, only.index)} ${trimmed.slice(only.end)}`
      .replace(/[\s,.;:|·•–—-]+/g, ' ')
      .trim();
    if (rest === '' || TRAILING_WEEKDAY.test(rest)) return only.iso;
  }
  return null;
}
