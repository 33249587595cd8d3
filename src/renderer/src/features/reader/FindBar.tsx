import { useEffect, useRef } from 'react';
import type { FindState } from './use-find';

interface Props {
  find: FindState;
  /** Changes each time Ctrl+F is pressed, to focus the box again when it is already open. */
  focusKey: number;
}

/** Find in document: type to mark matches; Enter and Shift+Enter step; Escape closes. */
export function FindBar({ find, focusKey }: Props) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusKey]);

  const { ranges, index, kind, query } = find;
  const status =
    ranges.length === 0
      ? query.trim() === ''
        ? ''
        : 'No matches'
      : `${kind === 'hits' ? 'Search hit ' : ''}${index + 1} of ${ranges.length}`;

  return (
    <div className="find-bar" role="search" aria-label="Find in document">
      <input
        ref={input}
        type="search"
        aria-label="Find text"
        placeholder="Find in document"
        value={query}
        onChange={(e) => find.setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            find.step(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            find.setOpen(false);
          }
        }}
      />
      <span className="find-count" role="status" aria-live="polite">
        {status}
      </span>
      <button
        type="button"
        onClick={() => find.step(-1)}
        disabled={ranges.length === 0}
        aria-label="Previous match"
        title="Previous match (Shift+Enter)"
      >
        ↑
      </button>
      <button
        type="button"
        onClick={() => find.step(1)}
        disabled={ranges.length === 0}
        aria-label="Next match"
        title="Next match (Enter)"
      >
        ↓
      </button>
      <button
        type="button"
        onClick={() => find.setOpen(false)}
        aria-label="Close find"
        title="Close (Escape)"
      >
        ×
      </button>
    </div>
  );
}
