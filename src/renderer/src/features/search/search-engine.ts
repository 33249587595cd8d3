import { analyse } from '@core/search/engine';
import type { DossierDb } from '../../db/schema';
import { createLibraryIndex } from './library-index';
import { createQueryAnswerer, type QueryRequest, type SearchAnswer } from './query-answer';

export type { ResultItem, SearchAnswer } from './query-answer';
export { pageOf } from '@core/search';

export type EngineRequest =
  { type: 'open' } | { type: 'rebuild' } | ({ type: 'query' } & QueryRequest);

export type EngineResponse =
  { type: 'ready'; docCount: number; rebuilt: boolean } | { type: 'answer'; answer: SearchAnswer };

/**
 * The search side of the library, run inside the index worker: it reads documents from
 * IndexedDB itself, so neither building nor snippets ever cost the page's thread.
 */
export function createSearchEngine(database?: DossierDb) {
  const index = createLibraryIndex(database);
  const answerer = createQueryAnswerer(database);
  let loaded: Promise<void> | null = null;

  async function open(): Promise<EngineResponse> {
    loaded ??= index.load();
    await loaded;
    const rebuilt = await index.update();
    // Imports and metadata edits end in an update: filters must see the new details.
    answerer.invalidate();
    return { type: 'ready', docCount: index.engine.size(), rebuilt };
  }

  return {
    async handle(request: EngineRequest): Promise<EngineResponse> {
      switch (request.type) {
        case 'open':
          return open();
        case 'rebuild':
          await open();
          return { type: 'ready', docCount: index.engine.size(), rebuilt: true };
        case 'query':
          return { type: 'answer', answer: await answerer.answer(index.engine, analyse, request) };
      }
    },
  };
}
