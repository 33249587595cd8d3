import type { FacetFilters, FacetGroup } from '@core/search/query/facets';
import { hasFilters } from '@core/search/query/facets';
import { useStore } from '../../ui/store';
import { importActivity } from '../import/import-activity';
import { FacetPanel } from './FacetPanel';
import { Highlighted } from './Highlighted';
import { onResultKeys } from './use-result-keys';
import type { ResultItem, SearchState } from './use-search';

interface Props {
  state: SearchState;
  filters: FacetFilters;
  onToggle: (group: FacetGroup, value: string) => void;
  onClear: () => void;
  /** Opens a result at one of its hits (an index into its `bodyMatches`). */
  onOpen: (item: ResultItem, hitIndex: number) => void;
}

function countLine(total: number, shown: number, tookMs: number): string {
  if (total === 0) return 'No documents match.';
  const found = `${total} document${total === 1 ? '' : 's'} found in ${tookMs.toFixed(1)} ms`;
  return total > shown ? `${found}, showing the best ${shown}` : found;
}

export function SearchResults({ state, filters, onToggle, onClear, onOpen }: Props) {
  const importing = useStore(importActivity);
  if (state.kind === 'idle' || state.kind === 'error') return null;
  if (state.kind === 'searching')
    return (
      <p className="muted" role="status">
        Searching…
      </p>
    );
  const filtered = hasFilters(filters);
  return (
    <div className="search-panel">
      <FacetPanel
        facets={state.facets}
        filters={filters}
        onToggle={onToggle}
        onClear={onClear}
        filtered={filtered}
      />
      <section aria-label="Search results" aria-busy={state.stale}>
        <p className="muted" role="status">
          {countLine(state.total, state.items.length, state.tookMs)}
          {state.total === 0 && filtered ? ' Some filters are on.' : ''}
          {importing ? ' Documents being imported are searched once the import ends.' : ''}
        </p>
        <ol className="result-list" onKeyDown={onResultKeys}>
          {state.items.map((item) => (
            <li key={item.doc.id} className="result">
              <button
                type="button"
                className="result-item"
                data-result-nav
                onClick={() => onOpen(item, 0)}
              >
                <span className="title">
                  <Highlighted text={item.doc.title} highlights={item.titleMatches} />
                </span>
                <span className="meta">
                  {item.doc.source ?? 'Unknown source'} · {item.doc.date ?? 'undated'}
                  {item.bodyMatches.length > 0
                    ? ` · ${item.bodyMatches.length} hit${item.bodyMatches.length === 1 ? '' : 's'}`
                    : ''}
                </span>
              </button>
              {item.snippets.map((snippet, i) => (
                <button
                  type="button"
                  key={i}
                  className="snippet"
                  data-result-nav
                  onClick={() => onOpen(item, snippet.hitIndex)}
                >
                  {/* The name is the visible text, led by which hit it is. */}
                  <span className="visually-hidden">Hit {snippet.hitIndex + 1}: </span>
                  {snippet.page !== null ? (
                    <span className="page-ref">p. {snippet.page} </span>
                  ) : null}
                  <span>
                    <Highlighted text={snippet.text} highlights={snippet.highlights} />
                  </span>
                </button>
              ))}
            </li>
          ))}
        </ol>
        {state.more ? (
          <button
            type="button"
            className="more-results"
            onClick={state.more}
            disabled={state.loadingMore}
          >
            {state.loadingMore ? 'Loading more results…' : 'Show more results'}
          </button>
        ) : null}
      </section>
    </div>
  );
}
