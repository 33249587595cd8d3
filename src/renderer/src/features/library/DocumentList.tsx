import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { DocumentRecord } from '@core/model';

interface Props {
  documents: readonly DocumentRecord[];
  counts: Map<string, number> | undefined;
  openId: string | null;
  onOpen: (id: string) => void;
}

function describe(doc: DocumentRecord, annotations: number): string {
  const parts = [doc.source ?? 'Unknown source', doc.date ?? 'undated'];
  if (doc.pageCount) parts.push(`${doc.pageCount} p.`);
  if (doc.flags?.includes('no-text')) parts.push('no text: scanned?');
  if (annotations > 0) parts.push(`${annotations} annotation${annotations === 1 ? '' : 's'}`);
  return parts.join(' · ');
}

/** The library, windowed so that tens of thousands of documents scroll smoothly. */
export function DocumentList({ documents, counts, openId, onOpen }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: documents.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 58,
    overscan: 8,
  });
  return (
    <nav aria-label="Library" className="library">
      <h2>Library ({documents.length})</h2>
      <div ref={scroller} className="library-scroll">
        <ul className="document-list" style={{ height: virtual.getTotalSize() }}>
          {virtual.getVirtualItems().map((row) => {
            const doc = documents[row.index] as DocumentRecord;
            return (
              <li
                key={doc.id}
                data-index={row.index}
                ref={virtual.measureElement}
                aria-setsize={documents.length}
                aria-posinset={row.index + 1}
                style={{ transform: `translateY(${row.start}px)` }}
              >
                <button
                  type="button"
                  className="document-item"
                  aria-current={doc.id === openId ? 'true' : undefined}
                  onClick={() => onOpen(doc.id)}
                >
                  <span className="title">{doc.title}</span>
                  <span className="meta">{describe(doc, counts?.get(doc.id) ?? 0)}</span>
                </button>
              </li>
            );
          })}
        </ul>
      </div>
    </nav>
  );
}
