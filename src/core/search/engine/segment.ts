import { analysisLanguage, termOf } from './languages';
import { words } from './analyse';
import { PositionsBuilder, placesToText } from './positions';
import { INDEX_FIELDS_ALL, type IndexableDoc, type IndexField } from './types';

/**
 * One segment of the index: the documents of one build. Postings keep term frequencies and
 * fields their lengths; the engine scores them with lunr's BM25 (k1 1.2, b 0.75, lunr's idf,
 * field boosts) using counts and average lengths over *every* segment, so a segmented
 * library ranks exactly as one index would.
 *
 * Postings hold no positions; the bodies' word places are kept apart, per word as written,
 * so phrases are checked without the text and plain word queries never touch them.
 */
export interface Segment {
  /** Document ids by local number. */
  ids: string[];
  /** Per index field, each document's length in terms. */
  lengths: number[][];
  /** Per index field: interleaved [local number, term frequency, …], ascending by number. */
  postings: Map<string, (number[] | undefined)[]>;
  /** Per analysis language, the distinct words (before stemming), for fuzzy and wildcard. */
  vocab: Map<string, string[]>;
  /**
   * Per word of the bodies as written, its places (positions.ts), for exact phrases; kept
   * as saved (base64) until a phrase first asks for the word.
   */
  places: Map<string, Uint8Array | string>;
}

export const FIELD_BOOST: Record<IndexField, number> = { title: 4, source: 2, author: 2, body: 1 };
export const K1 = 1.2;
export const B = 0.75;

export const FIELDS = INDEX_FIELDS_ALL;

/** Builds one segment; a pure function so workers can build segments in parallel. */
export function buildSegment(docs: readonly IndexableDoc[]): Segment {
  const vocabSets = new Map<string, Set<string>>();
  const lengths: number[][] = FIELDS.map(() => []);
  const postings = new Map<string, (number[] | undefined)[]>();
  const counts = new Map<string, number>();
  const places = new PositionsBuilder();
  docs.forEach((doc, ref) => {
    const lang = analysisLanguage(doc.language);
    let vocab = vocabSets.get(lang);
    if (!vocab) {
      vocab = new Set();
      vocabSets.set(lang, vocab);
    }
    FIELDS.forEach((field, f) => {
      counts.clear();
      let length = 0;
      const found = words(doc[field], doc.language);
      if (field === 'body') places.add(ref, doc.body, found);
      for (const w of found) {
        const term = termOf(w.word, lang);
        if (term === null) continue;
        vocab.add(w.word);
        counts.set(term, (counts.get(term) ?? 0) + 1);
        length += 1;
      }
      (lengths[f] as number[]).push(length);
      for (const [term, tf] of counts) {
        let posting = postings.get(term);
        if (!posting) {
          posting = [];
          postings.set(term, posting);
        }
        (posting[f] ??= []).push(ref, tf);
      }
    });
  });
  const vocab = new Map<string, string[]>();
  for (const [lang, set] of vocabSets) vocab.set(lang, [...set].sort());
  return { ids: docs.map((d) => d.id), lengths, postings, vocab, places: places.finish() };
}

/** A segment as plain JSON-able data (for workers and for saving). */
export interface SegmentData {
  v: 3;
  ids: string[];
  lengths: number[][];
  /** [term, field arrays…], 0 where a field has no posting. */
  postings: [string, ...(number[] | 0)[]][];
  vocab: [string, string[]][];
  /** [word, base64 of its places]. */
  places: [string, string][];
}

export function segmentToData(segment: Segment): SegmentData {
  const postings: SegmentData['postings'] = [];
  for (const [term, fields] of segment.postings) {
    postings.push([term, ...FIELDS.map((_, i) => fields[i] ?? (0 as const))]);
  }
  const places: SegmentData['places'] = [];
  for (const [word, bytes] of segment.places) {
    places.push([word, typeof bytes === 'string' ? bytes : placesToText(bytes)]);
  }
  return {
    v: 3,
    ids: segment.ids,
    lengths: segment.lengths,
    postings,
    vocab: [...segment.vocab],
    places,
  };
}

export function segmentFromData(data: SegmentData): Segment {
  // Older versions lack what newer code needs: the caller rebuilds the index.
  if (data.v !== 3) throw new Error(`Unknown index segment version ${String(data.v)}`);
  const postings = new Map<string, (number[] | undefined)[]>();
  for (const entry of data.postings) {
    const term = entry[0];
    const fields: (number[] | undefined)[] = [];
    for (let i = 1; i < entry.length; i += 1) {
      const list = entry[i];
      fields.push(Array.isArray(list) ? list : undefined);
    }
    postings.set(term, fields);
  }
  return {
    ids: data.ids,
    lengths: data.lengths,
    postings,
    vocab: new Map(data.vocab),
    places: new Map(data.places),
  };
}
