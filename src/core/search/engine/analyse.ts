import type { AnalysedToken } from './types';
import { analysisLanguage, termOf } from './languages';
import { GRAM_RUN, hasGramText, pushGrams } from './grams';

/** A word as it appears in the text, lowercased, with its place. */
export interface Word {
  start: number;
  end: number;
  word: string;
}

// Letters, marks and digits make words; everything else (spaces, punctuation, the slashes
// and dots of URLs and e-mail addresses) separates them. An apostrophe between letters
// stays inside the word ("don't", "minister's").
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;
// Scripts written without spaces between words.
const UNSPACED =
  /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** Longer runs are encodings and junk, not words anyone searches for. */
export const MAX_WORD_LENGTH = 60;

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(language: string): Intl.Segmenter {
  let s = segmenters.get(language);
  if (!s) {
    s = new Intl.Segmenter(language, { granularity: 'word' });
    segmenters.set(language, s);
  }
  return s;
}

/** Lowercases and drops apostrophes, and an English possessive "'s". */
export function normaliseWord(raw: string): string {
  let w = raw.toLowerCase();
  if (w.includes("'") || w.includes('’')) {
    w = w.replace(/['’]s$/u, '').replace(/['’]/gu, '');
  }
  return w;
}

/**
 * Splits text into words with their offsets; unspaced scripts go through Intl.Segmenter.
 * `seen.grams` is set when the text holds Thai, Lao, Khmer or Burmese (see grams.ts).
 */
export function words(
  text: string,
  language: string | null = null,
  seen?: { grams: boolean },
  offset = 0,
): Word[] {
  const out: Word[] = [];
  // One expression for every call, run to the end of the text with nothing else using it
  // meanwhile: no copy of it and no iterator per text, which a query splits many of.
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const raw = m[0];
    const start = offset + m.index;
    if (UNSPACED.test(raw)) {
      if (seen && !seen.grams && hasGramText(raw)) seen.grams = true;
      for (const seg of segmenter(language ?? 'en').segment(raw)) {
        if (!seg.isWordLike) continue;
        out.push({
          start: start + seg.index,
          end: start + seg.index + seg.segment.length,
          word: normaliseWord(seg.segment),
        });
      }
      continue;
    }
    if (raw.length > MAX_WORD_LENGTH) continue;
    out.push({ start, end: start + raw.length, word: normaliseWord(raw) });
  }
  return out;
}

/**
 * The text's words as written, for word places (positions.ts): as `words` gives them, except
 * that runs of Thai, Lao, Khmer and Burmese are pairs of grapheme clusters (grams.ts), which
 * do not depend on the segmenter's dictionary.
 */
export function units(text: string, language: string | null = null): Word[] {
  if (!hasGramText(text)) return words(text, language);
  const out: Word[] = [];
  let from = 0;
  const between = (to: number) => {
    if (to > from)
      for (const w of words(text.slice(from, to), language, undefined, from)) out.push(w);
  };
  for (const m of text.matchAll(GRAM_RUN)) {
    between(m.index);
    pushGrams(m[0], m.index, out);
    from = m.index + m[0].length;
  }
  between(text.length);
  return out;
}

/** The contract's `Analyse`: tokens with offsets and the index term each is stored under. */
export function analyse(text: string, language: string | null): AnalysedToken[] {
  const lang = analysisLanguage(language);
  const out: AnalysedToken[] = [];
  for (const w of words(text, language)) {
    const term = termOf(w.word, lang);
    if (term !== null) out.push({ start: w.start, end: w.end, term });
  }
  return out;
}
