import type { DocumentRecord, Page, Tag } from '@core/model';
import type { Analyse } from '@core/search/engine/types';
import type { FacetFilters, Facets } from '@core/search/query/facets';
import type { QueryError } from '@core/search/query/parse';
import { exactWords } from '@core/search/query/exact-words';
import { libraryFacts, tagBits, type LibraryFacts } from '@core/search/query/library-facts';
import { runQuery, type QueryEngine, type QueryHit } from '@core/search/query/run';
import { TextCache } from '@core/search/text-cache';
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

type Content = { text: string; pages?: Page[] };

/** A read started ahead of the query that awaits it; its failure is that query's to report. */
function readSoon<T>(read: Promise<T>): Promise<T> {
  read.catch(() => undefined);
  return read;
}

/** A stored text's version: it changes with each new version of the document. */
const versionOf = (doc: DocumentRecord | undefined) =>
  doc ? `${doc.contentHash}/${doc.version ?? 1}` : '';

/**
 * Answers queries inside the index worker: the query runner over the engine, with the
 * library's details and its annotations' tags kept in memory between queries, in arrays by
 * the engine's document numbers (filters and facets read every result's), and texts read
 * from IndexedDB for the results shown. Those texts are kept for the next queries (TextCache),
 * so asking again, refining or paging does not read them again: a read of the texts waits
 * while an import writes a batch of documents.
 */
export function createQueryAnswerer(database?: DossierDb) {
  const docs = () => documentsRepo(database);
  // The library's details and its annotations' tags are read as soon as they change, not
  // when the next query comes: that query then finds them read.
  let listed: Promise<DocumentRecord[]> | null = null;
  let library: Promise<LibraryFacts<DocumentRecord>> | null = null;
  let tagRows: Promise<{ docId: string; tag: Tag }[]> | null = null;
  let tags: Promise<Uint8Array> | null = null;
  const texts = new TextCache<Content>();

  /** A document's text, as of the version the library's details name. */
  async function textOf(id: string, version: string): Promise<Content | undefined> {
    const kept = texts.get(id, version);
    if (kept) return kept;
    const read = await docs().content(id);
    if (!read) return undefined;
    const content: Content = read.pages
      ? { text: read.text, pages: read.pages }
      : { text: read.text };
    texts.set(id, version, content);
    return content;
  }

  return {
    /** Reads the library's details again; call after imports and edits. */
    invalidate() {
      listed = readSoon(docs().list());
      library = null;
    },
    /** Reads the tags again; call after any annotation was added, changed or removed. */
    annotationsChanged() {
      tagRows = readSoon(annotationsRepo(database).tagsByDocument());
      tags = null;
    },
    async answer(engine: Engine, analyse: Analyse, request: QueryRequest): Promise<SearchAnswer> {
      const numberOf = (id: string) => engine.numberOf(id);
      listed ??= docs().list();
      tagRows ??= annotationsRepo(database).tagsByDocument();
      // Numbered when asked: segments attached since the read add numbers.
      library ??= listed.then((list) => libraryFacts(list, numberOf));
      tags ??= tagRows.then((list) => tagBits(list, numberOf));
      const facts = await library;
      const known = tags;
      const contents = new Map<string, Promise<Content | undefined>>();
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
              found = textOf(id, versionOf(facts.docs[numberOf(id)]));
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
