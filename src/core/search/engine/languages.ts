import lunr from 'lunr';
import { lunrLanguages } from './lunr-languages';

/** How one language turns a lowercased word into its index term. */
export interface LanguageAnalyser {
  /** The stem, or null for a stop word (not indexed). */
  term(word: string): string | null;
}

type PipelineFn = (token: lunr.Token) => lunr.Token | undefined;

function fromLunr(stemmer: PipelineFn | null, stopWords: PipelineFn | null): LanguageAnalyser {
  return {
    term(word) {
      const token = new lunr.Token(word, {});
      if (stopWords && !stopWords(token)) return null;
      if (!stemmer) return word;
      const stemmed = stemmer(token);
      const out = stemmed ? stemmed.toString() : word;
      return out === '' ? word : out;
    },
  };
}

const english = fromLunr(lunr.stemmer as PipelineFn, lunr.stopWordFilter as PipelineFn);
/** Words kept as they are: languages without a stemmer, and scripts segmented into words. */
const plain: LanguageAnalyser = { term: (word) => word };

const registry = new Map<string, LanguageAnalyser>([['en', english]]);
for (const [code, mod] of lunrLanguages()) {
  registry.set(code, fromLunr(mod.stemmer ?? null, mod.stopWordFilter ?? null));
}

/** Registers a language's analyser (stemmer and stop words) under its ISO 639-1 code. */
export function registerLanguage(code: string, analyser: LanguageAnalyser): void {
  registry.set(code, analyser);
  memo.delete(code);
}

export function registerLunrLanguage(
  code: string,
  stemmer: PipelineFn | null,
  stopWords: PipelineFn | null,
): void {
  registerLanguage(code, fromLunr(stemmer, stopWords));
}

export function hasStemmer(code: string): boolean {
  return registry.has(code);
}

/** The analysis key of a document language: unknown and unsupported languages fall back. */
export function analysisLanguage(language: string | null): string {
  if (!language) return 'en';
  const code = language.toLowerCase().split(/[-_]/)[0] ?? '';
  return registry.has(code) ? code : code === '' ? 'en' : code;
}

// Stemming dominates indexing time and the same words recur endlessly, so each language
// remembers its words' terms. Bounded, because junk tokens (mail headers, encodings) are
// endless too.
const MEMO_LIMIT = 400_000;
const memo = new Map<string, Map<string, string | null>>();

/** The index term of one lowercased, apostrophe-free word in `language` (an analysis key). */
export function termOf(word: string, language: string): string | null {
  let cache = memo.get(language);
  if (!cache) {
    cache = new Map();
    memo.set(language, cache);
  }
  const known = cache.get(word);
  if (known !== undefined) return known;
  const analyser = registry.get(language) ?? plain;
  const term = analyser.term(word);
  if (cache.size >= MEMO_LIMIT) cache.clear();
  cache.set(word, term);
  return term;
}
