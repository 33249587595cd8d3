import { analysisLanguage, termOf } from './languages';
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
import {
  Found,
  fieldsOf,
  scoreSegment,
  scratchFor,
  type ScoredSegment,
  type Scratch,
  type WeightedTerms,
} from './scoring';
import { fieldTotals, idf, lengthNorms, liveDocumentFrequency } from './statistics';
import { FIELDS, FIELD_KEY, buildSegment, type Postings, type Segment } from './segment';
import { askedUnits } from './grams';
import { gramPostings, gramTerm, gramTermText, gramWord } from './gram-terms';
import type {
  EngineHit,
  IndexableDoc,
  IndexField,
  MatchOptions,
  Matches,
  SearchEngine,
  SearchOptions,
  TermClause,
} from './types';

interface Live {
  key: string;
  segment: Segment;
  /** Each local document's library-wide number. */
  docs: Int32Array;
  /** 1 for local documents removed or replaced since the segment was built. */
  dead: Uint8Array;
  /** The same documents by local number, as saved. */
  deleted: Set<number>;
  /** Per field, the summed lengths of the segment's live documents. */
  liveLengths: Float64Array;
  /** Scoring's view, made on first use and dropped when the statistics change. */
  scored?: ScoredSegment;
  scratch?: Scratch;
  /** Words' places decoded for phrases, kept while the decoded total stays small. */
  decoded?: Map<string, WordPlaces>;
  /**
   * Per analysis language, index term → the words as written that give it: one word as a
   * string, as most terms have one, so a vocabulary of 100,000 words is not 100,000 arrays.
   */
  forms?: Map<string, Map<string, string | string[]>>;
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
  /**
   * Makes, ahead of the first query that needs it, one more segment's map from index terms
   * to the words its documents write (what highlighting looks up: building them all costs the
   * first highlighted query after loading a quarter of a second at 6,000 documents, more at
   * 50,000). Answers false once every segment has its map. Call it in idle moments.
   */
  prepareForms(): boolean;
}

type Expansion = Map<string, number>;

export function createEngine(options: EngineOptions = {}): Engine {
  const segmentSize = options.segmentSize ?? 5000;
  const live: Live[] = [];
  // Documents are numbered once per id, library-wide, so the query layer can keep what it
  // needs of each (dates, facets) in arrays instead of maps by id.
  const numbers = new Map<string, number>();
  const ids: string[] = [];
  /** By number: the segment holding the document's live version, and its place there. */
  const home: (Live | undefined)[] = [];
  const homeRef: number[] = [];
  let liveCount = 0;
  let idfCache = new Map<string, number>();
  let vocabCache: Map<string, Vocabulary> | null = null;
  let averages: number[] = FIELDS.map(() => 1);

  function numberOf(id: string): number {
    let n = numbers.get(id);
    if (n === undefined) {
      n = ids.push(id) - 1;
      numbers.set(id, n);
    }
    return n;
  }

  /** After documents come or go: the statistics BM25 reads, over live documents only. */
  function changed() {
    idfCache = new Map();
    recent = new Map();
    vocabCache = null;
    averages = FIELDS.map((_, f) => {
      let total = 0;
      for (const l of live) total += l.liveLengths[f] as number;
      return liveCount === 0 ? 1 : Math.max(total / liveCount, 1e-9);
    });
    for (const l of live) delete l.scored;
  }

  function scoredOf(entry: Live): ScoredSegment {
    entry.scored ??= {
      segment: entry.segment,
      docs: entry.docs,
      dead: entry.dead,
      norms: lengthNorms(entry.segment, averages),
      scratch: (entry.scratch ??= scratchFor(entry.docs.length)),
      postingsOf: (term) => postingsOf(entry, term),
    };
    return entry.scored;
  }

  /** Takes a document out of its segment's live ones. */
  function kill(entry: Live, ref: number) {
    if (entry.dead[ref] === 1) return;
    entry.dead[ref] = 1;
    entry.deleted.add(ref);
    entry.segment.lengths.forEach((lengths, f) => {
      entry.liveLengths[f] = (entry.liveLengths[f] as number) - (lengths[ref] ?? 0);
    });
    const n = entry.docs[ref] as number;
    if (home[n] === entry && homeRef[n] === ref) {
      home[n] = undefined;
      liveCount -= 1;
    }
  }

  function forget(n: number) {
    const at = home[n];
    if (at) kill(at, homeRef[n] as number);
  }

  let nextKey = 0;
  /**
   * Takes in a segment: its documents replace any live ones of the same ids, except those
   * `removed` since it was built (as saved), so segments load in any order.
   */
  function attach(
    segment: Segment,
    key = `s${Date.now().toString(36)}-${nextKey++}`,
    removed: ReadonlySet<number> = new Set(),
  ) {
    const size = segment.ids.length;
    const entry: Live = {
      key,
      segment,
      docs: new Int32Array(size),
      dead: new Uint8Array(size),
      deleted: new Set(),
      liveLengths: fieldTotals(segment),
    };
    segment.ids.forEach((id, ref) => {
      const n = numberOf(id);
      entry.docs[ref] = n;
      if (removed.has(ref)) {
        kill(entry, ref);
        return;
      }
      forget(n);
      home[n] = entry;
      homeRef[n] = ref;
      liveCount += 1;
    });
    live.push(entry);
    return entry;
  }

  function globalIdf(term: string): number {
    const cached = idfCache.get(term);
    if (cached !== undefined) return cached;
    let df = 0;
    for (const entry of live) {
      const found = postingsOf(entry, term);
      if (found) df += liveDocumentFrequency(found[0], found[1], entry.dead, entry.deleted.size);
    }
    const value = idf(df, liveCount);
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

  /**
   * Each clause's terms weighted by their library-wide idf. The expansions are kept for a
   * `terms` call on the same clauses (highlighting), which follows a search.
   */
  function weigh(clauses: readonly TermClause[]): WeightedTerms[] {
    recent = new Map();
    return clauses.map((clause) => {
      const expansion = expand(clause);
      recent.set(clauseKey(clause), expansion);
      return [...expansion].map(([term, weight]) => [term, weight * globalIdf(term)] as const);
    });
  }

  function find(clauses: readonly TermClause[], options?: MatchOptions): Found {
    const found = new Found();
    if (clauses.length === 0) return found;
    const weighted = weigh(clauses);
    for (const entry of live) {
      scoreSegment(scoredOf(entry), clauses, weighted, found, options);
    }
    return found;
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

  function phrase(text: string): Uint8Array {
    const out = new Uint8Array(ids.length);
    const gram = gramTerm(text);
    if (gram) {
      // Text of Thai, Lao, Khmer or Burmese alone is asked as a word is, in the bodies.
      const body = FIELDS.indexOf('body');
      for (const entry of live) {
        const posting = postingsOf(entry, gram)?.[0][body];
        for (let i = 0; posting && i < posting.data.length; i += 2) {
          const ref = posting.data[i] as number;
          if (entry.dead[ref] !== 1) out[entry.docs[ref] as number] = 1;
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
          if (entry.dead[ref] !== 1) out[entry.docs[ref] as number] = 1;
        }
      }
    }
    return out;
  }

  function formsOf(entry: Live, lang: string): Map<string, string | string[]> {
    entry.forms ??= new Map();
    let byTerm = entry.forms.get(lang);
    if (!byTerm) {
      byTerm = new Map();
      for (const word of entry.segment.vocab.get(lang) ?? []) {
        const term = termOf(word, lang);
        if (term === null) continue;
        const known = byTerm.get(term);
        if (known === undefined) byTerm.set(term, word);
        else if (typeof known === 'string') byTerm.set(term, [known, word]);
        else known.push(word);
      }
      entry.forms.set(lang, byTerm);
    }
    return byTerm;
  }

  /** One more segment and language's forms made ahead of use; false once all are made. */
  function prepareForms(): boolean {
    for (const entry of live) {
      for (const lang of entry.segment.vocab.keys()) {
        if (entry.forms?.has(lang)) continue;
        formsOf(entry, lang);
        return true;
      }
    }
    return false;
  }

  function forms(terms: ReadonlySet<string>): string[] {
    const out = new Set<string>();
    for (const entry of live) {
      for (const lang of entry.segment.vocab.keys()) {
        const byTerm = formsOf(entry, lang);
        for (const term of terms) {
          const found = byTerm.get(term);
          if (typeof found === 'string') out.add(found);
          else if (found) for (const word of found) out.add(word);
        }
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
      const entry = attach(segment, saved?.key, new Set(saved?.deleted ?? []));
      changed();
      return entry.key;
    },
    dropSegments(keys) {
      for (const key of keys) {
        const i = live.findIndex((l) => l.key === key);
        if (i < 0) continue;
        const [entry] = live.splice(i, 1);
        if (!entry) continue;
        entry.docs.forEach((n, ref) => {
          if (home[n] === entry && homeRef[n] === ref) {
            home[n] = undefined;
            liveCount -= 1;
          }
        });
      }
      changed();
    },
    remove(removed: readonly string[]) {
      for (const id of removed) {
        const n = numbers.get(id);
        if (n !== undefined) forget(n);
      }
      if (removed.length > 0) changed();
    },
    search(clauses: readonly TermClause[], options?: SearchOptions): EngineHit[] {
      const found = find(clauses, options);
      return found.best(options?.limit).map((i) => {
        const doc = found.docs[i] as number;
        return { id: ids[doc] as string, doc, score: found.scores[i] as number };
      });
    },
    matches(clauses: readonly TermClause[], options?: MatchOptions): Matches {
      return find(clauses, options).matches();
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
    prepareForms,
    numberOf,
    idOf: (doc) => ids[doc],
    size: () => liveCount,
    segments: () => live,
    languages,
  };
}
