import { analysisLanguage, termOf } from './languages';
import { units, words, type Word } from './analyse';
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
   * as saved (base64) until a phrase first asks for the word. Text in Thai, Lao, Khmer and
   * Burmese is kept as pairs of clusters (grams.ts), in every field (FIELD_KEY).
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

/**
 * What each field's words are kept under in `places`: the body's as they are, the other
 * fields' (kept only where they hold Thai, Lao, Khmer or Burmese) behind a mark of the field.
 */
export const FIELD_KEY: readonly string[] = FIELDS.map((field, f) =>
  field === 'body' ? '' : `\u0002${f}`,
);

/** Builds one segment; a pure function so workers can build segments in parallel. */
export function buildSegment(docs: readonly IndexableDoc[]): Segment {
  const vocabSets = new Map<string, Set<string>>();
  const lengths: number[][] = FIELDS.map(() => []);
  // Terms are numbered as met; each word occurrence then costs array reads, not lookups.
  const terms = new Map<string, number>();
  /** By term number, per field: interleaved [local number, term frequency, …]. */
  const lists: (number[] | undefined)[][] = FIELDS.map(() => []);
  let counts = new Int32Array(1024);
  const counted: number[] = [];
  const places = new PositionsBuilder();
  /** Per analysis language, by body word id: its term number (-1: a stop word), and
   * whether the word is in the vocabulary. */
  const wordTerms = new Map<string, { terms: number[]; inVocab: boolean[] }>();
  const termNumber = (word: string, lang: string): number => {
    const term = termOf(word, lang);
    if (term === null) return -1;
    let t = terms.get(term);
    if (t === undefined) {
      t = terms.size;
      terms.set(term, t);
      if (counts.length <= t) {
        const bigger = new Int32Array(counts.length * 2);
        bigger.set(counts);
        counts = bigger;
      }
    }
    return t;
  };
  docs.forEach((doc, ref) => {
    const lang = analysisLanguage(doc.language);
    let vocab = vocabSets.get(lang);
    if (!vocab) {
      vocab = new Set();
      vocabSets.set(lang, vocab);
    }
    let known = wordTerms.get(lang);
    if (!known) {
      known = { terms: [], inVocab: [] };
      wordTerms.set(lang, known);
    }
    FIELDS.forEach((field, f) => {
      let length = 0;
      const seen = { grams: false };
      const found = words(doc[field], doc.language, seen);
      // Where the text holds Thai, Lao, Khmer or Burmese, its places are kept by pairs of
      // clusters (grams.ts), in every field, so a word of these scripts is found in titles too.
      if (seen.grams) places.add(ref, doc[field], units(doc[field], doc.language), FIELD_KEY[f]);
      const body = field === 'body' && !seen.grams;
      if (body) places.add(ref, doc.body, found);
      for (let k = 0; k < found.length; k += 1) {
        const word = (found[k] as Word).word;
        // Body words have ids from the places just kept: their terms are looked up once
        // per segment, not once per occurrence.
        const id = body ? (places.wordIds[k] as number) : -1;
        let t = id >= 0 ? known.terms[id] : undefined;
        if (t === undefined) {
          t = termNumber(word, lang);
          if (id >= 0) known.terms[id] = t;
        }
        if (t < 0) continue;
        if (id < 0) vocab.add(word);
        else if (!known.inVocab[id]) {
          known.inVocab[id] = true;
          vocab.add(word);
        }
        if ((counts[t] as number) === 0) counted.push(t);
        counts[t] = (counts[t] as number) + 1;
        length += 1;
      }
      (lengths[f] as number[]).push(length);
      const byTerm = lists[f] as (number[] | undefined)[];
      for (const t of counted) {
        (byTerm[t] ??= []).push(ref, counts[t] as number);
        counts[t] = 0;
      }
      counted.length = 0;
    });
  });
  const vocab = new Map<string, string[]>();
  for (const [lang, set] of vocabSets) vocab.set(lang, [...set].sort());
  const packed = FIELDS.map((_, f) => {
    const byTerm = lists[f] as (number[] | undefined)[];
    const starts = new Int32Array(terms.size + 1);
    let total = 0;
    for (let t = 0; t < terms.size; t += 1) {
      starts[t] = total;
      total += byTerm[t]?.length ?? 0;
    }
    starts[terms.size] = total;
    const data = new Int32Array(total);
    for (let t = 0; t < terms.size; t += 1) {
      const list = byTerm[t];
      if (list) data.set(list, starts[t]);
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
  v: 5;
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
    v: 5,
    ids: segment.ids,
    lengths: segment.lengths,
    terms: [...segment.terms.keys()],
    postings: segment.postings.map((p) => [int32sToText(p.starts), int32sToText(p.data)]),
    vocab: [...segment.vocab],
    places,
  };
}

/** Whether packed postings are whole: ranges in order, documents in the segment. */
function postingsFit({ starts, data }: Postings, termCount: number, docCount: number): boolean {
  if (starts.length !== termCount + 1 || starts[0] !== 0 || starts[termCount] !== data.length) {
    return false;
  }
  for (let t = 0; t < termCount; t += 1) {
    const from = starts[t] as number;
    const to = starts[t + 1] as number;
    if (to < from || (to - from) % 2 !== 0) return false;
  }
  for (let i = 0; i < data.length; i += 2) {
    const ref = data[i] as number;
    if (ref < 0 || ref >= docCount || (data[i + 1] as number) < 1) return false;
  }
  return true;
}

export function segmentFromData(data: SegmentData): Segment {
  // Older versions lack what newer code needs: the caller rebuilds the index. Saved bytes are
  // little-endian, as every machine Dossier runs on is; any other would rebuild too.
  if (data.v !== 5 || !LITTLE_ENDIAN) {
    throw new Error(`Unknown index segment version ${String(data.v)}`);
  }
  const terms = new Map<string, number>();
  data.terms.forEach((term, t) => terms.set(term, t));
  const postings = data.postings.map(([starts, list]) => ({
    starts: int32sFromText(starts),
    data: int32sFromText(list),
  }));
  const whole =
    postings.length === FIELDS.length &&
    data.lengths.length === FIELDS.length &&
    data.lengths.every((l) => l.length === data.ids.length) &&
    postings.every((p) => postingsFit(p, terms.size, data.ids.length));
  if (!whole) throw new Error('Damaged index segment');
  return {
    ids: data.ids,
    lengths: data.lengths,
    terms,
    postings,
    vocab: new Map(data.vocab),
    places: new Map(data.places),
  };
}
