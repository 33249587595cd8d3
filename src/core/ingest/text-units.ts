import { findDate } from '../text/dates';
import { collapseWhitespace } from '../text/normalise';
import { isProse, lineBreaks, lineKey, wordCount } from './text-lines';

/**
 * A plain text read as a page laid out in lines: which lines are running text, and where the
 * runs of paragraphs that could be an article's body begin.
 */

/** A line of the file that is not blank. */
export interface Unit {
  line: number;
  text: string;
  /** The text as menus repeat it (lineKey). */
  key: string;
  words: number;
  prose: boolean;
  /** The length of the paragraph the line is part of (the line itself, unless hard-wrapped). */
  paragraph: number;
  /** Centred in a plain-text layout, as typed titles are. */
  centred: boolean;
  /** Laid out in columns (a gap of several spaces inside the line): a table row or a menu. */
  columns: boolean;
  /** The rest of the sentence the line above began (it starts lower-case after a line that runs on). */
  runsOn: boolean;
  /** A short line holding a date: a dateline, or a byline with its date. */
  dated: boolean;
}

/** Prose lines at most this many lines apart belong to one run of paragraphs. */
const RUN_GAP = 3;
/** Paragraphs shorter than this (menu blurbs, notices) do not make a run an article body. */
const LONG_PARAGRAPH = 100;
/** A run with this much prose in long paragraphs may be the body. */
const BODY_MIN_CHARS = 400;

/** The lines from `from` on that are not blank, measured; dates are read in `language`. */
export function toUnits(lines: readonly string[], from: number, language: string | null): Unit[] {
  const units: Unit[] = [];
  const collapsed = lines.map(collapseWhitespace);
  const prose = proseLines(lines, collapsed);
  const indented = typicalIndent(lines) >= 4;
  for (let i = from; i < lines.length; i += 1) {
    const raw = lines[i] ?? '';
    const text = collapsed[i] ?? '';
    if (!text) continue;
    const paragraph = prose.get(i);
    const words = wordCount(text);
    const indent = /^[ \t]*/.exec(raw)?.[0].replace(/\t/g, '    ').length ?? 0;
    units.push({
      line: i,
      text,
      key: lineKey(text),
      words,
      prose: paragraph !== undefined,
      paragraph: paragraph ?? text.length,
      centred: !indented && indent >= 8 && text.length <= 60,
      columns: /\S(?: {3,}|\t)\S/.test(raw.trim()),
      runsOn: /[^\s.!?:;]\s*$/.test(lines[i - 1] ?? '') && /^\p{Ll}/u.test(text),
      dated: words <= 16 && findDate(text, language) !== null,
    });
  }
  return units;
}

/** The median indent of the lines that are not blank (web pages copied whole can have any). */
function typicalIndent(lines: readonly string[]): number {
  const indents = lines
    .filter((l) => l.trim())
    .map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0)
    .sort((a, b) => a - b);
  return indents[Math.floor(indents.length / 2)] ?? 0;
}

/**
 * Which lines are running text. A web page copied as text has a paragraph per line; a
 * hard-wrapped file is judged paragraph by paragraph instead, since each of its lines is
 * only part of a sentence.
 */
function proseLines(lines: readonly string[], collapsed: readonly string[]): Map<number, number> {
  const out = new Map<number, number>();
  const wrapped = lineBreaks(lines) === 'wrapped';
  let start = 0;
  for (let i = 0; i <= lines.length; i += 1) {
    if (i < lines.length && collapsed[i]) continue;
    if (wrapped && i - start > 1) {
      const paragraph = collapsed.slice(start, i).join(' ');
      if (isProse(paragraph)) for (let j = start; j < i; j += 1) out.set(j, paragraph.length);
    } else {
      for (let j = start; j < i; j += 1) {
        const line = collapsed[j] ?? '';
        if (isProse(line)) out.set(j, line.length);
      }
    }
    start = i + 1;
  }
  return out;
}

/**
 * Where each run of paragraphs that could be an article body begins, in reading order: from
 * the first place in the run where paragraphs follow each other, since a notice just above
 * the headline can join the run.
 */
export function bodyStarts(units: readonly Unit[]): number[] {
  const runs: { start: number; end: number; chars: number }[] = [];
  let lastProse = -Infinity;
  units.forEach((unit, i) => {
    if (!unit.prose) return;
    const chars = unit.paragraph >= LONG_PARAGRAPH ? unit.text.length : 0;
    const run = runs[runs.length - 1];
    if (run && i - lastProse - 1 <= RUN_GAP) {
      run.chars += chars;
      run.end = i + 1;
    } else {
      runs.push({ start: i, end: i + 1, chars });
    }
    lastProse = i;
  });
  const bodies = runs.filter((r) => r.chars >= BODY_MIN_CHARS);
  const chosen = bodies.length > 0 ? bodies : runs.slice(0, 1);
  return chosen.map((run) => denseStart(units, run.start, run.end));
}

function denseStart(units: readonly Unit[], start: number, end: number): number {
  for (let i = start; i < end; i += 1) {
    const next = units.slice(i, i + 3).filter((u) => u.prose);
    const chars = next.reduce((n, u) => n + u.text.length, 0);
    if (units[i]?.prose && next.length >= 2 && chars >= 250) return i;
  }
  return start;
}
