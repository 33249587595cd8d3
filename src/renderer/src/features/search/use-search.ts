import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ResultItem } from './search-engine';
import { searchService } from './search-service';

export type { ResultItem } from './search-engine';

export type SearchState =
  | { kind: 'idle' }
  | { kind: 'searching' }
  | { kind: 'error'; message: string }
  | { kind: 'done'; items: ResultItem[]; total: number; tookMs: number };

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
      searchService
        .query(query)
        .then((answer) => {
          if (!current) return;
          setState(
            answer.ok
              ? { kind: 'done', items: answer.items, total: answer.total, tookMs: answer.tookMs }
              : { kind: 'error', message: answer.error },
          );
        })
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
