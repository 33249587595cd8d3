import type { DocumentRecord, Page, Tag } from '@core/model';
import type { Analyse, SearchEngine } from '@core/search/engine/types';
import type { DocFacts, FacetFilters, Facets } from '@core/search/query/facets';
import type { QueryError } from '@core/search/query/parse';
import { exactWords } from '@core/search/query/exact-words';
import { runQuery, type QueryHit } from '@core/search/query/run';
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
}

/** Results per page: each shown result is read and highlighted, the rest only counted. */
export const PAGE_SIZE = 20;

/**
 * Answers queries inside the index worker: the query runner over the engine, with the
 * library's metadata (kept in memory between queries: filters and facets read every
 * result's), texts and annotation tags read from IndexedDB.
 */
export function createQueryAnswerer(database?: DossierDb) {
  let records: Promise<Map<string, DocumentRecord>> | null = null;
  const docs = () => documentsRepo(database);

  return {
    /** Forgets the cached metadata; call after imports and edits. */
    invalidate() {
      records = null;
    },
    async answer(
      engine: Pick<SearchEngine, 'search' | 'terms' | 'phrase' | 'forms'>,
      analyse: Analyse,
      request: QueryRequest,
    ): Promise<SearchAnswer> {
      records ??= docs()
        .list()
        .then((list) => new Map(list.map((d) => [d.id, d])));
      const byId = await records;
      const contents = new Map<string, Promise<{ text: string; pages?: Page[] } | undefined>>();
      const answer = await runQuery(
        request.query,
        {
          engine,
          analyse,
          words: exactWords,
          facts: async () => byId as ReadonlyMap<string, DocFacts>,
          content: (id) => {
            let found = contents.get(id);
            if (!found) {
              found = docs().content(id);
              contents.set(id, found);
            }
            return found;
          },
          tags: async () => {
            const tags = new Map<string, Set<Tag>>();
            for (const a of await annotationsRepo(database).all()) {
              const set = tags.get(a.docId) ?? new Set<Tag>();
              set.add(a.tag);
              tags.set(a.docId, set);
            }
            return tags;
          },
        },
        {
          filters: request.filters,
          limit: request.limit ?? PAGE_SIZE,
          offset: request.offset ?? 0,
        },
      );
      if (!answer.ok) return { ok: false, message: answer.message, error: answer.error };
      const items = answer.hits.flatMap((hit) => {
        const doc = byId.get(hit.id);
        return doc ? [{ ...hit, doc }] : [];
      });
      return { ok: true, items, total: answer.total, tookMs: answer.tookMs, facets: answer.facets };
    },
  };
}
