import { splitHighlights, type Highlight } from '@core/search';
import type { ResultItem, SearchState } from './use-search';

function Highlighted({ text, highlights }: { text: string; highlights: readonly Highlight[] }) {
  return (
    <>
      {splitHighlights(text, highlights).map((run, i) =>
        run.hit ? <mark key={i}>{run.text}</mark> : <span key={i}>{run.text}</span>,
      )}
    </>
  );
}

interface Props {
  state: SearchState;
  onOpen: (item: ResultItem) => void;
}

export function SearchResults({ state, onOpen }: Props) {
  if (state.kind === 'idle') return null;
  if (state.kind === 'searching')
    return (
      <p className="muted" role="status">
        Searching…
      </p>
    );
  if (state.kind === 'error') {
    return (
      <p className="query-error" role="alert">
        {state.message}
      </p>
    );
  }
  return (
    <section aria-label="Search results">
      <p className="muted" role="status">
        {state.total === 0
          ? 'No documents match.'
          : `${state.total} document${state.total === 1 ? '' : 's'} found in ${state.tookMs.toFixed(1)} ms`}
        {state.total > state.items.length ? ` (showing ${state.items.length})` : ''}
      </p>
      <ol className="result-list">
        {state.items.map((item) => (
          <li key={item.doc.id}>
            <button type="button" className="result-item" onClick={() => onOpen(item)}>
              <span className="title">
                <Highlighted text={item.doc.title} highlights={item.titleMatches} />
              </span>
              <span className="meta">
                {item.doc.source ?? 'Unknown source'} · {item.doc.date ?? 'undated'}
              </span>
              {item.snippets.map((snippet, i) => (
                <span className="snippet" key={i}>
                  {snippet.page !== null ? (
                    <span className="page-ref">p. {snippet.page} </span>
                  ) : null}
                  <Highlighted text={snippet.text} highlights={snippet.highlights} />
                </span>
              ))}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
