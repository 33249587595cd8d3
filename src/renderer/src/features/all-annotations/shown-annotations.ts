import { useSyncExternalStore } from 'react';

/**
 * What the All annotations table shows now (its filtered rows, in its order), for the export
 * dialog's "Filtered annotations" scope. Null while the table is not on screen.
 */
export interface ShownAnnotations {
  ids: readonly string[];
  /** Annotations in the library, to say "12 of 40". */
  total: number;
}

let shown: ShownAnnotations | null = null;
const listeners = new Set<() => void>();

export function publishShownAnnotations(next: ShownAnnotations | null): void {
  shown = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useShownAnnotations(): ShownAnnotations | null {
  return useSyncExternalStore(subscribe, () => shown);
}
