import { analyse } from '@core/search/engine';
import type { DossierDb } from '../../db/schema';
import { createLibraryIndex, type LibraryIndexOptions } from './library-index';
import { createQueryAnswerer, type QueryRequest, type SearchAnswer } from './query-answer';

export type { ResultItem, SearchAnswer } from './query-answer';
export { pageOf } from '@core/search';

export type EngineRequest =
  | { type: 'load' }
  | { type: 'open' }
  | { type: 'rebuild' }
  | { type: 'annotations-changed' }
  | ({ type: 'query' } & QueryRequest);

export type EngineResponse =
  | {
      type: 'ready';
      docCount: number;
      rebuilt: boolean;
      /** The saved index did not match the library's record of it, and is being rebuilt. */
      repaired?: true;
    }
  | { type: 'answer'; answer: SearchAnswer };

/** Said during `open` and `rebuild` while documents are being indexed. */
export interface EngineProgress {
  type: 'indexing';
  /** Documents searchable so far. */
  docCount: number;
}

/**
 * The search side of the library, run inside the index worker: it reads documents from
 * IndexedDB itself, so neither building nor snippets ever cost the page's thread.
 *
 * `load` answers as soon as the saved index is loaded; `open` and `rebuild` also bring it in
 * step with the library, reporting progress once they find work. Queries wait for the load
 * only, never for an update: they are answered from the segments loaded so far.
 */
export function createSearchEngine(database?: DossierDb, options?: LibraryIndexOptions) {
  const index = createLibraryIndex(database, options);
  const answerer = createQueryAnswerer(database);
  let loaded: Promise<void> | null = null;
  const load = () => (loaded ??= index.load());

  async function open(report: (progress: EngineProgress) => void): Promise<EngineResponse> {
    await load();
    // Imports and metadata edits end in an update: results and filters must see the new
    // details, also those of documents found while the update runs.
    answerer.invalidate();
    const rebuilt = await index.update((docCount) => report({ type: 'indexing', docCount }));
    answerer.invalidate();
    return { type: 'ready', docCount: index.engine.size(), rebuilt };
  }

  return {
    async handle(
      request: EngineRequest,
      report: (progress: EngineProgress) => void = () => {},
    ): Promise<EngineResponse> {
      switch (request.type) {
        case 'load':
          await load();
          return {
            type: 'ready',
            docCount: index.engine.size(),
            rebuilt: false,
            ...(index.wasRepaired() ? { repaired: true as const } : {}),
          };
        case 'open':
          return open(report);
        case 'rebuild':
          await open(report);
          return { type: 'ready', docCount: index.engine.size(), rebuilt: true };
        case 'annotations-changed':
          // Before any later query is handled: the page sends this as the change commits.
          answerer.annotationsChanged();
          return { type: 'ready', docCount: index.engine.size(), rebuilt: false };
        case 'query':
          await load();
          return { type: 'answer', answer: await answerer.answer(index.engine, analyse, request) };
      }
    },
  };
}
