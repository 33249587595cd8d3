import { bestIndexes } from './best';
import { FIELD_BOOST, FIELDS, K1, type Postings, type Segment } from './segment';
import type { IndexField, MatchOptions, Matches, TermClause } from './types';

/** One clause's index terms, each with its weight times the term's library-wide idf. */
export type WeightedTerms = readonly (readonly [term: string, weight: number])[];

/** What scoring reads of one live segment. */
export interface ScoredSegment {
  segment: Segment;
  /** Each local document's library-wide number. */
  docs: Int32Array;
  /** 1 for local documents removed or replaced since the segment was built. */
  dead: Uint8Array;
  /** Per field, K1 * (1 - B + B * length / average length) of each local document. */
  norms: Float64Array[];
  scratch: Scratch;
  /** A term's postings here and its number in them (gram words have postings of their own). */
  postingsOf(term: string): readonly [readonly Postings[], number] | null;
}

/** Per local document, kept with the segment and cleared through `touched`, so a query over
 * a big library allocates (and later collects) next to nothing. */
export interface Scratch {
  score: Float64Array;
  flags: Uint8Array;
  mustHits: Uint16Array;
  stamp: Int32Array;
  touched: Int32Array;
}

export function scratchFor(size: number): Scratch {
  return {
    score: new Float64Array(size),
    flags: new Uint8Array(size),
    mustHits: new Uint16Array(size),
    stamp: new Int32Array(size).fill(-1),
    touched: new Int32Array(size),
  };
}

const SEEN = 1;
const EXCLUDED = 2;

export function fieldsOf(clause: TermClause): number[] {
  return clause.field ? [FIELDS.indexOf(clause.field)] : FIELDS.map((_, i) => i);
}

/**
 * Adds one segment's hits for the clauses to `out`: lunr's BM25 summed over clauses, terms
 * and fields; `must` clauses all present, no `mustNot` one. Clauses of only `mustNot` keep
 * every live document without them, at score 0.
 */
export function scoreSegment(
  entry: ScoredSegment,
  clauses: readonly TermClause[],
  weighted: readonly WeightedTerms[],
  out: Found,
  { filter, within }: MatchOptions = {},
): void {
  const { norms, dead, docs } = entry;
  const { score, flags, mustHits, stamp, touched } = entry.scratch;
  let touchedCount = 0;
  let mustCount = 0;
  let positive = false;
  clauses.forEach((clause, ci) => {
    if (clause.presence === 'must') mustCount += 1;
    if (clause.presence !== 'mustNot') positive = true;
    for (const [term, weightIdf] of weighted[ci] ?? []) {
      const found = entry.postingsOf(term);
      if (!found) continue;
      const [postings, t] = found;
      for (const f of fieldsOf(clause)) {
        const posting = postings[f];
        const norm = norms[f];
        if (!posting || !norm) continue;
        const list = posting.data;
        const end = posting.starts[t + 1] as number;
        const boost = weightIdf * FIELD_BOOST[FIELDS[f] as IndexField] * (K1 + 1);
        for (let i = posting.starts[t] as number; i < end; i += 2) {
          const ref = list[i] as number;
          if (within !== undefined && within[docs[ref] as number] !== 1) continue;
          const flag = flags[ref] as number;
          if (flag === 0) touched[touchedCount++] = ref;
          if (clause.presence === 'mustNot') {
            flags[ref] = flag | EXCLUDED;
            continue;
          }
          flags[ref] = flag | SEEN;
          const tf = list[i + 1] as number;
          score[ref] = (score[ref] as number) + (boost * tf) / ((norm[ref] as number) + tf);
          if (clause.presence === 'must' && stamp[ref] !== ci) {
            stamp[ref] = ci;
            mustHits[ref] = (mustHits[ref] as number) + 1;
          }
        }
      }
    }
  });
  if (positive) {
    for (let k = 0; k < touchedCount; k += 1) {
      const ref = touched[k] as number;
      if ((flags[ref] as number) !== SEEN || dead[ref] === 1) continue;
      if (mustCount > 0 && (mustHits[ref] as number) < mustCount) continue;
      const doc = docs[ref] as number;
      if (!filter || filter(doc)) out.push(doc, score[ref] as number);
    }
  } else {
    for (let ref = 0; ref < docs.length; ref += 1) {
      if ((flags[ref] as number) !== 0 || dead[ref] === 1) continue;
      const doc = docs[ref] as number;
      if (within !== undefined && within[doc] !== 1) continue;
      if (!filter || filter(doc)) out.push(doc, 0);
    }
  }
  for (let k = 0; k < touchedCount; k += 1) {
    const ref = touched[k] as number;
    score[ref] = 0;
    flags[ref] = 0;
    mustHits[ref] = 0;
    stamp[ref] = -1;
  }
}

/** Every match of one query across segments, in segment and document order. */
export class Found implements Matches {
  docs = new Int32Array(256);
  scores = new Float64Array(256);
  count = 0;

  push(doc: number, score: number) {
    if (this.count === this.docs.length) {
      const docs = new Int32Array(this.count * 2);
      docs.set(this.docs);
      const scores = new Float64Array(this.count * 2);
      scores.set(this.scores);
      this.docs = docs;
      this.scores = scores;
    }
    this.docs[this.count] = doc;
    this.scores[this.count] = score;
    this.count += 1;
  }

  /** The matches as exactly sized arrays. */
  matches(): Matches {
    return {
      docs: this.docs.subarray(0, this.count),
      scores: this.scores.subarray(0, this.count),
      count: this.count,
    };
  }

  /** Indexes of the best matches, best first; ties keep segment and document order. */
  best(limit = Infinity): number[] {
    const { scores } = this;
    return bestIndexes(
      this.count,
      limit,
      (a, b) =>
        (scores[a] as number) > (scores[b] as number) ||
        ((scores[a] as number) === (scores[b] as number) && a < b),
    );
  }
}
