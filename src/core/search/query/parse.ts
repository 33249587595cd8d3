import type { TermClause } from '../engine/types';

export type Presence = TermClause['presence'];

/**
 * A word as typed, with its operators; `field` is one of the scope's field names. A wildcard
 * word keeps its stars (`traff*`, `sh*ter`), as the engine expects the pattern.
 */
export interface WordPart {
  kind: 'word';
  text: string;
  field?: string;
  presence: Presence;
  wildcard?: TermClause['wildcard'];
  fuzzy?: number;
  /** Offset of the part in the typed query, for messages. */
  at: number;
}

export interface PhrasePart {
  kind: 'phrase';
  text: string;
  field?: string;
  presence: Presence;
  at: number;
}

/** Inclusive ISO dates (YYYY-MM-DD); either end may be open. */
export interface DateRange {
  from: string | null;
  to: string | null;
  /** `-date:2010` keeps documents outside the range. */
  exclude: boolean;
}

export interface ParsedQuery {
  words: WordPart[];
  phrases: PhrasePart[];
  dates: DateRange[];
}

export interface QueryError {
  /** 0-based offset in the typed query where the problem is. */
  position: number;
  message: string;
}

export type ParseOutcome = { ok: true; query: ParsedQuery } | { ok: false; error: QueryError };

export interface ParseOptions {
  /** Field names the scope knows, besides `date`. */
  fields: readonly string[];
}

export const DOCUMENT_FIELDS = ['title', 'source', 'author'] as const;

const MAX_EDITS = 2;

class ParseFailure extends Error {
  constructor(
    readonly position: number,
    message: string,
  ) {
    super(message);
  }
}

/** The message shown under the search box. */
export function describeQueryError(error: QueryError): string {
  return `Cannot read this query at character ${error.position + 1}: ${error.message}`;
}

/**
 * Reads what an analyst types: words, `+required`, `-excluded`, `field:word`, `traff*`,
 * `goverment~1`, `"exact phrase"` and `date:2008..2015`. Never throws: a query it cannot read
 * comes back as the position and a plain description of the problem.
 */
export function parseQuery(
  input: string,
  options: ParseOptions = { fields: DOCUMENT_FIELDS },
): ParseOutcome {
  try {
    return { ok: true, query: readParts(input, options) };
  } catch (error) {
    if (error instanceof ParseFailure) {
      return { ok: false, error: { position: error.position, message: error.message } };
    }
    throw error;
  }
}

function readParts(input: string, options: ParseOptions): ParsedQuery {
  const query: ParsedQuery = { words: [], phrases: [], dates: [] };
  let i = 0;
  const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);
  while (i < input.length) {
    if (isSpace(input[i])) {
      i += 1;
      continue;
    }
    const at = i;
    let presence: Presence = 'should';
    if (input[i] === '+' || input[i] === '-') {
      presence = input[i] === '+' ? 'must' : 'mustNot';
      i += 1;
      if (i >= input.length || isSpace(input[i])) {
        throw new ParseFailure(at, `"${input[at]}" must be followed by a word or a phrase`);
      }
    }
    let field: string | undefined;
    const fieldMatch = /^([A-Za-z]+):/.exec(input.slice(i));
    if (fieldMatch) {
      const name = (fieldMatch[1] ?? '').toLowerCase();
      if (name !== 'date' && !options.fields.includes(name)) {
        const known = [...options.fields, 'date'].map((f) => `${f}:`).join(', ');
        throw new ParseFailure(i, `unknown field "${name}:"; use ${known}`);
      }
      field = name;
      i += fieldMatch[0].length;
      if (i >= input.length || isSpace(input[i])) {
        throw new ParseFailure(at, `"${name}:" must be followed by what to look for`);
      }
    }
    if (input[i] === '"') {
      const close = input.indexOf('"', i + 1);
      if (close < 0) throw new ParseFailure(i, 'this quotation mark is never closed');
      const text = input.slice(i + 1, close).trim();
      if (text === '') throw new ParseFailure(i, 'the quotation marks hold no words');
      if (field === 'date') throw new ParseFailure(at, 'write a date without quotation marks');
      query.phrases.push({ kind: 'phrase', text, field, presence, at });
      i = close + 1;
      continue;
    }
    let end = i;
    while (end < input.length && !isSpace(input[end])) end += 1;
    const token = input.slice(i, end);
    if (token.includes('"')) {
      throw new ParseFailure(i + token.indexOf('"'), 'put a space before a quotation mark');
    }
    if (field === 'date') {
      query.dates.push({ ...readDateRange(token, i), exclude: presence === 'mustNot' });
    } else {
      query.words.push(readWord(token, i, field, presence, at));
    }
    i = end;
  }
  return query;
}

function readWord(
  token: string,
  offset: number,
  field: string | undefined,
  presence: Presence,
  at: number,
): WordPart {
  let text = token;
  let fuzzy: number | undefined;
  const tilde = text.indexOf('~');
  if (tilde >= 0) {
    const edits = text.slice(tilde + 1);
    if (edits !== '' && !/^\d+$/.test(edits)) {
      throw new ParseFailure(
        offset + tilde,
        `"~" takes a number of typos (1 or 2), not "${edits}"`,
      );
    }
    fuzzy = edits === '' ? 1 : Number(edits);
    if (fuzzy > MAX_EDITS) {
      throw new ParseFailure(
        offset + tilde,
        `at most ${MAX_EDITS} typos are allowed, not ${fuzzy}`,
      );
    }
    text = text.slice(0, tilde);
  }
  const stars = text.includes('*');
  if (!/[\p{L}\p{N}]/u.test(text)) {
    throw new ParseFailure(offset, `"${token}" has no letters or digits to look for`);
  }
  if (stars && fuzzy !== undefined) {
    throw new ParseFailure(offset, 'a word cannot have both "*" and "~"');
  }
  const part: WordPart = { kind: 'word', text, presence, at };
  if (field) part.field = field;
  if (stars) {
    const leading = text.startsWith('*');
    const trailing = text.endsWith('*');
    const inner = text.slice(1, -1).includes('*');
    part.wildcard = inner || (leading && trailing) ? 'both' : leading ? 'leading' : 'trailing';
  }
  if (fuzzy !== undefined && fuzzy > 0) part.fuzzy = fuzzy;
  return part;
}

const DATE_END = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** One end of a range: `2008`, `2008-03` or `2008-03-14`, widened to its first or last day. */
function readDateEnd(text: string, offset: number, side: 'from' | 'to'): string {
  const m = DATE_END.exec(text);
  if (!m) {
    throw new ParseFailure(offset, `"${text}" is not a date; write 2010, 2010-03 or 2010-03-14`);
  }
  const year = Number(m[1]);
  const month = m[2] === undefined ? null : Number(m[2]);
  const day = m[3] === undefined ? null : Number(m[3]);
  if (month !== null && (month < 1 || month > 12)) {
    throw new ParseFailure(offset, `there is no month ${month} in "${text}"`);
  }
  if (day !== null && month !== null && (day < 1 || day > daysIn(year, month))) {
    throw new ParseFailure(offset, `there is no day ${day} in "${text}"`);
  }
  const mm = month ?? (side === 'from' ? 1 : 12);
  const dd = day ?? (side === 'from' ? 1 : daysIn(year, mm));
  return `${String(year).padStart(4, '0')}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

function readDateRange(token: string, offset: number): Omit<DateRange, 'exclude'> {
  const dots = token.indexOf('..');
  if (dots < 0) {
    return { from: readDateEnd(token, offset, 'from'), to: readDateEnd(token, offset, 'to') };
  }
  const left = token.slice(0, dots);
  const right = token.slice(dots + 2);
  if (left === '' && right === '') {
    throw new ParseFailure(offset, 'a date range needs a start, an end, or both');
  }
  const from = left === '' ? null : readDateEnd(left, offset, 'from');
  const to = right === '' ? null : readDateEnd(right, offset + dots + 2, 'to');
  if (from !== null && to !== null && from > to) {
    throw new ParseFailure(offset, `the range ends (${right}) before it starts (${left})`);
  }
  return { from, to };
}

/** Whether an ISO date (or none) passes every date part of a query. */
export function passesDates(date: string | null, ranges: readonly DateRange[]): boolean {
  return dateTest(ranges)(dateNumber(date));
}

/** An ISO date (YYYY-MM-DD, or a shorter start of one) as yyyymmdd; 0 for none. */
export function dateNumber(date: string | null): number {
  if (date === null) return 0;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
  if (!m) return 0;
  return Number(m[1]) * 10_000 + Number(m[2] ?? 0) * 100 + Number(m[3] ?? 0);
}

/**
 * passesDates for dates as numbers (yyyymmdd, 0 for undated: dateNumber), so a query's
 * every hit is checked without building strings.
 */
export function dateTest(ranges: readonly DateRange[]): (date: number) => boolean {
  const bounds = ranges.map((r) => ({
    from: r.from === null ? -Infinity : dateNumber(r.from),
    to: r.to === null ? Infinity : dateNumber(r.to),
    exclude: r.exclude,
  }));
  return (date) => {
    for (const { from, to, exclude } of bounds) {
      const inside = date !== 0 && date >= from && date <= to;
      if (inside === exclude) return false;
    }
    return true;
  };
}
