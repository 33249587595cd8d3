import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { SearchAnswer } from './search-engine';
import type { FacetFilters, Facets } from '@core/search/query/facets';
import type { ResultItem } from './search-engine';
import { searchService } from './search-service';

export type { ResultItem } from './search-engine';

export type SearchScope = 'documents' | 'annotations';

export type SearchState =
  | { kind: 'idle' }
  | { kind: 'searching' }
  | { kind: 'error'; message: string }
  | {
      kind: 'done';
      items: ResultItem[];
      total: number;
      tookMs: number;
      facets: Facets;
      /** A newer query is running; these results stay until its answer replaces them. */
      stale: boolean;
      /** Asks for the next page of results; null when every result is shown. */
      more: (() => void) | null;
      loadingMore: boolean;
    };

/** Runs the query a moment after typing stops; only the latest query's answer is shown. */
export function useSearch(query: string, filters: FacetFilters, enabled = true): SearchState {
  const [state, setState] = useState<SearchState>({ kind: 'idle' });
  const status = useIndexStatus();
  /** What is on screen: asked again for the same query (the index or the annotations
   * changed), as many results come back, so pages opened with Show more stay open. */
  const onScreen = useRef<{ query: string; filters: FacetFilters; count: number } | null>(null);
  useEffect(() => {
    if (!enabled || query.trim() === '') {
      onScreen.current = null;
      setState({ kind: 'idle' });
      return;
    }
    const same = onScreen.current?.query === query && onScreen.current.filters === filters;
    const keep = same ? (onScreen.current?.count ?? 0) : 0;
    let current = true;
    // Keep the last results while refining, so facets and the list do not flicker.
    setState((previous) =>
      previous.kind === 'done' ? { ...previous, stale: true } : { kind: 'searching' },
    );
    type Done = Extract<SearchState, { kind: 'done' }>;
    const show = (answer: SearchAnswer, shown: ResultItem[] = []) => {
      if (!current) return;
      if (!answer.ok) {
        setState({ kind: 'error', message: answer.message });
        return;
      }
      const seen = new Set(shown.map((item) => item.doc.id));
      const items = [...shown, ...answer.items.filter((item) => !seen.has(item.doc.id))];
      onScreen.current = { query, filters, count: items.length };
      const next: Done = {
        kind: 'done',
        items,
        total: answer.total,
        tookMs: answer.tookMs,
        facets: answer.facets,
        stale: false,
        loadingMore: false,
        more:
          items.length < answer.total && answer.items.length > 0
            ? () => {
                setState({ ...next, loadingMore: true });
                searchService
                  .query(query, filters, items.length)
                  .then((page) => show(page, items))
                  .catch(fail);
              }
            : null,
      };
      setState(next);
    };
    const fail = (error: unknown) => {
      if (current) setState({ kind: 'error', message: String(error) });
    };
    const timer = setTimeout(() => {
      searchService.query(query, filters, 0, keep).then((answer) => show(answer), fail);
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, filters, enabled, status.state, status.docCount, status.annotationChanges]);
  return state;
}

export function useIndexStatus() {
  return useSyncExternalStore(
    (listener) => searchService.subscribe(listener),
    () => searchService.getStatus(),
  );
}
