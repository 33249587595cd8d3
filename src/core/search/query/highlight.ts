import { MAX_WORD_LENGTH } from '../engine/analyse';
import type { Highlight } from '../snippets';

// Not a word character before, nor a word character and an apostrophe ("o'" of "o'brien").
const BEFORE = "(?<![\\p{L}\\p{M}\\p{N}]['’]?)";
// A possessive "'s" belongs to the word; then no word character, nor an apostrophe going on
// into one ("can" is not in "can't").
const AFTER = "(?:['’]s(?![\\p{L}\\p{M}\\p{N}]))?(?!['’]?[\\p{L}\\p{M}\\p{N}])";
/** Writing the analyser treats specially: apostrophes inside words, unspaced scripts. */
const SPECIAL =
  /['’]|[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const UNSPACED_LANGUAGES = new Set(['th', 'lo', 'km', 'my', 'zh', 'ja']);

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
    .map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`${BEFORE}(?:${alternatives.join('|')})${AFTER}`, 'giu');
  const wanted = new Set(forms);
  return (text, language) => {
    if (language !== null && UNSPACED_LANGUAGES.has(language)) return null;
    const out: Highlight[] = [];
    for (const m of text.matchAll(pattern)) {
      // Case-insensitive matching folds case as the analyser's lowercasing does, except for
      // a few letters; check, and let the analyser decide when they differ.
      const word = m[0].replace(/['’]s$/u, '').toLowerCase();
      if (!wanted.has(word)) return null;
      out.push({ start: m.index, end: m.index + m[0].length });
    }
    return out;
  };
}
