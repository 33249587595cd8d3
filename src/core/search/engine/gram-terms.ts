import { units } from './analyse';
import { askedUnits, clustersOf, hasGramText, isGramKey, isRunEnd } from './grams';
import { phraseRefs, placesOf, withSentenceMarks, type WordPlaces } from './positions';
import type { Postings } from './segment';

/**
 * A word typed in Thai, Lao, Khmer or Burmese, as the engine answers it: like a term with
 * postings of its own, whose documents and counts come from the index's pairs of clusters
 * (grams.ts) standing in a row, so it is found inside any chunk the segmenter left whole and
 * scored with BM25 as a word of the dictionary would be.
 */
export interface GramWord {
  /** The pairs (and run ends) to find, and their places relative to the first. */
  keys: string[];
  offsets: number[];
  /** A word of one cluster: found wherever that cluster stands. */
  cluster: string | null;
}

/** Marks a query term that is a word of these scripts (no index term holds this). */
const GRAM_TERM = '\u0004';

/** Text of Thai, Lao, Khmer or Burmese only (spaces and punctuation aside) as a query word. */
export function gramWord(text: string): GramWord | null {
  if (!hasGramText(text)) return null;
  const typed = text.normalize('NFC');
  const found = units(typed);
  if (found.length === 0 || !found.every((w) => isGramKey(w.word))) return null;
  const asked = askedUnits(found, (w) => w.word);
  const only = asked[0];
  if (asked.length === 1 && only && isRunEnd(only.word)) {
    return { keys: [], offsets: [], cluster: only.word.slice(0, -1) };
  }
  const marked = withSentenceMarks(
    asked.map((w) => w.word),
    placesOf(typed, asked),
  );
  const first = marked.places[0] ?? 0;
  return { keys: marked.words, offsets: marked.places.map((p) => p - first), cluster: null };
}

/** The engine's term for a typed word of these scripts, or null for any other word. */
export function gramTerm(text: string): string | null {
  return gramWord(text) ? GRAM_TERM + text.normalize('NFC') : null;
}

/** The typed word of a term from `gramTerm`, or null for an index term. */
export function gramTermText(term: string): string | null {
  return term.startsWith(GRAM_TERM) ? term.slice(GRAM_TERM.length) : null;
}

/**
 * One segment's postings of a gram word, per field, packed as the segment's own (term number
 * 0): each document holding it, with how often. `prefixes` are the fields' keys (FIELD_KEY);
 * `places` is the segment's word places, as kept (only its keys are read here).
 */
export function gramPostings(
  word: GramWord,
  prefixes: readonly string[],
  placesOf: (key: string) => WordPlaces | null,
  places: ReadonlyMap<string, unknown>,
): Postings[] {
  if (word.cluster !== null) return clusterPostings(word.cluster, prefixes, placesOf, places);
  return prefixes.map((prefix) => {
    const lists: WordPlaces[] = [];
    for (const key of word.keys) {
      const list = placesOf(prefix + key);
      if (!list) return packed([], []);
      lists.push(list);
    }
    const counts: number[] = [];
    const refs = phraseRefs(lists, word.offsets, counts);
    return packed(refs, counts);
  });
}

/** Per segment's places: field key + first cluster → the pairs and run ends it begins. */
const byFirstCluster = new WeakMap<ReadonlyMap<string, unknown>, Map<string, string[]>>();

function firstClusters(places: ReadonlyMap<string, unknown>): Map<string, string[]> {
  let index = byFirstCluster.get(places);
  if (index) return index;
  index = new Map();
  for (const key of places.keys()) {
    const prefix = key.startsWith('\u0002') ? key.slice(0, 2) : '';
    const rest = key.slice(prefix.length);
    if (!isGramKey(rest)) continue;
    const first = isRunEnd(rest) ? rest.slice(0, -1) : clustersOf(rest)[0]?.key;
    if (first === undefined) continue;
    const list = index.get(prefix + first);
    if (list) list.push(key);
    else index.set(prefix + first, [key]);
  }
  byFirstCluster.set(places, index);
  return index;
}

/** Every pair (and run end) that begins with the cluster, its counts added up per document. */
function clusterPostings(
  cluster: string,
  prefixes: readonly string[],
  placesOf: (key: string) => WordPlaces | null,
  places: ReadonlyMap<string, unknown>,
): Postings[] {
  const index = firstClusters(places);
  return prefixes.map((prefix) => {
    const counts = new Map<number, number>();
    for (const key of index.get(prefix + cluster) ?? []) {
      const list = placesOf(key);
      list?.refs.forEach((ref, i) => {
        const n = (list.starts[i + 1] as number) - (list.starts[i] as number);
        counts.set(ref, (counts.get(ref) ?? 0) + n);
      });
    }
    const refs = [...counts.keys()].sort((a, b) => a - b);
    return packed(
      refs,
      refs.map((r) => counts.get(r) as number),
    );
  });
}

function packed(refs: readonly number[], counts: readonly number[]): Postings {
  const data = new Int32Array(refs.length * 2);
  refs.forEach((ref, i) => {
    data[2 * i] = ref;
    data[2 * i + 1] = counts[i] as number;
  });
  return { starts: Int32Array.of(0, data.length), data };
}
