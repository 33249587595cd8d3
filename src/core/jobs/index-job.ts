import type lunr from 'lunr';
import {
  buildIndex,
  loadIndex,
  searchIndex,
  serializeIndex,
  type SearchOutcome,
  type SearchableDoc,
} from '../search';

export type IndexRequest =
  | { type: 'load'; json: string }
  | { type: 'build'; docs: SearchableDoc[] }
  | { type: 'query'; query: string; limit?: number };

export type IndexResponse =
  | { type: 'loaded' }
  | { type: 'built'; json: string; docCount: number }
  | { type: 'results'; outcome: SearchOutcome; tookMs: number };

/**
 * The search index's owner: holds the loaded lunr index and answers requests. Runs inside
 * the index worker, so building never blocks the page; tests call it directly.
 */
export function createIndexEngine(now: () => number = () => performance.now()) {
  let index: lunr.Index = buildIndex([]);
  return {
    handle(request: IndexRequest): IndexResponse {
      switch (request.type) {
        case 'load':
          index = loadIndex(request.json);
          return { type: 'loaded' };
        case 'build':
          index = buildIndex(request.docs);
          return { type: 'built', json: serializeIndex(index), docCount: request.docs.length };
        case 'query': {
          const start = now();
          const outcome = searchIndex(index, request.query, request.limit);
          return { type: 'results', outcome, tookMs: now() - start };
        }
      }
    },
  };
}
