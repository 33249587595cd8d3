import type { DocumentRecord, Page } from '@core/model';
import { makeSnippets, type MatchSpan, type Snippet } from '@core/search';
import { analyse, type EngineHit, type IndexField, type TermClause } from '@core/search/engine';
import { documentsRepo } from '../../db/documents-repo';
import type { DossierDb } from '../../db/schema';
import { createLibraryIndex } from './library-index';

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

const FIELD_NAMES = new Set<string>(['title', 'source', 'author', 'body']);

/**
 * Reads lunr's query syntax (words, +required, -excluded, field:word, wild*, word~1) into
 * the engine's clauses; a quoted phrase asks for all of its words. A message for a query that
 * names an unknown field or leaves a word empty.
 */
export function toClauses(query: string): TermClause[] | string {
  const clauses: TermClause[] = [];
  for (const raw of query.replace(/"/g, ' ').split(/\s+/)) {
    if (raw === '') continue;
    let word = raw;
    let presence: TermClause['presence'] = 'should';
    if (word.startsWith('+')) presence = 'must';
    if (word.startsWith('-')) presence = 'mustNot';
    if (presence !== 'should') word = word.slice(1);
    let field: IndexField | undefined;
    const colon = word.indexOf(':');
    if (colon >= 0) {
      const name = word.slice(0, colon).toLowerCase();
      if (!FIELD_NAMES.has(name)) return `Cannot read this query: there is no field "${name}"`;
      field = name as IndexField;
      word = word.slice(colon + 1);
    }
    let fuzzy: number | undefined;
    const tilde = /~(\d*)$/.exec(word);
    if (tilde) {
      fuzzy = Math.min(Number(tilde[1] || 1), 2);
      word = word.slice(0, tilde.index);
    }
    if (word.replace(/\*/g, '') === '') return `Cannot read this query: "${raw}" has no word`;
    const starts = word.startsWith('*');
    const ends = word.endsWith('*');
    const wildcard = word.includes('*')
      ? starts && ends
        ? 'both'
        : starts
          ? 'leading'
          : 'trailing'
      : undefined;
    clauses.push({
      term: word,
      presence,
      ...(field ? { field } : {}),
      ...(wildcard ? { wildcard } : {}),
      ...(fuzzy ? { fuzzy } : {}),
    });
  }
  return clauses;
}

/** Where a hit's matched terms are in one field's text, found with the engine's analysis. */
function spansOf(
  hit: EngineHit,
  field: 'title' | 'body',
  text: string,
  language: string | null,
): MatchSpan[] {
  const terms = new Set(hit.matched.filter((m) => m.field === field).map((m) => m.term));
  if (terms.size === 0) return [];
  return analyse(text, language)
    .filter((t) => terms.has(t.term))
    .map((t) => ({ field, start: t.start, end: t.end }));
}

/**
 * The search side of the library, run inside the index worker: it reads documents from
 * IndexedDB itself, so neither building nor snippets ever cost the page's thread.
 */
export function createSearchEngine(database?: DossierDb, shown = 50) {
  const index = createLibraryIndex(database);
  const docs = () => documentsRepo(database);
  let loaded: Promise<void> | null = null;

  async function open(): Promise<EngineResponse> {
    loaded ??= index.load();
    await loaded;
    const rebuilt = await index.update();
    return { type: 'ready', docCount: index.engine.size(), rebuilt };
  }

  async function query(text: string, limit = 200): Promise<SearchAnswer> {
    const start = performance.now();
    if (text.trim() === '') return { ok: true, items: [], total: 0, tookMs: 0 };
    const clauses = toClauses(text);
    if (typeof clauses === 'string') return { ok: false, error: clauses };
    const hits = index.engine.search(clauses);
    const items: ResultItem[] = [];
    for (const hit of hits.slice(0, Math.min(shown, limit))) {
      const [doc, content] = await Promise.all([docs().get(hit.id), docs().content(hit.id)]);
      if (!doc || !content) continue;
      const bodyMatches = spansOf(hit, 'body', content.text, doc.language);
      items.push({
        doc,
        score: hit.score,
        titleMatches: spansOf(hit, 'title', doc.title, doc.language),
        bodyMatches,
        snippets: makeSnippets(content.text, bodyMatches, { maxSnippets: 2 }).map((s) => ({
          ...s,
          page: pageOf(content.pages, s.anchor),
        })),
      });
    }
    return { ok: true, items, total: hits.length, tookMs: performance.now() - start };
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
          return { type: 'answer', answer: await query(request.query, request.limit) };
      }
    },
  };
}
