import type { Word } from './analyse';

/**
 * Thai, Lao, Khmer and Burmese are written without spaces between words, so their words come
 * from the platform's word segmenter, whose dictionary differs from one platform to another:
 * Chromium's leaves some Khmer sentences in chunks of several words, and a word inside such a
 * chunk is no word of the index. So, as Lucene's CJK analysers do with Chinese characters,
 * the text of these scripts is also kept as overlapping pairs of grapheme clusters (bigrams)
 * with their places: "ជួញដូរ" is ជួ|ញ|ដូ|រ, kept as ជួញ, ញដូ, ដូរ and the run's end (its
 * last cluster, which takes a place of its own, so the pairs of two runs never stand in a
 * row). A word typed in these scripts is then found where its pairs stand in a row, whatever
 * the dictionary made of the sentence.
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

/** Follows the last cluster of a run, as the run's end is kept. */
export const RUN_END = '\u0003';

/** Whether the text holds any letter of Thai, Lao, Khmer or Burmese. */
export const hasGramText = (text: string): boolean => HAS_GRAM_LETTER.test(text);

/** Whether an index word is a pair of clusters or a run's end (not a word of other text). */
export const isGramKey = (word: string): boolean => word.endsWith(RUN_END) || GRAM_START.test(word);

export const isRunEnd = (word: string): boolean => word.endsWith(RUN_END);

export interface Cluster {
  start: number;
  end: number;
  /** The cluster without invisible characters. */
  key: string;
}

const COENG = 0x17d2;
const VIRAMA = 0x1039;
const ASAT = 0x103a;
const DOT_BELOW = 0x1037;
/** The blocks of these scripts in the Basic Multilingual Plane. */
export const SCRIPT_RANGES: readonly (readonly [number, number])[] = [
  [0x0e00, 0x0eff],
  [0x1000, 0x109f],
  [0x1780, 0x17ff],
  [0x19e0, 0x19ff],
  [0xa9e0, 0xa9ff],
  [0xaa60, 0xaa7f],
];
/** By code point: 1 for a character that never begins a cluster, 2 for an invisible one. */
const JOINS = new Uint8Array(0x10000);
for (const [from, to] of SCRIPT_RANGES) {
  for (let c = from; c <= to; c += 1) if (/\p{M}/u.test(String.fromCharCode(c))) JOINS[c] = 1;
}
// Thai and Lao sara am are letters, but spacing marks to grapheme clusters.
JOINS[0x0e33] = 1;
JOINS[0x0eb3] = 1;
for (const c of [0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]) JOINS[c] = 2;

/**
 * Where each grapheme cluster of a run of these scripts starts, then where the run ends, in
 * `starts`; whether the run holds invisible characters. A cluster is a letter with the marks
 * after it, and with the consonants stacked under it (after a Khmer coeng or a Burmese
 * virama), as Intl.Segmenter's extended grapheme clusters are (grams.test.ts compares them
 * on every pair of these scripts' letters and marks). Further, a Burmese consonant killed by
 * asat belongs to the syllable before it, as Burmese marks do, so "ကြီ" is not found inside
 * "ကြီး" (nor "ဝန" inside "ဝန်"). Read by character codes: Intl.Segmenter costs some
 * microseconds a cluster, more than the rest of indexing the text.
 */
function clusterStarts(run: string, starts: number[]): boolean {
  starts.length = 0;
  let hidden = false;
  let previous = -1;
  for (let i = 0; i < run.length; i += 1) {
    const c = run.charCodeAt(i);
    const joins = JOINS[c] as number;
    if (joins === 2) {
      hidden = true;
      continue;
    }
    const next = run.charCodeAt(i + 1);
    const killed = next === ASAT || (next === DOT_BELOW && run.charCodeAt(i + 2) === ASAT);
    const inside = joins === 1 || previous === COENG || previous === VIRAMA || killed;
    if (!inside || starts.length === 0) starts.push(i);
    previous = c;
  }
  starts.push(run.length);
  return hidden;
}

/** The grapheme clusters of a run, with offsets into it (see clusterStarts). */
export function clustersOf(run: string): Cluster[] {
  const starts: number[] = [];
  const hidden = clusterStarts(run, starts);
  const out: Cluster[] = [];
  for (let i = 0; i + 1 < starts.length; i += 1) {
    const key = run.slice(starts[i], starts[i + 1]);
    const start = starts[i] as number;
    out.push({
      start,
      end: starts[i + 1] as number,
      key: hidden ? key.replace(INVISIBLE, '') : key,
    });
  }
  return out;
}

const scratch: number[] = [];

/** Appends the run's pairs of clusters, then its end (its last cluster), as words. */
export function pushGrams(run: string, offset: number, out: Word[]): void {
  if (clusterStarts(run, scratch)) {
    // Rare: invisible characters are left out of the pairs.
    const clusters = clustersOf(run);
    clusters.forEach((a, i) => {
      const b = clusters[i + 1];
      const word = b ? a.key + b.key : a.key + RUN_END;
      out.push({ start: offset + a.start, end: offset + (b ?? a).end, word });
    });
    return;
  }
  const n = scratch.length - 1;
  for (let i = 0; i < n; i += 1) {
    const start = scratch[i] as number;
    const end = scratch[i + (i + 1 < n ? 2 : 1)] as number;
    const word = i + 1 < n ? run.slice(start, end) : run.slice(start, end) + RUN_END;
    out.push({ start: offset + start, end: offset + end, word });
  }
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
