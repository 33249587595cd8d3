import { analysisLanguage, termOf } from './languages';
import { bestIndexes } from './best';
import {
  decodePlaces,
  phraseRefs,
  placesFromText,
  placesOf,
  withSentenceMarks,
  type WordPlaces,
} from './positions';
import { normaliseWord, units, words } from './analyse';
import { Vocabulary, mergeSorted } from './expand';
import { askedUnits } from './grams';
import { gramPostings, gramTerm, gramTermText, gramWord } from './gram-terms';
import {
  B,
  FIELDS,
  FIELD_BOOST,
  FIELD_KEY,
  K1,
  buildSegment,
  type Postings,
  type Segment,
} from './segment';
import type {
  EngineHit,
  IndexableDoc,
  IndexField,
  SearchEngine,
  SearchOptions,
  TermClause,
} from './types';

interface Live {
  key: string;
  segment: Segment;
  deleted: Set<number>;
  /** Per field, K1 * (1 - B + B * length / average length) for each document, cached. */
  norms?: Float64Array[];
  scratch?: { score: Float64Array; flags: Uint8Array; mustHits: Uint16Array; stamp: Int32Array };
  /** Words' places decoded for phrases, kept while the decoded total stays small. */
  decoded?: Map<string, WordPlaces>;
  /** Per analysis language, index term → the words as written that give it. */
  forms?: Map<string, Map<string, string[]>>;
  /** Postings of words typed in Thai, Lao, Khmer or Burmese (gram-terms.ts), per field. */
  grams?: Map<string, Postings[]>;
}

/** Gram words' postings kept per segment. */
const GRAM_TERMS_KEPT = 256;

/** Decoded places kept between phrase queries, in numbers over all segments. */
const DECODED_BUDGET = 20_000_000;

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
    recent = new Map();
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
    for (const entry of live) {
      const found = postingsOf(entry, term);
      if (!found) continue;
      const [postings, t] = found;
      for (const { starts } of postings) {
        df += ((starts[t + 1] as number) - (starts[t] as number)) / 2;
      }
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
    const gram = clause.wildcard || clause.fuzzy ? null : gramTerm(clause.term);
    if (gram) {
      out.set(gram, 1);
      return out;
    }
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
    out: Found,
    filter: SearchOptions['filter'],
  ) {
    const { segment, deleted } = entry;
    const norms = normsOf(entry);
    const n = segment.ids.length;
    // Scratch kept with the segment and cleared through `touched`, so a query over a big
    // library allocates (and later collects) next to nothing.
    const s = (entry.scratch ??= {
      score: new Float64Array(n),
      flags: new Uint8Array(n),
      mustHits: new Uint16Array(n),
      stamp: new Int32Array(n).fill(-1),
    });
    const { score, flags, mustHits, stamp } = s;
    const touched = out.touched;
    touched.length = 0;
    let mustCount = 0;
    let positive = false;
    clauses.forEach((clause, ci) => {
      if (clause.presence === 'must') mustCount += 1;
      if (clause.presence !== 'mustNot') positive = true;
      for (const [term, weight] of expansions[ci] ?? []) {
        const found = postingsOf(entry, term);
        if (!found) continue;
        const [postings, t] = found;
        const weightIdf = weight * globalIdf(term);
        for (const f of fieldsOf(clause)) {
          const posting = postings[f];
          const norm = norms[f];
          if (!posting || !norm) continue;
          const list = posting.data;
          const end = posting.starts[t + 1] as number;
          const boost = weightIdf * FIELD_BOOST[FIELDS[f] as IndexField] * (K1 + 1);
          for (let i = posting.starts[t] as number; i < end; i += 2) {
            const ref = list[i] as number;
            const flag = flags[ref] as number;
            if (flag === 0) touched.push(ref);
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
    const keep = (ref: number) =>
      !(deleted.size > 0 && deleted.has(ref)) &&
      (mustCount === 0 || (mustHits[ref] as number) >= mustCount) &&
      (!filter || filter(segment.ids[ref] as string));
    if (positive) {
      for (const ref of touched) {
        if ((flags[ref] as number) === SEEN && keep(ref))
          out.push(entry, ref, score[ref] as number);
      }
    } else {
      for (let ref = 0; ref < n; ref += 1) {
        if ((flags[ref] as number) === 0 && keep(ref)) out.push(entry, ref, 0);
      }
    }
    for (const ref of touched) {
      score[ref] = 0;
      flags[ref] = 0;
      mustHits[ref] = 0;
      stamp[ref] = -1;
    }
  }

  let recent = new Map<string, Expansion>();
  const clauseKey = (c: TermClause) =>
    [c.term, c.field ?? '', c.wildcard ?? '', c.fuzzy ?? 0].join('\u0000');

  let decodedSize = 0;
  function placesIn(entry: Live, word: string): WordPlaces | null {
    const cached = entry.decoded?.get(word);
    if (cached) return cached;
    const stored = entry.segment.places.get(word);
    if (stored === undefined) return null;
    const decoded = decodePlaces(typeof stored === 'string' ? placesFromText(stored) : stored);
    if (decodedSize > DECODED_BUDGET) {
      for (const l of live) delete l.decoded;
      decodedSize = 0;
    }
    decodedSize += decoded.places.length + decoded.refs.length;
    (entry.decoded ??= new Map()).set(word, decoded);
    return decoded;
  }

  /** A term's postings in the segment: an index term's, or a gram word's worked out. */
  function postingsOf(entry: Live, term: string): [readonly Postings[], number] | null {
    const t = entry.segment.terms.get(term);
    if (t !== undefined) return [entry.segment.postings, t];
    const typed = gramTermText(term);
    if (typed === null) return null;
    entry.grams ??= new Map();
    let postings = entry.grams.get(term);
    if (!postings) {
      const word = gramWord(typed);
      if (!word) return null;
      postings = gramPostings(word, FIELD_KEY, (key) => placesIn(entry, key), entry.segment.places);
      if (entry.grams.size >= GRAM_TERMS_KEPT) entry.grams.clear();
      entry.grams.set(term, postings);
    }
    return [postings, 0];
  }

  function phrase(text: string): Set<string> {
    const out = new Set<string>();
    const gram = gramTerm(text);
    if (gram) {
      // Text of Thai, Lao, Khmer or Burmese alone is asked as a word is, in the bodies.
      const body = FIELDS.indexOf('body');
      for (const entry of live) {
        const posting = postingsOf(entry, gram)?.[0][body];
        for (let i = 0; posting && i < posting.data.length; i += 2) {
          const ref = posting.data[i] as number;
          if (!entry.deleted.has(ref)) out.add(entry.segment.ids[ref] as string);
        }
      }
      return out;
    }
    const asked = new Set<string>();
    for (const lang of languages()) {
      const found = askedUnits(units(text, lang), (w) => w.word);
      const key = found.map((w) => w.word).join('\u0000');
      if (found.length === 0 || asked.has(key)) continue;
      asked.add(key);
      const marked = withSentenceMarks(
        found.map((w) => w.word),
        placesOf(text, found),
      );
      const offsets = marked.places.map((p) => p - (marked.places[0] as number));
      for (const entry of live) {
        const lists: WordPlaces[] = [];
        for (const word of marked.words) {
          const list = placesIn(entry, word);
          if (!list) break;
          lists.push(list);
        }
        if (lists.length < marked.words.length) continue;
        for (const ref of phraseRefs(lists, offsets)) {
          if (!entry.deleted.has(ref)) out.add(entry.segment.ids[ref] as string);
        }
      }
    }
    return out;
  }

  function formsOf(entry: Live, lang: string): Map<string, string[]> {
    entry.forms ??= new Map();
    let byTerm = entry.forms.get(lang);
    if (!byTerm) {
      byTerm = new Map();
      for (const word of entry.segment.vocab.get(lang) ?? []) {
        const term = termOf(word, lang);
        if (term === null) continue;
        const list = byTerm.get(term);
        if (list) list.push(word);
        else byTerm.set(term, [word]);
      }
      entry.forms.set(lang, byTerm);
    }
    return byTerm;
  }

  function forms(terms: ReadonlySet<string>): string[] {
    const out = new Set<string>();
    for (const entry of live) {
      for (const lang of entry.segment.vocab.keys()) {
        const byTerm = formsOf(entry, lang);
        for (const term of terms) for (const word of byTerm.get(term) ?? []) out.add(word);
      }
    }
    return [...out];
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
    search(clauses: readonly TermClause[], options?: SearchOptions): EngineHit[] {
      if (clauses.length === 0) return [];
      // Kept for a `terms` call on the same clauses (highlighting), which follows a search.
      recent = new Map();
      const expansions = clauses.map((clause) => {
        const expansion = expand(clause);
        recent.set(clauseKey(clause), expansion);
        return expansion;
      });
      const found = new Found();
      for (const segment of live) {
        searchSegment(segment, clauses, expansions, found, options?.filter);
      }
      const chosen = options?.unordered
        ? found.scores.map((_, i) => i)
        : found.best(options?.limit);
      return chosen.map((i) => ({
        id: found.id(i),
        score: found.scores[i] as number,
      }));
    },
    terms(clauses: readonly TermClause[]): Map<IndexField, Set<string>> {
      const out = new Map<IndexField, Set<string>>();
      clauses.forEach((clause) => {
        if (clause.presence === 'mustNot') return;
        const expansion = recent.get(clauseKey(clause)) ?? expand(clause);
        for (const f of fieldsOf(clause)) {
          const field = FIELDS[f] as IndexField;
          const set = out.get(field) ?? new Set<string>();
          for (const term of expansion.keys()) set.add(term);
          out.set(field, set);
        }
      });
      return out;
    },
    phrase,
    forms,
    size: () => where.size,
    segments: () => live,
    languages,
  };
}

const SEEN = 1;
const EXCLUDED = 2;

/** Every match of one query across segments, as parallel arrays (no object per match). */
class Found {
  readonly touched: number[] = [];
  private at: Live[] = [];
  private refs: number[] = [];
  readonly scores: number[] = [];

  push(entry: Live, ref: number, score: number) {
    this.at.push(entry);
    this.refs.push(ref);
    this.scores.push(score);
  }

  id(i: number): string {
    return this.at[i]?.segment.ids[this.refs[i] as number] ?? '';
  }

  /** Indexes of the best matches, best first; ties keep segment and document order. */
  best(limit = Infinity): number[] {
    const { scores } = this;
    return bestIndexes(
      scores.length,
      limit,
      (a, b) =>
        (scores[a] as number) > (scores[b] as number) ||
        ((scores[a] as number) === (scores[b] as number) && a < b),
    );
  }
}
