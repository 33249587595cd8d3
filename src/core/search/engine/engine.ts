import { analysisLanguage, termOf } from './languages';
import { normaliseWord, words } from './analyse';
import { Vocabulary, mergeSorted } from './expand';
import { B, FIELDS, FIELD_BOOST, K1, buildSegment, type Segment } from './segment';
import type { EngineHit, IndexableDoc, IndexField, SearchEngine, TermClause } from './types';

interface Live {
  key: string;
  segment: Segment;
  deleted: Set<number>;
  /** Per field, K1 * (1 - B + B * length / average length) for each document, cached. */
  norms?: Float64Array[];
}

/** Weight of a fuzzy expansion that is not the word typed, as in MiniSearch's default. */
const FUZZY_WEIGHT = 0.5;
/** Beyond this many words a wildcard stops expanding (`a*` over a big library). */
const MAX_EXPANSIONS = 2000;

export interface EngineOptions {
  /** Documents per segment when `add` builds segments itself. */
  segmentSize?: number;
}

export interface Engine extends SearchEngine {
  /**
   * Adds a segment built elsewhere (a worker) or loaded; its ids replace any existing ones.
   * `deleted` are its documents removed since it was built, as saved.
   */
  addSegment(segment: Segment, saved?: { key?: string; deleted?: Iterable<number> }): string;
  /** Drops whole segments (after their documents went into a merged one). */
  dropSegments(keys: readonly string[]): void;
  /** The live segments, for saving. */
  segments(): readonly { key: string; segment: Segment; deleted: ReadonlySet<number> }[];
  /** Analysis languages present in the library. */
  languages(): string[];
}

type Expansion = Map<string, number>;

/** lunr's idf (documents with the term counted once per field, as lunr.idf does). */
function idf(documentsWithTerm: number, documentCount: number): number {
  const x = (documentCount - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5);
  return Math.log(1 + Math.abs(x));
}

export function createEngine(options: EngineOptions = {}): Engine {
  const segmentSize = options.segmentSize ?? 5000;
  const live: Live[] = [];
  const where = new Map<string, { at: Live; ref: number }>();
  let idfCache = new Map<string, number>();
  let vocabCache: Map<string, Vocabulary> | null = null;
  let documentCount = 0;
  let averages: number[] = FIELDS.map(() => 1);

  function changed() {
    idfCache = new Map();
    vocabCache = null;
    documentCount = live.reduce((n, l) => n + l.segment.ids.length, 0);
    averages = FIELDS.map((_, f) => {
      let total = 0;
      for (const { segment } of live) for (const len of segment.lengths[f] ?? []) total += len;
      return documentCount === 0 ? 1 : Math.max(total / documentCount, 1e-9);
    });
    for (const l of live) delete l.norms;
  }

  function normsOf(entry: Live): Float64Array[] {
    entry.norms ??= FIELDS.map((_, f) =>
      Float64Array.from(
        entry.segment.lengths[f] ?? [],
        (len) => K1 * (1 - B + (B * len) / (averages[f] ?? 1)),
      ),
    );
    return entry.norms;
  }

  function forget(id: string) {
    const old = where.get(id);
    if (!old) return;
    old.at.deleted.add(old.ref);
    where.delete(id);
  }

  let nextKey = 0;
  function attach(segment: Segment, key = `s${Date.now().toString(36)}-${nextKey++}`) {
    for (const id of segment.ids) forget(id);
    const entry: Live = { key, segment, deleted: new Set() };
    segment.ids.forEach((id, ref) => where.set(id, { at: entry, ref }));
    live.push(entry);
    return entry;
  }

  function globalIdf(term: string): number {
    const cached = idfCache.get(term);
    if (cached !== undefined) return cached;
    let df = 0;
    for (const { segment } of live) {
      const posting = segment.postings.get(term);
      if (posting) for (const list of posting) if (list) df += list.length / 2;
    }
    const value = idf(df, documentCount);
    idfCache.set(term, value);
    return value;
  }

  function vocabularies(): Map<string, Vocabulary> {
    if (vocabCache) return vocabCache;
    const lists = new Map<string, string[][]>();
    for (const { segment } of live) {
      for (const [lang, list] of segment.vocab) {
        const all = lists.get(lang) ?? [];
        all.push(list);
        lists.set(lang, all);
      }
    }
    vocabCache = new Map([...lists].map(([lang, l]) => [lang, new Vocabulary(mergeSorted(l))]));
    return vocabCache;
  }

  function languages(): string[] {
    const langs = new Set<string>();
    for (const { segment } of live) for (const lang of segment.vocab.keys()) langs.add(lang);
    if (langs.size === 0) langs.add('en');
    return [...langs];
  }

  function expand(clause: TermClause): Expansion {
    const out: Expansion = new Map();
    const put = (term: string | null, weight: number) => {
      if (term !== null && (out.get(term) ?? 0) < weight) out.set(term, weight);
    };
    if (clause.wildcard || clause.fuzzy) {
      const word = normaliseWord(clause.term);
      for (const [lang, vocab] of vocabularies()) {
        const found = clause.fuzzy
          ? vocab.fuzzy(word.replace(/\*/g, ''), clause.fuzzy)
          : vocab.wildcard(word);
        for (const w of found.slice(0, MAX_EXPANSIONS)) {
          put(termOf(w, lang), clause.fuzzy && w !== word ? FUZZY_WEIGHT : 1);
        }
      }
      return out;
    }
    for (const lang of languages()) {
      for (const w of words(clause.term, lang)) put(termOf(w.word, analysisLanguage(lang)), 1);
    }
    return out;
  }

  function fieldsOf(clause: TermClause): number[] {
    return clause.field ? [FIELDS.indexOf(clause.field)] : FIELDS.map((_, i) => i);
  }

  function searchSegment(
    entry: Live,
    clauses: readonly TermClause[],
    expansions: readonly Expansion[],
    out: Found[],
  ) {
    const { segment, deleted } = entry;
    const norms = normsOf(entry);
    const n = segment.ids.length;
    const score = new Float64Array(n);
    const seen = new Uint8Array(n);
    const excluded = new Uint8Array(n);
    const mustHits = new Uint16Array(n);
    const stamp = new Int32Array(n).fill(-1);
    const touched: number[] = [];
    // What matched each document, noted while scoring (a linked list per document), so the
    // hits' matched terms need no second pass over the postings.
    const head = new Int32Array(n).fill(-1);
    const matches: Matches = { next: [], pair: [], terms: [], ids: new Map() };
    let mustCount = 0;
    let positive = false;
    clauses.forEach((clause, ci) => {
      if (clause.presence === 'must') mustCount += 1;
      if (clause.presence !== 'mustNot') positive = true;
      for (const [term, weight] of expansions[ci] ?? []) {
        const posting = segment.postings.get(term);
        if (!posting) continue;
        let termId = matches.ids.get(term);
        if (termId === undefined) {
          termId = matches.terms.push(term) - 1;
          matches.ids.set(term, termId);
        }
        const weightIdf = weight * globalIdf(term);
        for (const f of fieldsOf(clause)) {
          const list = posting[f];
          const norm = norms[f];
          if (!list || !norm) continue;
          const boost = weightIdf * FIELD_BOOST[FIELDS[f] as IndexField] * (K1 + 1);
          for (let i = 0; i < list.length; i += 2) {
            const ref = list[i] as number;
            if (clause.presence === 'mustNot') {
              excluded[ref] = 1;
              continue;
            }
            if (!seen[ref]) {
              seen[ref] = 1;
              touched.push(ref);
            }
            matches.next.push(head[ref] as number);
            matches.pair.push(termId * FIELDS.length + f);
            head[ref] = matches.pair.length - 1;
            const tf = list[i + 1] as number;
            score[ref] = (score[ref] ?? 0) + (boost * tf) / ((norm[ref] as number) + tf);
            if (clause.presence === 'must' && stamp[ref] !== ci) {
              stamp[ref] = ci;
              mustHits[ref] = (mustHits[ref] ?? 0) + 1;
            }
          }
        }
      }
    });
    const candidates = positive ? touched : segment.ids.map((_, i) => i);
    for (const ref of candidates) {
      if (excluded[ref] || deleted.has(ref)) continue;
      if (mustCount > 0 && (mustHits[ref] ?? 0) < mustCount) continue;
      out.push({ at: entry, ref, score: score[ref] ?? 0, matches, first: head[ref] as number });
    }
  }

  return {
    add(docs: readonly IndexableDoc[]) {
      for (let i = 0; i < docs.length; i += segmentSize) {
        attach(buildSegment(docs.slice(i, i + segmentSize)));
      }
      changed();
    },
    addSegment(segment, saved) {
      const entry = attach(segment, saved?.key);
      for (const ref of saved?.deleted ?? []) {
        entry.deleted.add(ref);
        const id = segment.ids[ref];
        if (id !== undefined && where.get(id)?.at === entry) where.delete(id);
      }
      changed();
      return entry.key;
    },
    dropSegments(keys) {
      for (const key of keys) {
        const i = live.findIndex((l) => l.key === key);
        if (i < 0) continue;
        const [entry] = live.splice(i, 1);
        entry?.segment.ids.forEach((id) => {
          if (where.get(id)?.at === entry) where.delete(id);
        });
      }
      changed();
    },
    remove(ids: readonly string[]) {
      for (const id of ids) forget(id);
    },
    search(clauses: readonly TermClause[], options?: { limit?: number }): EngineHit[] {
      if (clauses.length === 0) return [];
      const expansions = clauses.map(expand);
      const found: Found[] = [];
      for (const segment of live) searchSegment(segment, clauses, expansions, found);
      found.sort((a, b) => b.score - a.score);
      const top = found.slice(0, options?.limit ?? found.length);
      return top.map(({ at, ref, score, matches, first }) => ({
        id: at.segment.ids[ref] ?? '',
        score,
        matched: matchedOf(matches, first),
      }));
    },
    size: () => where.size,
    segments: () => live,
    languages,
  };
}

/** Whether an interleaved [ref, score, …] list, ascending by ref, holds `ref`. */
/** Terms and fields that matched while scoring one segment, as linked lists per document. */
interface Matches {
  next: number[];
  /** termId * FIELDS.length + field index. */
  pair: number[];
  terms: string[];
  ids: Map<string, number>;
}

interface Found {
  at: Live;
  ref: number;
  score: number;
  matches: Matches;
  /** Head of this document's list in `matches`, or -1. */
  first: number;
}

function matchedOf(matches: Matches, first: number): EngineHit['matched'] {
  const seen = new Set<number>();
  const matched: EngineHit['matched'] = [];
  for (let at = first; at >= 0; at = matches.next[at] ?? -1) {
    const pair = matches.pair[at] as number;
    if (seen.has(pair)) continue;
    seen.add(pair);
    const term = matches.terms[Math.floor(pair / FIELDS.length)] ?? '';
    matched.push({ field: FIELDS[pair % FIELDS.length] as IndexField, term });
  }
  return matched.reverse();
}
