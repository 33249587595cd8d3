import { createIndexEngine } from '@core/jobs/index-job';
import { corpusFingerprint } from '@core/search';
import { analyse, createEngine } from '@core/search/engine';
import { documentsRepo } from '../../db/documents-repo';
import { searchIndexRepo } from '../../db/search-index-repo';
import type { DossierDb } from '../../db/schema';
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
  const engine = createIndexEngine();
  const docs = () => documentsRepo(database);
  const saved = () => searchIndexRepo(database);
  const answerer = createQueryAnswerer(database);
  let terms = createEngine();

  /** Loads the library into the term engine the query language runs on. */
  async function fillTerms(): Promise<void> {
    const [corpus, records] = await Promise.all([saved().corpus(), docs().list()]);
    const byId = new Map(records.map((d) => [d.id, d]));
    terms = createEngine();
    terms.add(
      corpus.map((d) => ({
        ...d,
        author: byId.get(d.id)?.author ?? '',
        language: byId.get(d.id)?.language ?? null,
      })),
    );
    answerer.invalidate();
  }

  async function rebuild(): Promise<number> {
    const corpus = await saved().corpus();
    const built = engine.handle({ type: 'build', docs: corpus });
    if (built.type !== 'built') throw new Error('unexpected index answer');
    await saved().save(built.json, corpusFingerprint(corpus.map((d) => d.id)));
    await fillTerms();
    return built.docCount;
  }

  async function open(): Promise<EngineResponse> {
    const [index, ids] = await Promise.all([saved().load(), docs().ids()]);
    if (index && index.fingerprint === corpusFingerprint(ids)) {
      engine.handle({ type: 'load', json: index.json });
      await fillTerms();
      return { type: 'ready', docCount: ids.length, rebuilt: false };
    }
    return { type: 'ready', docCount: await rebuild(), rebuilt: true };
  }

  return {
    async handle(request: EngineRequest): Promise<EngineResponse> {
      switch (request.type) {
        case 'open':
          return open();
        case 'rebuild':
          return { type: 'ready', docCount: await rebuild(), rebuilt: true };
        case 'query':
          return { type: 'answer', answer: await answerer.answer(terms, analyse, request) };
      }
    },
  };
}
