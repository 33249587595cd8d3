import type { DocumentRecord, Page } from '@core/model';
import type { Analyse } from '@core/search/engine/types';
import type { FacetFilters, Facets } from '@core/search/query/facets';
import type { QueryError } from '@core/search/query/parse';
import { exactWords } from '@core/search/query/exact-words';
import { libraryFacts, tagBits, type LibraryFacts } from '@core/search/query/library-facts';
import { runQuery, type QueryEngine, type QueryHit } from '@core/search/query/run';
import { annotationsRepo } from '../../db/annotations-repo';
import { documentsRepo } from '../../db/documents-repo';
import type { DossierDb } from '../../db/schema';

export interface ResultItem extends QueryHit {
  doc: DocumentRecord;
}

export type SearchAnswer =
  | { ok: true; items: ResultItem[]; total: number; tookMs: number; facets: Facets }
  | { ok: false; message: string; error: QueryError };

export interface QueryRequest {
  query: string;
  filters?: FacetFilters;
  limit?: number;
  /** Results already shown, for the next page. */
  offset?: number;
  /** Results on screen, when the same query is asked again: at least as many come back. */
  shown?: number;
}

/** Results per page: each shown result is read and highlighted, the rest only counted. */
export const PAGE_SIZE = 20;

type Engine = QueryEngine & { numberOf(id: string): number };

/**
 * Answers queries inside the index worker: the query runner over the engine, with the
 * library's details and its annotations' tags kept in memory between queries, in arrays by
 * the engine's document numbers (filters and facets read every result's), and texts read
 * from IndexedDB for the results shown.
 */
export function createQueryAnswerer(database?: DossierDb) {
  let library: Promise<LibraryFacts<DocumentRecord>> | null = null;
  let tags: Promise<Uint8Array> | null = null;
  const docs = () => documentsRepo(database);

  return {
    /** Forgets the cached details; call after imports and edits. */
    invalidate() {
      library = null;
    },
    /** Forgets the cached tags; call after any annotation was added, changed or removed. */
    annotationsChanged() {
      tags = null;
    },
    async answer(engine: Engine, analyse: Analyse, request: QueryRequest): Promise<SearchAnswer> {
      const numberOf = (id: string) => engine.numberOf(id);
      library ??= docs()
        .list()
        .then((list) => libraryFacts(list, numberOf));
      tags ??= annotationsRepo(database)
        .tagsByDocument()
        .then((list) => tagBits(list, numberOf));
      const facts = await library;
      const known = tags;
      const contents = new Map<string, Promise<{ text: string; pages?: Page[] } | undefined>>();
      const answer = await runQuery(
        request.query,
        {
          engine,
          analyse,
          words: exactWords,
          library: async () => facts,
          tags: () => known,
          content: (id) => {
            let found = contents.get(id);
            if (!found) {
              found = docs().content(id);
              contents.set(id, found);
            }
            return found;
          },
        },
        {
          filters: request.filters,
          limit: request.limit ?? Math.max(PAGE_SIZE, request.shown ?? 0),
          offset: request.offset ?? 0,
        },
      );
      if (!answer.ok) return { ok: false, message: answer.message, error: answer.error };
      const items = answer.hits.flatMap((hit) => {
        const doc = facts.docs[hit.docNumber];
        return doc ? [{ ...hit, doc }] : [];
      });
      return { ok: true, items, total: answer.total, tookMs: answer.tookMs, facets: answer.facets };
    },
  };
}
