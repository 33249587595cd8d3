import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { AnalysisLibrary } from '@core/analysis';
import { quoteOf } from '@core/annotations/selectors-of';
import { TAG_LABELS, type Annotation } from '@core/model';
import { openAnnotation } from '../reader/reader-store';

/** Passages found by a query or a matrix cell, each opening its document at the highlight. */
export function PassageList({
  label,
  annotations,
  library,
}: {
  label: string;
  annotations: readonly Annotation[];
  library: AnalysisLibrary;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: annotations.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 56,
    overscan: 8,
  });
  return (
    <div ref={scroller} className="passage-scroll">
      <ul className="passage-list" aria-label={label} style={{ height: virtual.getTotalSize() }}>
        {virtual.getVirtualItems().map((v) => {
          const a = annotations[v.index] as Annotation;
          const doc = library.docs.get(a.docId);
          return (
            <li
              key={a.id}
              data-index={v.index}
              ref={virtual.measureElement}
              aria-setsize={annotations.length}
              aria-posinset={v.index + 1}
              className={`passage tag-${a.tag}`}
              style={{ transform: `translateY(${v.start}px)` }}
            >
              <button
                type="button"
                className="row-open"
                onClick={() => openAnnotation(a.docId, a.id)}
              >
                {quoteOf(a)}
              </button>
              <span className="meta">
                <span className={`tag-label tag-${a.tag}`}>{TAG_LABELS[a.tag]}</span>{' '}
                {[a.actor, library.dates.get(a.id) ?? 'undated', doc?.title ?? 'Deleted document']
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
