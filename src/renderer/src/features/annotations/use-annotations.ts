import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useSyncExternalStore } from 'react';
import { anchor, type Anchored } from '@core/anchoring';
import type { Annotation, Page } from '@core/model';
import { annotationsRepo } from '../../db/annotations-repo';
import { annotationService } from './annotation-service';

export interface PlacedAnnotation {
  annotation: Annotation;
  /** Where it sits in the current text; null when it could not be anchored (an orphan). */
  range: Anchored | null;
}

export function useDocumentAnnotations(docId: string | null): Annotation[] | undefined {
  return useLiveQuery(
    () => (docId ? annotationsRepo().forDocument(docId) : Promise.resolve([])),
    [docId],
  );
}

/** Anchors each annotation in the text, in reading order; orphans come last. */
export function usePlacedAnnotations(
  annotations: readonly Annotation[] | undefined,
  text: string | undefined,
  /** A PDF's pages: a stored page tells apart identical quotes on different pages. */
  pages?: readonly Page[],
): PlacedAnnotation[] {
  return useMemo(() => {
    if (!annotations || text === undefined) return [];
    const placed = annotations.map((annotation) => ({
      annotation,
      range: anchor(text, annotation.target.selectors, pages),
    }));
    return placed.sort(
      (a, b) =>
        (a.range?.start ?? Infinity) - (b.range?.start ?? Infinity) ||
        a.annotation.createdAt - b.annotation.createdAt,
    );
  }, [annotations, text, pages]);
}

export function useAnnotationCounts(): Map<string, number> | undefined {
  return useLiveQuery(async () => {
    const counts = new Map<string, number>();
    for (const a of await annotationsRepo().all())
      counts.set(a.docId, (counts.get(a.docId) ?? 0) + 1);
    return counts;
  }, []);
}

export function useHistory() {
  return useSyncExternalStore(
    (listener) => annotationService.subscribe(listener),
    () => historySnapshot(),
  );
}

let lastSnapshot = annotationService.history();
function historySnapshot() {
  const next = annotationService.history();
  if (
    next.canUndo !== lastSnapshot.canUndo ||
    next.canRedo !== lastSnapshot.canRedo ||
    next.undoLabel !== lastSnapshot.undoLabel ||
    next.redoLabel !== lastSnapshot.redoLabel
  ) {
    lastSnapshot = next;
  }
  return lastSnapshot;
}
