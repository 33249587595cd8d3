import { createIndexEngine } from '@core/jobs/index-job';
import type { DocumentRecord, Page } from '@core/model';
import {
  corpusFingerprint,
  makeSnippets,
  tightenSpan,
  type MatchSpan,
  type Snippet,
} from '@core/search';
import { documentsRepo } from '../../db/documents-repo';
import { searchIndexRepo } from '../../db/search-index-repo';
import type { DossierDb } from '../../db/schema';

export interface ResultItem {
  doc: DocumentRecord;
  score: number;
  titleMatches: MatchSpan[];
  bodyMatches: MatchSpan[];
  snippets: (Snippet & { page: number | null })[];
}

export type SearchAnswer =
  { ok: true; items: ResultItem[]; total: number; tookMs: number } | { ok: false; error: string };

export type EngineRequest =
  { type: 'open' } | { type: 'rebuild' } | { type: 'query'; query: string; limit?: number };

export type EngineResponse =
  { type: 'ready'; docCount: number; rebuilt: boolean } | { type: 'answer'; answer: SearchAnswer };

/** 1-based page of a text offset, for paginated documents. */
export function pageOf(pages: readonly Page[] | undefined, offset: number): number | null {
  if (!pages || pages.length === 0) return null;
  const i = pages.findIndex((p) => offset < p.end);
  return (i < 0 ? pages.length - 1 : i) + 1;
}

/**
 * The search side of the library, run inside the index worker: it reads documents from
 * IndexedDB itself, so neither building nor snippets ever cost the page's thread.
 */
export function createSearchEngine(database?: DossierDb, shown = 50) {
  const engine = createIndexEngine();
  const docs = () => documentsRepo(database);
  const saved = () => searchIndexRepo(database);

  async function rebuild(): Promise<number> {
    const corpus = await saved().corpus();
    const built = engine.handle({ type: 'build', docs: corpus });
    if (built.type !== 'built') throw new Error('unexpected index answer');
    await saved().save(built.json, corpusFingerprint(corpus.map((d) => d.id)));
    return built.docCount;
  }

  async function open(): Promise<EngineResponse> {
    const [index, ids] = await Promise.all([saved().load(), docs().ids()]);
    if (index && index.fingerprint === corpusFingerprint(ids)) {
      engine.handle({ type: 'load', json: index.json });
      return { type: 'ready', docCount: ids.length, rebuilt: false };
    }
    return { type: 'ready', docCount: await rebuild(), rebuilt: true };
  }

  async function query(text: string, limit?: number): Promise<SearchAnswer> {
    const answer = engine.handle({ type: 'query', query: text, limit });
    if (answer.type !== 'results') throw new Error('unexpected index answer');
    if (!answer.outcome.ok) return answer.outcome;
    const items: ResultItem[] = [];
    for (const hit of answer.outcome.hits.slice(0, shown)) {
      const [doc, content] = await Promise.all([docs().get(hit.id), docs().content(hit.id)]);
      if (!doc || !content) continue;
      const bodyMatches = hit.matches
        .filter((m) => m.field === 'body')
        .map((m) => tightenSpan(content.text, m));
      items.push({
        doc,
        score: hit.score,
        titleMatches: hit.matches
          .filter((m) => m.field === 'title')
          .map((m) => tightenSpan(doc.title, m)),
        bodyMatches,
        snippets: makeSnippets(content.text, bodyMatches, { maxSnippets: 2 }).map((s) => ({
          ...s,
          page: pageOf(content.pages, s.anchor),
        })),
      });
    }
    return { ok: true, items, total: answer.outcome.hits.length, tookMs: answer.tookMs };
  }

  return {
    async handle(request: EngineRequest): Promise<EngineResponse> {
      switch (request.type) {
        case 'open':
          return open();
        case 'rebuild':
          return { type: 'ready', docCount: await rebuild(), rebuilt: true };
        case 'query':
          return { type: 'answer', answer: await query(request.query, request.limit) };
      }
    },
  };
}
