import type { KeyboardEvent } from 'react';
import { SyntaxHelp } from './SyntaxHelp';
import type { SearchScope } from './use-search';

interface Props {
  query: string;
  onQuery: (query: string) => void;
  scope: SearchScope;
  onScope: (scope: SearchScope) => void;
  /** Why the query cannot be read, shown under the box. */
  error: string | null;
}

/** ArrowDown from the box moves into the results, as in a list box. */
function toResults(event: KeyboardEvent<HTMLInputElement>) {
  if (event.key !== 'ArrowDown') return;
  const first = document.querySelector<HTMLElement>('[data-result-nav]');
  if (!first) return;
  event.preventDefault();
  first.focus();
}

export function SearchBox({ query, onQuery, scope, onScope, error }: Props) {
  const label = scope === 'documents' ? 'Search documents' : 'Search annotations';
  return (
    <div className="search-area">
      <div className="search-row">
        <div className="scope-switch" role="radiogroup" aria-label="Search in">
          {(['documents', 'annotations'] as const).map((s) => (
            <label key={s}>
              <input
                type="radio"
                name="search-scope"
                value={s}
                checked={scope === s}
                onChange={() => onScope(s)}
              />
              {s === 'documents' ? 'Documents' : 'Annotations'}
            </label>
          ))}
        </div>
        <input
          type="search"
          className="search-box"
          aria-label={label}
          aria-invalid={error !== null}
          aria-describedby={error ? 'query-error' : undefined}
          placeholder={
            scope === 'documents'
              ? 'Search documents (e.g. +shelter -customs "end trafficking" date:2008..2015)'
              : 'Search annotations (e.g. actor:varenko tag:pledge punished)'
          }
          value={query}
          onChange={(e) => onQuery(e.target.value)}
          onKeyDown={toResults}
        />
        <SyntaxHelp scope={scope} />
      </div>
      {error ? (
        <p className="query-error" id="query-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
