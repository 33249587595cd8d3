import { analysisLanguage, termOf } from './languages';
import { words } from './analyse';
import { INDEX_FIELDS_ALL, type IndexableDoc, type IndexField } from './types';

/**
 * One segment of the index: the documents of one build, with lunr's BM25 field scoring
 * (k1 1.2, b 0.75, field boosts) precomputed per posting but *without* idf, which the engine
 * applies at query time from counts over every segment, so scores compare across segments.
 *
 * Postings hold no positions: the query layer finds words and phrases in the documents it
 * shows with `analyse`, which keeps the index small and quick to build and load.
 */
export interface Segment {
  /** Document ids by local number. */
  ids: string[];
  /** Per index field: interleaved [local number, score, …], ascending by number. */
  postings: Map<string, (number[] | undefined)[]>;
  /** Per analysis language, the distinct words (before stemming), for fuzzy and wildcard. */
  vocab: Map<string, string[]>;
}

export const FIELD_BOOST: Record<IndexField, number> = { title: 4, source: 2, author: 2, body: 1 };
const K1 = 1.2;
const B = 0.75;

export const FIELDS = INDEX_FIELDS_ALL;

interface FieldCounts {
  counts: Map<string, number>;
  length: number;
}

function countTerms(
  text: string,
  language: string | null,
  lang: string,
  vocab: Set<string>,
): FieldCounts {
  const counts = new Map<string, number>();
  let length = 0;
  for (const w of words(text, language)) {
    const term = termOf(w.word, lang);
    if (term === null) continue;
    vocab.add(w.word);
    counts.set(term, (counts.get(term) ?? 0) + 1);
    length += 1;
  }
  return { counts, length };
}

/** Builds one segment; a pure function so workers can build segments in parallel. */
export function buildSegment(docs: readonly IndexableDoc[]): Segment {
  const vocabSets = new Map<string, Set<string>>();
  const perDoc: FieldCounts[][] = [];
  const totals = FIELDS.map(() => 0);
  for (const doc of docs) {
    const lang = analysisLanguage(doc.language);
    let vocab = vocabSets.get(lang);
    if (!vocab) {
      vocab = new Set();
      vocabSets.set(lang, vocab);
    }
    const fields = FIELDS.map((f, i) => {
      const counted = countTerms(doc[f], doc.language, lang, vocab);
      totals[i] = (totals[i] ?? 0) + counted.length;
      return counted;
    });
    perDoc.push(fields);
  }
  const avg = totals.map((t) => (docs.length === 0 ? 1 : Math.max(t / docs.length, 1e-9)));
  const postings = new Map<string, (number[] | undefined)[]>();
  perDoc.forEach((fields, ref) => {
    fields.forEach(({ counts, length }, f) => {
      const field = FIELDS[f] as IndexField;
      const norm = K1 * (1 - B + (B * length) / (avg[f] ?? 1));
      for (const [term, tf] of counts) {
        let posting = postings.get(term);
        if (!posting) {
          posting = [];
          postings.set(term, posting);
        }
        const list = (posting[f] ??= []);
        const score = (((K1 + 1) * tf) / (norm + tf)) * FIELD_BOOST[field];
        list.push(ref, Math.round(score * 10000) / 10000);
      }
    });
  });
  const vocab = new Map<string, string[]>();
  for (const [lang, set] of vocabSets) vocab.set(lang, [...set].sort());
  return { ids: docs.map((d) => d.id), postings, vocab };
}

/** A segment as plain JSON-able data (for workers and for saving). */
export interface SegmentData {
  v: 1;
  ids: string[];
  /** [term, field arrays…], 0 where a field has no posting. */
  postings: [string, ...(number[] | 0)[]][];
  vocab: [string, string[]][];
}

export function segmentToData(segment: Segment): SegmentData {
  const postings: SegmentData['postings'] = [];
  for (const [term, fields] of segment.postings) {
    postings.push([term, ...FIELDS.map((_, i) => fields[i] ?? (0 as const))]);
  }
  return { v: 1, ids: segment.ids, postings, vocab: [...segment.vocab] };
}

export function segmentFromData(data: SegmentData): Segment {
  if (data.v !== 1) throw new Error(`Unknown index segment version ${String(data.v)}`);
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
  return { ids: data.ids, postings, vocab: new Map(data.vocab) };
}
