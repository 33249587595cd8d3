import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import {
  filterLibrary,
  sortLibrary,
  type LibraryFilter,
  type LibrarySortKey,
} from '@core/library-list';
import { DocFormatSchema, type DocumentRecord } from '@core/model';
import { useAnnotationCounts } from '../annotations/use-annotations';
import { openDocument } from '../reader/reader-store';
import { DeleteDocumentsDialog } from './DeleteDocumentsDialog';
import { DateRange } from '../../ui/DateRange';

const COLUMNS: { key: LibrarySortKey; label: string }[] = [
  { key: 'title', label: 'Title' },
  { key: 'source', label: 'Source' },
  { key: 'date', label: 'Date' },
  { key: 'type', label: 'Type' },
  { key: 'annotations', label: 'Annotations' },
];

const TYPE_NAMES: Record<string, string> = {
  txt: 'Text',
  md: 'Markdown',
  html: 'Web page',
  docx: 'Word',
  pdf: 'PDF',
};

interface Props {
  documents: readonly DocumentRecord[];
  openId: string | null;
}

/** Every document: sorted, filtered, opened, selected and deleted; windowed for big libraries. */
export function LibraryView({ documents, openId }: Props) {
  const counts = useAnnotationCounts();
  const [filter, setFilter] = useState<LibraryFilter>({});
  const [sort, setSort] = useState<{ key: LibrarySortKey; descending: boolean }>({
    key: 'date',
    descending: false,
  });
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState<string[] | null>(null);
  const shown = useMemo(() => {
    const c = counts ?? new Map<string, number>();
    return sortLibrary(filterLibrary(documents, c, filter), c, sort.key, sort.descending);
  }, [documents, counts, filter, sort]);
  // Documents deleted meanwhile drop out of the selection.
  const selected = useMemo(
    () => documents.filter((d) => checked.has(d.id)).map((d) => d.id),
    [documents, checked],
  );
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 40,
    overscan: 10,
  });
  const sources = useMemo(
    () => [...new Set(documents.map((d) => d.source).filter((s): s is string => !!s))].sort(),
    [documents],
  );
  const set = (patch: LibraryFilter) => setFilter((f) => ({ ...f, ...patch }));
  const toggle = (id: string) =>
    setChecked((c) => {
      const next = new Set(c);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allShownChecked = shown.length > 0 && shown.every((d) => checked.has(d.id));

  return (
    <section className="view library-view" aria-label="Library">
      <header className="view-header">
        <h1>Library</h1>
        <p className="count" role="status">
          {shown.length === documents.length
            ? `${documents.length} documents`
            : `${shown.length} of ${documents.length} documents`}
        </p>
        <div className="view-actions">
          <button
            type="button"
            className="danger"
            disabled={selected.length === 0}
            onClick={() => setConfirming(selected)}
          >
            Delete selected{selected.length > 0 ? ` (${selected.length})` : ''}
          </button>
        </div>
      </header>
      <form className="filters" aria-label="Library filters" onSubmit={(e) => e.preventDefault()}>
        <label className="field">
          Title contains
          <input
            type="search"
            value={filter.title ?? ''}
            onChange={(e) => set({ title: e.target.value })}
          />
        </label>
        <label className="field">
          Source
          <input
            list="library-sources"
            value={filter.source ?? ''}
            onChange={(e) => set({ source: e.target.value })}
          />
        </label>
        <datalist id="library-sources">
          {sources.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <label className="field">
          Type
          <select
            value={filter.type ?? ''}
            onChange={(e) =>
              set({ type: e.target.value ? DocFormatSchema.parse(e.target.value) : '' })
            }
          >
            <option value="">Any</option>
            {DocFormatSchema.options.map((f) => (
              <option key={f} value={f}>
                {TYPE_NAMES[f]}
              </option>
            ))}
          </select>
        </label>
        <DateRange from={filter.from} to={filter.to} onChange={set} />
        <label className="field">
          Annotations
          <select
            value={filter.annotated ?? ''}
            onChange={(e) => set({ annotated: e.target.value as LibraryFilter['annotated'] })}
          >
            <option value="">Any</option>
            <option value="yes">Has annotations</option>
            <option value="no">No annotations</option>
          </select>
        </label>
        <button
          type="reset"
          disabled={!Object.values(filter).some(Boolean)}
          onClick={() => setFilter({})}
        >
          Clear filters
        </button>
      </form>
      <div className="library-table">
        <div className="library-head">
          <span className="cell-check">
            <input
              type="checkbox"
              aria-label="Select every document shown"
              checked={allShownChecked}
              onChange={() =>
                setChecked(allShownChecked ? new Set() : new Set(shown.map((d) => d.id)))
              }
            />
          </span>
          {COLUMNS.map(({ key, label }) => (
            <span key={key} className={`cell-${key}`}>
              <button
                type="button"
                className="sort"
                aria-pressed={sort.key === key}
                aria-label={`Sort by ${label.toLowerCase()}${sort.key === key ? (sort.descending ? ', descending' : ', ascending') : ''}`}
                onClick={() =>
                  setSort((s) => ({ key, descending: s.key === key ? !s.descending : false }))
                }
              >
                {label}
                {sort.key === key ? (sort.descending ? ' ↓' : ' ↑') : ''}
              </button>
            </span>
          ))}
        </div>
        {shown.length === 0 ? (
          <p className="muted empty-rows">No document matches these filters.</p>
        ) : null}
        <div ref={scroller} className="library-scroll" tabIndex={-1}>
          <ul
            className="document-list"
            aria-label="Documents"
            style={{ height: virtual.getTotalSize() }}
          >
            {virtual.getVirtualItems().map((row) => {
              const doc = shown[row.index] as DocumentRecord;
              const n = counts?.get(doc.id) ?? 0;
              return (
                <li
                  key={doc.id}
                  data-index={row.index}
                  ref={virtual.measureElement}
                  aria-setsize={shown.length}
                  aria-posinset={row.index + 1}
                  className="library-row"
                  style={{ transform: `translateY(${row.start}px)` }}
                >
                  <span className="cell-check">
                    <input
                      type="checkbox"
                      aria-label={`Select ${doc.title}`}
                      checked={checked.has(doc.id)}
                      onChange={() => toggle(doc.id)}
                    />
                  </span>
                  <span className="cell-title">
                    <button
                      type="button"
                      className="document-item"
                      aria-current={doc.id === openId ? 'true' : undefined}
                      onClick={() => openDocument(doc.id)}
                    >
                      <span className="title">{doc.title}</span>
                      {doc.flags?.includes('no-text') ? (
                        <span className="meta"> no text: scanned?</span>
                      ) : null}
                    </button>
                  </span>
                  <span className="cell-source">{doc.source ?? 'Unknown source'}</span>
                  <span className="cell-date">{doc.date ?? 'undated'}</span>
                  <span className="cell-type">
                    {TYPE_NAMES[doc.format]}
                    {doc.pageCount ? `, ${doc.pageCount} p.` : ''}
                  </span>
                  <span className="cell-annotations">
                    {n > 0 ? `${n} annotation${n === 1 ? '' : 's'}` : '—'}
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
      </div>
      {confirming ? (
        <DeleteDocumentsDialog
          ids={confirming}
          onClose={(deleted) => {
            setConfirming(null);
            if (deleted) setChecked(new Set());
          }}
        />
      ) : null}
    </section>
  );
}
