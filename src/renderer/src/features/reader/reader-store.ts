import type { TextRange } from '@core/anchoring';
import { createStore } from '../../ui/store';
import { navigate } from '../workspace/route-store';

export interface ReaderState {
  selectedId: string | null;
  /** Search matches to mark in the open document, and which to show first. */
  hits: { ranges: TextRange[]; key: number; focus: number };
}

/** What the reader shows besides the open document (which is in the route). */
export const readerStore = createStore<ReaderState>({
  selectedId: null,
  hits: { ranges: [], key: 0, focus: 0 },
});

export function selectAnnotation(selectedId: string | null): void {
  readerStore.set((s) => (s.selectedId === selectedId ? s : { ...s, selectedId }));
}

/** Opens a document in the reader, marking search matches if given. */
export function openDocument(docId: string, ranges: TextRange[] = [], focus = 0): void {
  readerStore.set((s) => ({
    selectedId: null,
    hits: { ranges, key: s.hits.key + 1, focus },
  }));
  navigate({ view: 'reader', docId });
}

/** Opens a document at one of its annotations, selected. */
export function openAnnotation(docId: string, annotationId: string): void {
  openDocument(docId);
  selectAnnotation(annotationId);
}
