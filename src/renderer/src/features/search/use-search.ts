import { useEffect, useState, useSyncExternalStore } from 'react';
import { makeSnippets, tightenSpan, type MatchSpan, type Snippet } from '@core/search';
import type { DocumentRecord } from '@core/model';
import { documentsRepo } from '../../db/documents-repo';
import { searchService } from './search-service';

export interface ResultItem {
  doc: DocumentRecord;
  score: number;
  titleMatches: MatchSpan[];
  bodyMatches: MatchSpan[];
  snippets: Snippet[];
}

export type SearchState =
  | { kind: 'idle' }
  | { kind: 'searching' }
  | { kind: 'error'; message: string }
  | { kind: 'done'; items: ResultItem[]; total: number; tookMs: number };

const SHOWN = 50;

async function runQuery(query: string): Promise<SearchState> {
  const { outcome, tookMs } = await searchService.query(query);
  if (!outcome.ok) return { kind: 'error', message: outcome.error };
  const repo = documentsRepo();
  const items: ResultItem[] = [];
  for (const hit of outcome.hits.slice(0, SHOWN)) {
    const [doc, content] = await Promise.all([repo.get(hit.id), repo.content(hit.id)]);
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
      snippets: makeSnippets(content.text, bodyMatches, { maxSnippets: 2 }),
    });
  }
  return { kind: 'done', items, total: outcome.hits.length, tookMs };
}

/** Runs the query a moment after typing stops; only the latest query's answer is shown. */
export function useSearch(query: string): SearchState {
  const [state, setState] = useState<SearchState>({ kind: 'idle' });
  const status = useIndexStatus();
  useEffect(() => {
    if (query.trim() === '') {
      setState({ kind: 'idle' });
      return;
    }
    let current = true;
    setState({ kind: 'searching' });
    const timer = setTimeout(() => {
      runQuery(query)
        .then((next) => current && setState(next))
        .catch((error: unknown) => {
          if (current) setState({ kind: 'error', message: String(error) });
        });
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, status.state, status.docCount]);
  return state;
}

export function useIndexStatus() {
  return useSyncExternalStore(
    (listener) => searchService.subscribe(listener),
    () => searchService.getStatus(),
  );
}
