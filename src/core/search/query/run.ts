import type { Page } from '../../model';
import type { Analyse, AnalysedToken } from '../engine/types';
import { bestIndexes } from '../engine/best';
import { facetResults, NO_FILTERS, type DocFacts, type FacetFilters, type Facets } from './facets';
import type { LibraryFacts } from './library-facts';
import { describeHit, markerOf, type QueryHit } from './marks';
import { matchDocuments, type MatchContext, type QueryEngine } from './match';
import {
  dateTest,
  describeQueryError,
  parseQuery,
  type PhrasePart,
  type QueryError,
} from './parse';

export type { QueryEngine } from './match';
export type { QueryHit } from './marks';

/** Where the runner reads the library; injected so it runs in a worker, a test or a CLI. */
export interface QuerySources<D extends DocFacts = DocFacts> {
  engine: QueryEngine;
  analyse: Analyse;
  /**
   * The text's words as written (lowercased, neither stemmed nor dropped as too common), for
   * exact phrases: "my experience" must not match "experiences" alone. Defaults to `analyse`.
   */
  words?: Analyse;
  /**
   * Every searchable document by the engine's numbers (libraryFacts), for dates, facets,
   * phrases in titles and queries of only filters.
   */
  library(): Promise<LibraryFacts<D>>;
  content(id: string): Promise<{ text: string; pages?: Page[] } | undefined>;
  /** By the engine's numbers, the tags of each document's annotations (tagBits). */
  tags(): Promise<Uint8Array>;
  now?: () => number;
}

export interface RunOptions {
  filters?: FacetFilters;
  /** How many results to return with snippets; `total` counts them all. */
  limit?: number;
  /** How many of the best results to skip (the pages already shown). */
  offset?: number;
  maxSnippets?: number;
}

export type QueryAnswer =
  | { ok: true; hits: QueryHit[]; total: number; tookMs: number; facets: Facets }
  | { ok: false; error: QueryError; message: string };

/**
 * Runs what the analyst typed: parses it, asks the engine for candidates by document number,
 * joins phrases and exclusions, checks dates and facets in the library's arrays, ranks what
 * is left and reads and highlights only the `limit` results shown. A bad query is an answer,
 * not an exception.
 */
export async function runQuery<D extends DocFacts>(
  input: string,
  sources: QuerySources<D>,
  options: RunOptions = {},
): Promise<QueryAnswer> {
  const now = sources.now ?? (() => performance.now());
  const started = now();
  const parsed = parseQuery(input);
  if (!parsed.ok) {
    return { ok: false, error: parsed.error, message: describeQueryError(parsed.error) };
  }
  const query = parsed.query;
  const empty = checkPhrasesHaveWords(query.phrases, sources.analyse);
  if (empty) return { ok: false, error: empty, message: describeQueryError(empty) };

  const [library, tags] = await Promise.all([sources.library(), sources.tags()]);
  const ctx: MatchContext = {
    engine: sources.engine,
    analyse: sources.analyse,
    words: sources.words ?? sources.analyse,
    library,
    content: (id) => sources.content(id),
    tokenCache: new Map<string, AnalysedToken[]>(),
  };
  const matched = await matchDocuments(query, ctx);
  const { hits } = matched;
  const { kept, facets } = facetResults(
    hits,
    library,
    tags,
    options.filters ?? NO_FILTERS,
    dateTest(query.dates),
  );
  const offset = Math.max(0, options.offset ?? 0);
  const { docs, dates } = library;
  // Best score first, then the earlier date (undated last), then the title.
  const dateKey = (doc: number) => (dates[doc] as number) || Number.MAX_SAFE_INTEGER;
  const best = bestIndexes(kept.length, offset + (options.limit ?? 50), (a, b) => {
    const ha = kept[a] as number;
    const hb = kept[b] as number;
    const x = hits.scores[ha] as number;
    const y = hits.scores[hb] as number;
    if (x !== y) return x > y;
    const da = dateKey(hits.docs[ha] as number);
    const db = dateKey(hits.docs[hb] as number);
    if (da !== db) return da < db;
    const ta = docs[hits.docs[ha] as number]?.title ?? '';
    const tb = docs[hits.docs[hb] as number]?.title ?? '';
    const order = ta === tb ? 0 : ta.localeCompare(tb);
    return order !== 0 ? order < 0 : a < b;
  });
  // Side by side: the texts they need are asked for at once, so while an import writes to
  // the library the reads wait behind its current write once, not once per result.
  const marker = markerOf(matched);
  const maxSnippets = options.maxSnippets ?? 3;
  const shown: QueryHit[] = await Promise.all(
    best.slice(offset).map((i) => {
      const k = kept[i] as number;
      return describeHit(
        hits.docs[k] as number,
        hits.scores[k] as number,
        marker,
        ctx,
        maxSnippets,
      );
    }),
  );
  return { ok: true, hits: shown, total: kept.length, tookMs: now() - started, facets };
}

function checkPhrasesHaveWords(
  phrases: readonly PhrasePart[],
  analyse: Analyse,
): QueryError | null {
  for (const phrase of phrases) {
    if (analyse(phrase.text, null).length === 0) {
      return {
        position: phrase.at,
        message: `"${phrase.text}" holds only words too common to be indexed`,
      };
    }
  }
  return null;
}
