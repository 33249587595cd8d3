import { contentWords, FURNITURE, isAllCaps, isTitleCase } from './text-lines';
import { bodyStarts, toUnits, type Unit } from './text-units';

/**
 * Finds the headline of a text saved or copied from a web page, where the site's furniture
 * (navigation, banners, section names, share buttons, notices) comes before it. A headline is
 * recognised by what it is, not by a list of phrases: a short line, often in title case, not
 * ending in a full stop, standing above the body's running paragraphs and about what they
 * are about; not a fragment of navigation (one or two words, a label, a link, a date, a
 * byline, an entry of a menu or of a list of other stories).
 */

interface Candidate {
  line: number;
  score: number;
}

/** How far above the body a headline is looked for, in lines that are not blank. */
const SEARCH_UNITS = 45;
/** What each line between a candidate and the body costs it. */
const DISTANCE_COST = 0.03;
/** How much of the body a headline's words are looked for in. */
const BODY_SAMPLE_CHARS = 4000;
/** A candidate this good above a run is taken without looking at later runs. */
const CONFIDENT_SCORE = 1.5;
/** What each run of paragraphs tried before a candidate's own costs it. */
const LATER_RUN_COST = 0.5;
/** Below this score no line is taken for a headline. */
const MIN_SCORE = -0.5;

/**
 * The line index of the headline in `lines`, looked for from `from` on, or null. `language`
 * (ISO 639-1, when known) is the one dates are written in.
 */
export function findHeadline(
  lines: readonly string[],
  from = 0,
  language: string | null = null,
): number | null {
  const [best] = rankHeadlines(lines, from, language);
  return best && best.score >= MIN_SCORE ? best.line : null;
}

/**
 * The lines that could be the headline, best first. The body is taken to be the first run of
 * paragraphs above which a convincing headline stands (a run of notices or of menu blurbs has
 * none, so the next run is tried), else the first run above which any stands.
 */
function rankHeadlines(
  lines: readonly string[],
  from = 0,
  language: string | null = null,
): Candidate[] {
  const units = toUnits(lines, from, language);
  const counts = new Map<string, number>();
  for (const u of units) counts.set(u.key, (counts.get(u.key) ?? 0) + 1);
  const shapes = units.map((u, i) =>
    mayBeHeadline(u) && !inMenu(units, i) ? shapeScore(u, counts.get(u.key) ?? 1) : null,
  );
  const lists = listMembers(units, shapes);

  let fallback: Candidate[] = [];
  for (const [index, body] of bodyStarts(units).entries()) {
    // The earlier a run, the likelier it is the article's.
    const ranked = rankAbove(units, shapes, lists, body, lines).map((c) => ({
      ...c,
      score: c.score - LATER_RUN_COST * index,
    }));
    const best = ranked[0]?.score ?? -Infinity;
    if (best >= CONFIDENT_SCORE) return ranked;
    if (fallback.length === 0 && best >= MIN_SCORE) fallback = ranked;
  }
  return fallback;
}

function rankAbove(
  units: readonly Unit[],
  shapes: readonly (number | null)[],
  lists: ReadonlySet<number>,
  body: number,
  lines: readonly string[],
): Candidate[] {
  const bodyText = units
    .slice(body)
    .map((u) => u.text)
    .join(' ');
  const bodyWords = contentWords(bodyText.slice(0, BODY_SAMPLE_CHARS));
  const ranked: Candidate[] = [];
  for (let i = Math.max(0, body - SEARCH_UNITS); i < body; i += 1) {
    const unit = units[i];
    const shape = shapes[i];
    if (!unit || shape === null || shape === undefined) continue;
    const score =
      shape +
      2 * overlap(unit.text, bodyWords) +
      contextScore(units, shapes, lists, i, lines) -
      DISTANCE_COST * (body - i - 1);
    ranked.push({ line: unit.line, score });
  }
  return ranked.sort((a, b) => b.score - a.score);
}

const BYLINE =
  /^(?:(?:written|posted|reporting|words|text)\s+)?(?:by|par|por|von|di|door|av|af|przez|από|от)\b[\s:]/iu;
const TIME = /(?<!\d)\d{1,2}[:h]\d{2}(?!\d)|\b\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)/i;
const LINK = /https?:\/\/|www\.|\S@\S|\.(?:com|org|net)\b/i;
/** "2. Check the door", "1.1 Definitions", "1/50": list items, sections, gallery counters. */
const NUMBERED = /^\d{1,2}(?:[.)]|(?:\.\d{1,2})+\.?)\s|^\d+\s*\/\s*\d+\b/u;
/** A list item ("* item", "• item") or a line in brackets ("[Docs] [txt]", "[Editor's note]"). */
const BULLET = /^[*•·▪◦–-]\s|^\[.*\]$/u;
const CREDIT = /\b(?:photo|photograph|image|credit|getty)\b/i;

/**
 * How much a line looks like a headline by itself; null when it cannot be one (a label, a
 * link, a byline, a date, a number, a repeated menu entry).
 */
function shapeScore(unit: Unit, repeats: number): number | null {
  const { text, words } = unit;
  if (FURNITURE.has(unit.key) || (repeats > 1 && words <= 3)) return null;
  if (LINK.test(text) || BYLINE.test(text) || NUMBERED.test(text) || BULLET.test(text)) return null;
  if (/[:,;»›>|]$|\s[|›»]\s/u.test(text) || unit.columns || unit.runsOn) return null;
  const nonSpace = text.replace(/\s/g, '');
  const letters = nonSpace.match(/\p{L}/gu)?.length ?? 0;
  if (letters < nonSpace.length * 0.5 || letters < 2) return null;
  if (unit.dated || (words <= 8 && TIME.test(text))) return null;
  if (/^\p{L}+(?:\s\p{L}+)?:\s/u.test(text) && words <= 5) return null; // "Filed to: money"

  let score = wordsScore(words);
  if (text.length > 160) score -= 1;
  if (/[^.]\.$/u.test(text) && !/\b\p{Lu}\.$/u.test(text)) score -= 1.2;
  if (/[.!?]["”’»]?\s+["“‘«]?\p{Lu}/u.test(text)) score -= 0.8; // two sentences: a caption, a blurb
  if (/^\p{Ll}/u.test(text)) score -= 0.8;
  if (isTitleCase(text)) score += 0.4;
  if (unit.centred) score += 0.8;
  if (isAllCaps(text)) score -= 0.3;
  if (CREDIT.test(text)) score -= 0.6;
  if (repeats > 1) score += 0.4; // the headline is often repeated beside the share buttons
  return score;
}

function wordsScore(words: number): number {
  if (words < 1.5) return -1.2;
  if (words < 2.5) return -0.7;
  if (words < 3.5) return -0.2;
  if (words <= 15) return 0.5;
  if (words <= 20) return 0.3;
  if (words <= 25) return 0;
  if (words <= 35) return -0.5;
  return -1.5;
}

/** Not running text: a question may be prose-like, but a paragraph ending in a full stop is no headline. */
function mayBeHeadline(unit: Unit): boolean {
  return !unit.prose || (unit.text.length <= 120 && !unit.text.endsWith('.'));
}

/** A line of one to three words next to another such line, with no blank line between: a menu. */
function inMenu(units: readonly Unit[], i: number): boolean {
  const unit = units[i];
  if (!unit || unit.words > 3.5) return false;
  const short = (other: Unit | undefined, gap: number): boolean =>
    other !== undefined && other.words <= 3.5 && gap === 1;
  const previous = units[i - 1];
  const next = units[i + 1];
  return (
    short(previous, previous ? unit.line - previous.line : 0) ||
    short(next, next ? next.line - unit.line : 0)
  );
}

/** Lines that could pass for a headline by their shape: four words or more, not prose. */
function headlineShaped(unit: Unit | undefined, shape: number | null | undefined): boolean {
  return (
    unit !== undefined && !unit.prose && shape !== null && shape !== undefined && unit.words > 3.5
  );
}

/**
 * Members of lists: lines that start like their neighbours ("Share on X", "Share on
 * Facebook") and three or more other headline-shaped lines in a row (other stories, a table
 * of contents).
 */
function listMembers(units: readonly Unit[], shapes: readonly (number | null)[]): Set<number> {
  const out = new Set<number>();
  const leads = units.map((u) => u.key.split(' ', 2).join(' '));
  for (let i = 0; i < units.length; i += 1) {
    const own = leads[i];
    if (own !== undefined && (own === leads[i - 1] || own === leads[i + 1])) out.add(i);
  }
  let runStart = 0;
  for (let i = 0; i <= units.length; i += 1) {
    if (i < units.length && !out.has(i) && headlineShaped(units[i], shapes[i])) continue;
    if (i - runStart >= 3) for (let j = runStart; j < i; j += 1) out.add(j);
    runStart = i + 1;
  }
  return out;
}

/**
 * Where the line stands. A headline opens the article's header: it follows navigation, not
 * another headline-like line (which makes the later one a standfirst) or a paragraph (which
 * makes it a heading inside a text); a byline or a date follows it; it is not one of a list;
 * and it often stands between blank lines.
 */
function contextScore(
  units: readonly Unit[],
  shapes: readonly (number | null)[],
  lists: ReadonlySet<number>,
  i: number,
  lines: readonly string[],
): number {
  const unit = units[i];
  if (!unit) return 0;
  let score = 0;
  const previous = units[i - 1];
  const inList = lists.has(i);
  if (!headlineShaped(previous, shapes[i - 1]) || (lists.has(i - 1) && !inList)) score += 0.3;
  if (previous?.prose) score -= previous.paragraph >= 200 ? 0.6 : 0.2;
  if (inList) score -= 0.6;
  const next = units[i + 1];
  if (next && isBylineOrDate(next)) score += 0.8;
  else if (units.slice(i + 2, i + 5).some(isBylineOrDate)) score += 0.5;
  // Under a headline and its byline or date come the standfirst, captions and sections.
  const above = units.slice(Math.max(0, i - 3), i);
  const header = above.findIndex(isBylineOrDate);
  if (header >= 0) {
    const j = i - above.length + header;
    if (units.slice(Math.max(0, j - 3), j).some((u, k) => headlineShaped(u, shapes[j - 3 + k]))) {
      score -= 1;
    }
  }
  const blankBefore = unit.line === 0 || !lines[unit.line - 1]?.trim();
  const blankAfter = !lines[unit.line + 1]?.trim();
  if (blankBefore && blankAfter) score += 0.2;
  return score;
}

/** "By Jane Doe", "Posted on 3 March 2015 by Jane Doe", "16 November 2017 • 2:15pm". */
function isBylineOrDate(unit: Unit): boolean {
  const { text, words } = unit;
  if (BYLINE.test(text)) return true;
  if (words <= 12 && /\b(?:by|par|por|von|door|av|af)\s+[@\p{Lu}]/u.test(text)) return true;
  return unit.dated || (words <= 8 && TIME.test(text));
}

/** The share of a line's words that the body uses too: a headline is about its article. */
function overlap(text: string, bodyWords: ReadonlySet<string>): number {
  const words = contentWords(text);
  if (words.size === 0) return 0;
  let shared = 0;
  for (const w of words) if (bodyWords.has(w)) shared += 1;
  return shared / words.size;
}
