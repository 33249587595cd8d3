/**
 * The contract between the search engine (indexing, segments, language analysis) and
 * everything above it (query language, phrases, date ranges, facets, snippets, UI).
 *
 * The engine knows terms and fields; it does not parse what the analyst typed. The query
 * layer turns the typed query into clauses, asks the engine for candidates, then checks
 * phrases and filters against the documents' text and metadata.
 */

export type IndexField = 'title' | 'source' | 'author' | 'body';
export const INDEX_FIELDS_ALL: readonly IndexField[] = ['title', 'source', 'author', 'body'];

/** What the engine indexes of one document. `body` is the document's normalised text. */
export interface IndexableDoc {
  id: string;
  title: string;
  source: string;
  author: string;
  body: string;
  /** ISO 639-1 code ('en', 'fr', 'km', …) or null when unknown (analysed as English). */
  language: string | null;
}

/** One word of a typed query, as the engine should look it up. */
export interface TermClause {
  /** The word as typed (not yet analysed). */
  term: string;
  /** Restrict to one field; absent = every field. */
  field?: IndexField;
  presence: 'should' | 'must' | 'mustNot';
  /** `traff*` is 'trailing'. */
  wildcard?: 'leading' | 'trailing' | 'both';
  /** Edit distance for `word~1`; fuzzy terms are matched before stemming, not after. */
  fuzzy?: number;
}

export interface EngineHit {
  id: string;
  /** The document's number (see SearchEngine.numberOf). */
  doc: number;
  score: number;
}

/**
 * Every hit of a query in no particular order, as parallel arrays: document numbers and
 * scores. A big result costs two typed arrays, not an object per hit.
 */
export interface Matches {
  docs: Int32Array;
  scores: Float64Array;
  count: number;
}

/** A token of analysed text: [start, end) in the original string, and its index term. */
export interface AnalysedToken {
  start: number;
  end: number;
  term: string;
  /** The word's place for phrases (positions.ts), where the splitter keeps every word. */
  place?: number;
}

export interface MatchOptions {
  /** Keeps only documents it accepts (a date range, say), by number. */
  filter?: (doc: number) => boolean;
  /**
   * Scores only the documents marked 1 here, by number (a phrase's): cheaper than a filter,
   * as the others are passed over before any scoring.
   */
  within?: Uint8Array;
}

export interface SearchOptions extends MatchOptions {
  /** Only the best `limit` hits (chosen without sorting every match). */
  limit?: number;
}

export interface SearchEngine {
  /** Adds or replaces documents (a replaced id is searchable under its new text only). */
  add(docs: readonly IndexableDoc[]): void;
  remove(ids: readonly string[]): void;
  /**
   * Documents whose body holds the phrase's words in a row, as written: lowercased, common
   * words included, not stemmed, and not running on across a sentence end. A byte per
   * document number, 1 where the phrase stands (numbers past its end: not there).
   */
  phrase(text: string): Uint8Array;
  /** Ranked candidates for the clauses, best first; scores are comparable library-wide. */
  search(clauses: readonly TermClause[], options?: SearchOptions): EngineHit[];
  /** Every candidate for the clauses with its score, unranked, for callers that rank. */
  matches(clauses: readonly TermClause[], options?: MatchOptions): Matches;
  /**
   * The document's number: library-wide, the same for the id for as long as the engine
   * lives (through replacements, merges and removals), also for ids not indexed (yet). The
   * query layer keeps dates and facets in arrays by these numbers.
   */
  numberOf(id: string): number;
  /** The id a number stands for. */
  idOf(doc: number): string | undefined;
  /**
   * The index terms each field can match for the clauses (their words analysed, wildcards and
   * fuzzy words expanded): a document's words with these terms are what a hit highlights.
   */
  terms(clauses: readonly TermClause[]): Map<IndexField, Set<string>>;
  /**
   * The library's words as written (lowercased, as `words` gives them) that index as one of
   * `terms`, so highlights can be found by searching a text for them instead of analysing it.
   */
  forms(terms: ReadonlySet<string>): string[];
  /** How many documents are searchable. */
  size(): number;
}

/**
 * Splits and analyses text the way the engine indexes it for `language` (stemming, stop
 * words, Intl.Segmenter for scripts without spaces), keeping offsets, so the query layer can
 * find where matched terms and phrases sit in a document's text.
 */
export type Analyse = (text: string, language: string | null) => AnalysedToken[];
