/**
 * The collection statistics BM25 reads, counted over live documents only: a document removed
 * or replaced since its segment was built leaves the document count, the average field
 * lengths and every term's document frequency at once, so a library with removals ranks as
 * one index built over what it holds now, not only after its segments are merged.
 */
import { B, FIELDS, K1, type Postings, type Segment } from './segment';

/** lunr's idf (documents with the term counted once per field, as lunr.idf does). */
export function idf(documentsWithTerm: number, documentCount: number): number {
  const x = (documentCount - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5);
  return Math.log(1 + Math.abs(x));
}

/** Per field, the lengths of the segment's documents added up. */
export function fieldTotals(segment: Segment): Float64Array {
  return Float64Array.from(FIELDS, (_, f) => {
    let total = 0;
    for (const len of segment.lengths[f] ?? []) total += len;
    return total;
  });
}

/**
 * How many live documents of a segment hold term number `t` of `postings` (the segment's own,
 * or a gram word's), added up over fields.
 */
export function liveDocumentFrequency(
  postings: readonly Postings[],
  t: number,
  dead: Uint8Array,
  deadCount: number,
): number {
  let df = 0;
  for (const { starts, data } of postings) {
    const from = starts[t] as number;
    const to = starts[t + 1] as number;
    if (deadCount === 0) {
      df += (to - from) / 2;
      continue;
    }
    for (let i = from; i < to; i += 2) if (dead[data[i] as number] !== 1) df += 1;
  }
  return df;
}

/** Per field, each document's length part of BM25's denominator, for the given averages. */
export function lengthNorms(segment: Segment, averages: readonly number[]): Float64Array[] {
  return FIELDS.map((_, f) =>
    Float64Array.from(
      segment.lengths[f] ?? [],
      (len) => K1 * (1 - B + (B * len) / (averages[f] ?? 1)),
    ),
  );
}
