/**
 * Dates as news articles and their exports write them, reduced to ISO YYYY-MM-DD. Only
 * unambiguous forms are read: ISO, and day/month/year with an English month name, so that
 * "03/04/2015" (which could be either March or April) is never guessed at.
 */

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

// Full names before abbreviations so that "March" is not read as "Mar" followed by "ch".
const MONTH = `(${[...MONTH_NAMES, ...MONTH_NAMES.map((m) => m.slice(0, 3)), 'sept'].join('|')})`;
const ORDINAL = '(?:st|nd|rd|th)?';
const WEEKDAY =
  '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\\.?';

type Order = 'ymd' | 'mdy' | 'dmy';
interface DateForm {
  order: Order;
  source: string;
}

const FORMS: readonly DateForm[] = [
  { order: 'ymd', source: '(?<![\\d-])(\\d{4})-(\\d{2})-(\\d{2})(?![\\d])' },
  // "March 3, 2015", "Mar. 3 2015", "March 3rd, 2015"
  { order: 'mdy', source: `\\b${MONTH}\\.?\\s+(\\d{1,2})${ORDINAL},?\\s+(\\d{4})(?!\\d)` },
  // "3 March 2015", "3 Mar. 2015", "3rd of March, 2015"
  {
    order: 'dmy',
    source: `(?<!\\d)(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+(\\d{4})(?!\\d)`,
  },
];

const SEARCHERS = FORMS.map((form) => ({ order: form.order, re: new RegExp(form.source, 'gi') }));

const WHOLE_VALUE = FORMS.map((form) => ({
  order: form.order,
  // Header values often carry a weekday in front and a time behind ("Tuesday, March 3, 2015
  // 10:42 AM GMT", "2015-03-03T10:42:00Z"); both are tolerated, anything else is not.
  re: new RegExp(
    `^(?:${WEEKDAY},?\\s+)?${form.source}(?:(?:T|,?\\s+)\\d{1,2}[:.]\\d{2}\\S*(?:\\s+\\S+){0,2}|,?\\s+${WEEKDAY})?$`,
    'i',
  ),
}));

/** The first valid date written in `text`, as YYYY-MM-DD, or null. */
export function findDate(text: string): string | null {
  let best: { index: number; iso: string } | null = null;
  for (const { order, re } of SEARCHERS) {
    for (const match of text.matchAll(re)) {
      if (best && match.index >= best.index) break;
      const iso = toIso(order, match);
      if (iso) {
        best = { index: match.index, iso };
        break;
      }
    }
  }
  return best?.iso ?? null;
}

/** A single date value such as a "Date:" header, in the same forms as findDate, or null. */
export function parseDate(value: string): string | null {
  const trimmed = value.trim();
  for (const { order, re } of WHOLE_VALUE) {
    const match = re.exec(trimmed);
    if (match) return toIso(order, match);
  }
  return null;
}

function toIso(order: Order, match: RegExpMatchArray): string | null {
  const [, a = '', b = '', c = ''] = match;
  let year: number;
  let month: number | undefined;
  let day: number;
  if (order === 'ymd') {
    [year, month, day] = [Number(a), Number(b), Number(c)];
  } else {
    const name = order === 'mdy' ? a : b;
    // Month names must look like names ("May", "MAY"), not the verb in "it may 2015 ...".
    if (!/^\p{Lu}/u.test(name)) return null;
    month = monthNumber(name);
    year = Number(c);
    day = Number(order === 'mdy' ? b : a);
  }
  if (month === undefined || !isCalendarDate(year, month, day)) return null;
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase();
  if (lower === 'sept') return 9;
  const index = MONTH_NAMES.findIndex((full) => full === lower || full.slice(0, 3) === lower);
  return index < 0 ? undefined : index + 1;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
