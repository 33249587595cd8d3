import { MAX_WORD_LENGTH } from '../engine/analyse';
import type { Analyse, AnalysedToken } from '../engine/types';
import type { Highlight } from '../snippets';
import { isSpaceCode } from '../space';
import { findPhrase } from './phrase';

// Not a word character before, nor a word character and an apostrophe ("o'" of "o'brien").
const BEFORE = "(?<![\\p{L}\\p{M}\\p{N}]['’]?)";
// A possessive "'s" belongs to the word; then no word character, nor an apostrophe going on
// into one ("can" is not in "can't").
const AFTER = "(?:['’]s(?![\\p{L}\\p{M}\\p{N}]))?(?!['’]?[\\p{L}\\p{M}\\p{N}])";
/** Writing the analyser treats specially: apostrophes inside words, unspaced scripts. */
const SPECIAL =
  /['’]|[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const UNSPACED_LANGUAGES = new Set(['th', 'lo', 'km', 'my', 'zh', 'ja']);

/** A matcher's expression and the forms it stands for, kept between queries. */
interface FormPattern {
  pattern: RegExp;
  wanted: ReadonlySet<string>;
}
/**
 * Expressions made for recent queries, by source: asking again, paging or choosing a facet
 * finds its expression made (and compiled by the engine that runs it), instead of making
 * and compiling one for every query. Oldest first, so the oldest goes when it is full.
 */
const formPatterns = new Map<string, FormPattern>();
const FORM_PATTERNS_KEPT = 64;

function formPattern(source: string, forms: readonly string[]): FormPattern {
  let kept = formPatterns.get(source);
  if (kept) return kept;
  if (formPatterns.size >= FORM_PATTERNS_KEPT) {
    const oldest = formPatterns.keys().next();
    if (!oldest.done) formPatterns.delete(oldest.value);
  }
  kept = { pattern: new RegExp(source, 'giu'), wanted: new Set(forms) };
  formPatterns.set(source, kept);
  return kept;
}

const REGEX_SYNTAX = /[.*+?^${}()|[\]\\]/g;
const APOSTROPHE = 39;
const RIGHT_QUOTE = 0x2019;
const LOWER_S = 115;

/** A match without its possessive "'s" (lowercase s only, as the analyser drops it). */
function withoutPossessive(found: string): string {
  const n = found.length;
  if (n < 2 || found.charCodeAt(n - 1) !== LOWER_S) return found;
  const mark = found.charCodeAt(n - 2);
  return mark === APOSTROPHE || mark === RIGHT_QUOTE ? found.slice(0, n - 2) : found;
}

/**
 * Finds the written forms of matched words in a text with one regular expression, instead
 * of splitting and stemming the whole text: a 300-page report is searched in a few
 * milliseconds. Returns null where the text must be analysed word by word instead (writing
 * without spaces, words with apostrophes inside), so results are the same either way.
 */
export function formMatcher(
  forms: readonly string[],
): ((text: string, language: string | null) => Highlight[] | null) | null {
  if (forms.length === 0) return null;
  if (forms.some((f) => SPECIAL.test(f) || f.length > MAX_WORD_LENGTH)) return null;
  // Longest first, so "shelters" is preferred over "shelter" at the same place.
  const alternatives = [...forms]
    .sort((a, b) => b.length - a.length)
    .map((f) => f.replace(REGEX_SYNTAX, '\\$&'));
  const { pattern, wanted } = formPattern(`${BEFORE}(?:${alternatives.join('|')})${AFTER}`, forms);
  return (text, language) => {
    if (language !== null && UNSPACED_LANGUAGES.has(language)) return null;
    const out: Highlight[] = [];
    // One expression serves every call: it is run to the end of the text, never left half
    // way, and nothing else runs between its steps.
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      // Case-insensitive matching folds case as the analyser's lowercasing does, except for
      // a few letters; check, and let the analyser decide when they differ.
      const found = m[0];
      if (!wanted.has(withoutPossessive(found).toLowerCase())) {
        pattern.lastIndex = 0;
        return null;
      }
      out.push({ start: m.index, end: m.index + found.length });
    }
    return out;
  };
}

const ASCII_WORD = /^[a-z0-9]+$/;
const UNSPACED_TEXT =
  /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * Finds an exact phrase in a text without splitting all of it: one expression finds where
 * its first word starts a word of the text, and only the words from there are split (by
 * `split`, the exact-words analyser) and compared, as findPhrase compares them. A long report
 * is searched in a fraction of the time, with the same spans. Returns null where the whole
 * text must be split instead: words other than plain letters and digits, whose case may fold
 * otherwise than the analyser lowercases, and texts with writing without spaces.
 */
export function phraseFinder(
  wanted: readonly AnalysedToken[],
  split: Analyse,
): ((text: string, language: string | null) => Highlight[] | null) | null {
  const first = wanted[0];
  if (!first || wanted.some((w) => !ASCII_WORD.test(w.term))) return null;
  // Apostrophes inside a word are dropped by the analyser ("do'nt" is "dont").
  const letters = [...first.term].join("['’]?");
  const pattern = new RegExp(`${BEFORE}${letters}`, 'giu');
  // About the phrase's words and one more.
  const guess = 8 * wanted.length + 2 * wanted.reduce((n, w) => n + w.term.length, 0);
  return (text, language) => {
    if (UNSPACED_TEXT.test(text)) return null;
    const out: Highlight[] = [];
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const start = m.index;
      // Ended at a space so no word is cut; doubled while it holds too few words.
      let size = guess;
      let tokens: AnalysedToken[];
      let end: number;
      for (;;) {
        end = start + size;
        while (end < text.length && !isSpaceCode(text.charCodeAt(end))) end += 1;
        tokens = split(text.slice(start, end), language);
        if (tokens.length > wanted.length || end >= text.length) break;
        size *= 2;
      }
      const found = findPhrase(tokens.slice(0, wanted.length), wanted)[0];
      if (found && found.start === 0) {
        out.push({ start: start + found.start, end: start + found.end });
        pattern.lastIndex = start + found.end;
      }
    }
    return out;
  };
}
