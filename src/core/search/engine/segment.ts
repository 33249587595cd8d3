import { analysisLanguage, termOf } from './languages';
import { words } from './analyse';
import { PositionsBuilder, placesFromText, placesToText } from './positions';
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
  /** Each index term's number in `postings`. */
  terms: Map<string, number>;
  /** Per index field, every term's postings. */
  postings: Postings[];
  /** Per analysis language, the distinct words (before stemming), for fuzzy and wildcard. */
  vocab: Map<string, string[]>;
  /**
   * Per word of the bodies as written, its places (positions.ts), for exact phrases; kept
   * as saved (base64) until a phrase first asks for the word.
   */
  places: Map<string, Uint8Array | string>;
}

/**
 * One field's postings, packed: term number t's are data[starts[t] .. starts[t + 1]), as
 * interleaved [local number, term frequency, …] ascending by number. Typed arrays hold a
 * big library's millions of postings in little memory, and the garbage collector never has
 * to walk them.
 */
export interface Postings {
  starts: Int32Array;
  data: Int32Array;
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
  const terms = new Map<string, number>();
  for (const term of postings.keys()) terms.set(term, terms.size);
  const packed = FIELDS.map((_, f) => {
    const starts = new Int32Array(terms.size + 1);
    let total = 0;
    let t = 0;
    for (const lists of postings.values()) {
      starts[t] = total;
      total += lists[f]?.length ?? 0;
      t += 1;
    }
    starts[t] = total;
    const data = new Int32Array(total);
    t = 0;
    for (const lists of postings.values()) {
      const list = lists[f];
      if (list) data.set(list, starts[t]);
      t += 1;
    }
    return { starts, data };
  });
  return {
    ids: docs.map((d) => d.id),
    lengths,
    terms,
    postings: packed,
    vocab,
    places: places.finish(),
  };
}

/** A segment as plain JSON-able data (for workers and for saving). */
export interface SegmentData {
  v: 4;
  ids: string[];
  lengths: number[][];
  /** The terms in their numbers' order. */
  terms: string[];
  /** Per field, base64 of the (little-endian) bytes of `starts` and of `data`. */
  postings: [string, string][];
  vocab: [string, string[]][];
  /** [word, base64 of its places]. */
  places: [string, string][];
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

function int32sToText(values: Int32Array): string {
  return placesToText(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
}

function int32sFromText(text: string): Int32Array {
  const bytes = placesFromText(text);
  if (bytes.byteLength % 4 !== 0) throw new Error('Damaged index segment');
  return new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
}

export function segmentToData(segment: Segment): SegmentData {
  const places: SegmentData['places'] = [];
  for (const [word, bytes] of segment.places) {
    places.push([word, typeof bytes === 'string' ? bytes : placesToText(bytes)]);
  }
  return {
    v: 4,
    ids: segment.ids,
    lengths: segment.lengths,
    terms: [...segment.terms.keys()],
    postings: segment.postings.map((p) => [int32sToText(p.starts), int32sToText(p.data)]),
    vocab: [...segment.vocab],
    places,
  };
}

export function segmentFromData(data: SegmentData): Segment {
  // Older versions lack what newer code needs: the caller rebuilds the index. Saved bytes are
  // little-endian, as every machine Dossier runs on is; any other would rebuild too.
  if (data.v !== 4 || !LITTLE_ENDIAN) {
    throw new Error(`Unknown index segment version ${String(data.v)}`);
  }
  const terms = new Map<string, number>();
  data.terms.forEach((term, t) => terms.set(term, t));
  const postings = data.postings.map(([starts, list]) => ({
    starts: int32sFromText(starts),
    data: int32sFromText(list),
  }));
  if (
    postings.length !== FIELDS.length ||
    postings.some((p) => p.starts.length !== terms.size + 1)
  ) {
    throw new Error('Damaged index segment');
  }
  return {
    ids: data.ids,
    lengths: data.lengths,
    terms,
    postings,
    vocab: new Map(data.vocab),
    places: new Map(data.places),
  };
}
