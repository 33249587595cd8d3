import { useCallback, useEffect, useMemo, useState } from 'react';
import type { TextRange } from '@core/anchoring';
import { findInText, stepIndex } from '@core/find/find-in-text';

export interface FindState {
  open: boolean;
  query: string;
  /** What next/previous step through: the find matches, or the search hits while the box is empty. */
  ranges: readonly TextRange[];
  kind: 'matches' | 'hits';
  index: number;
  /** Bumped on every step, so the view scrolls even when the same range is shown again. */
  stepKey: number;
  setOpen: (open: boolean) => void;
  setQuery: (query: string) => void;
  step: (direction: 1 | -1) => void;
}

/**
 * The reader's find bar: matches of the typed text, and next/previous through them. With the
 * box empty, next/previous step through the hits of the search the document was opened from,
 * starting at `hitFocus`.
 */
export function useFind(
  text: string | undefined,
  hits: readonly TextRange[],
  hitsKey: number,
  hitFocus: number,
): FindState {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [matchIndex, setMatchIndex] = useState(0);
  const [hitIndex, setHitIndex] = useState(hitFocus);
  const [stepKey, setStepKey] = useState(0);

  const matches = useMemo(() => (text ? findInText(text, query) : []), [text, query]);

  // A new search result opened: show its chosen hit first.
  useEffect(() => {
    setHitIndex(Math.min(Math.max(0, hitFocus), Math.max(0, hits.length - 1)));
    setStepKey((k) => k + 1);
  }, [hitsKey, hitFocus, hits.length]);

  // A changed query starts again at its first match.
  useEffect(() => {
    setMatchIndex(0);
    setStepKey((k) => k + 1);
  }, [query]);

  const searching = query.trim() !== '';
  const kind = searching || hits.length === 0 ? 'matches' : 'hits';
  const ranges = kind === 'matches' ? matches : hits;
  const index = kind === 'matches' ? (matches.length > 0 ? matchIndex : -1) : hitIndex;

  const step = useCallback(
    (direction: 1 | -1) => {
      const set = kind === 'matches' ? setMatchIndex : setHitIndex;
      set((current) => stepIndex(current, ranges.length, direction));
      setStepKey((k) => k + 1);
    },
    [kind, ranges.length],
  );

  // Closing the bar drops its matches, as a browser's find does; the search hits stay.
  const close = useCallback((next: boolean) => {
    setOpen(next);
    if (!next) setQuery('');
  }, []);

  return { open, query, ranges, kind, index, stepKey, setOpen: close, setQuery, step };
}
