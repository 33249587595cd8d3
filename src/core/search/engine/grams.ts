import type { Word } from './analyse';

/**
 * Thai, Lao, Khmer and Burmese are written without spaces between words, so their words come
 * from the platform's word segmenter, whose dictionary differs from one platform to another:
 * Chromium's leaves some Khmer sentences in chunks of several words, and a word inside such a
 * chunk is no word of the index. So, as Lucene's CJK analysers do with Chinese characters,
 * the text of these scripts is also kept as overlapping pairs of grapheme clusters (bigrams)
 * with their places: "ជួញដូរ" is ជួ|ញ|ដូ|រ, kept as ជួញ, ញដូ, ដូរ and the run's end. A word
 * typed in these scripts is then found where its pairs stand in a row, whatever the
 * dictionary made of the sentence.
 *
 * Clusters, not code points, so that a word typed without its last mark ("ที" of "ที่") is
 * not found inside the marked one. Pairs stop at a run's end (a space, punctuation, a digit),
 * so a word typed across two sentences or two phrases is not found either.
 */

const GRAM_SCRIPT = '\\p{Script=Thai}\\p{Script=Lao}\\p{Script=Khmer}\\p{Script=Myanmar}';
/** Letters and marks of these scripts (not their digits or punctuation). */
const GRAM_LETTER = `(?=[\\p{L}\\p{M}])[${GRAM_SCRIPT}]`;
/** Invisible characters some writers put between words; a run goes on across them. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/gu;
/** A run of text in these scripts: where pairs are made. */
export const GRAM_RUN = new RegExp(
  `${GRAM_LETTER}(?:${GRAM_LETTER}|[\\u00AD\\u200B-\\u200D\\u2060\\uFEFF])*`,
  'gu',
);
const HAS_GRAM_LETTER = new RegExp(GRAM_LETTER, 'u');
const GRAM_START = new RegExp(`^${GRAM_LETTER}`, 'u');
const MARK = /^\p{M}/u;

/** Follows the last cluster of a run, as the run's end is kept. */
export const RUN_END = '\u0003';

/** Whether the text holds any letter of Thai, Lao, Khmer or Burmese. */
export const hasGramText = (text: string): boolean => HAS_GRAM_LETTER.test(text);

/** Whether an index word is a pair of clusters or a run's end (not a word of other text). */
export const isGramKey = (word: string): boolean => word.endsWith(RUN_END) || GRAM_START.test(word);

export const isRunEnd = (word: string): boolean => word.endsWith(RUN_END);

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export interface Cluster {
  start: number;
  end: number;
  /** The cluster without invisible characters. */
  key: string;
}

/**
 * Whether a cluster belongs to the one before it. Extended grapheme clusters leave a few
 * Burmese marks (tall aa, visarga) and consonants killed by asat on their own: joined, the
 * clusters are syllables, so "ကြီ" is not found inside "ကြီး" (nor "ဝန" inside "ဝန်").
 */
function joinsPrevious(key: string, previous: string): boolean {
  if (MARK.test(key)) return true;
  const last = previous.charCodeAt(previous.length - 1);
  // A stacking sign (Burmese virama, Khmer coeng) joins the consonant below it.
  if (last === 0x1039 || last === 0x17d2) return true;
  const second = key.charCodeAt(1);
  return second === 0x103a || (second === 0x1037 && key.charCodeAt(2) === 0x103a);
}

/** The grapheme clusters of a run, with offsets into it (Intl.Segmenter, then joined). */
export function clustersOf(run: string): Cluster[] {
  const out: Cluster[] = [];
  for (const { segment, index } of graphemes.segment(run)) {
    const key = segment.replace(INVISIBLE, '');
    const last = out[out.length - 1];
    if (last && (key === '' || joinsPrevious(key, last.key))) {
      last.end = index + segment.length;
      last.key += key;
    } else if (key !== '') {
      out.push({ start: index, end: index + segment.length, key });
    }
  }
  return out;
}

/** Appends the run's pairs of clusters, then its end (its last cluster), as words. */
export function pushGrams(run: string, offset: number, out: Word[]): void {
  const clusters = clustersOf(run);
  for (let i = 0; i + 1 < clusters.length; i += 1) {
    const a = clusters[i] as Cluster;
    const b = clusters[i + 1] as Cluster;
    out.push({ start: offset + a.start, end: offset + b.end, word: a.key + b.key });
  }
  const last = clusters[clusters.length - 1];
  if (last)
    out.push({ start: offset + last.start, end: offset + last.end, word: last.key + RUN_END });
}

/**
 * A typed word or phrase as it is asked of the index: the end of its last run is left out,
 * so the word may go on in the text ("ศาล" is found in "ศาลา", as any word of these scripts
 * is found inside a longer one), unless the run is a single cluster.
 */
export function askedUnits<T extends { start: number; end: number }>(
  units: readonly T[],
  key: (unit: T) => string,
): T[] {
  const last = units[units.length - 1];
  const before = units[units.length - 2];
  if (last && before && isRunEnd(key(last)) && before.end > last.start) return units.slice(0, -1);
  return [...units];
}

/**
 * Whether the index word `key` (a pair or a run's end) begins with the cluster: a word of one
 * cluster is found wherever that cluster stands.
 */
export function startsWithCluster(key: string, cluster: string): boolean {
  if (!key.startsWith(cluster)) return false;
  if (key.length === cluster.length + 1 && isRunEnd(key)) return true;
  return clustersOf(key)[0]?.key === cluster;
}
