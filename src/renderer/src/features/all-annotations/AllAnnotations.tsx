import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  actorsByUse,
  filterRows,
  sortRows,
  toRows,
  type AnnotationFilter,
  type SortKey,
} from '@core/annotations/annotation-filter';
import {
  PLEDGE_STATUS_LABELS,
  PLEDGE_STATUSES,
  TAG_LABELS,
  TAGS,
  type PledgeStatus,
  type Tag,
} from '@core/model';
import { useAnalysisData, useRenderedMark } from '../analysis/analysis-data';
import { DateRange } from '../../ui/DateRange';
import { publishShownAnnotations } from './shown-annotations';

interface Props {
  onOpen: (docId: string, annotationId: string) => void;
}

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'date', label: 'Date' },
  { key: 'tag', label: 'Tag' },
  { key: 'quote', label: 'Quote' },
  { key: 'actor', label: 'Actor' },
  { key: 'document', label: 'Document' },
];

/** Every annotation in the library, filtered and sorted; a row opens its document. */
export function AllAnnotations({ onOpen }: Props) {
  // The library as the analysis views share it: loaded once, kept current.
  const analysis = useAnalysisData();
  // Read from the library already loaded, not from the database again.
  const actors = useMemo(
    () => (analysis ? actorsByUse(analysis.library.annotations.map((a) => a.actor)) : []),
    [analysis],
  );
  const [filter, setFilter] = useState<AnnotationFilter>({});
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({
    key: 'date',
    descending: false,
  });
  const rows = useMemo(
    () => (analysis ? toRows(analysis.library.annotations, analysis.library.documents) : []),
    [analysis],
  );
  const shown = useMemo(
    () => sortRows(filterRows(rows, filter), sort.key, sort.descending),
    [rows, filter, sort],
  );
  useEffect(() => {
    if (analysis)
      publishShownAnnotations({ ids: shown.map((r) => r.annotation.id), total: rows.length });
  }, [analysis, shown, rows.length]);
  useEffect(() => () => publishShownAnnotations(null), []);
  const sources = useMemo(
    () => [...new Set(analysis?.library.documents.map((d) => d.source).filter(Boolean))].sort(),
    [analysis],
  );
  const set = (patch: AnnotationFilter) => setFilter((f) => ({ ...f, ...patch }));
  useRenderedMark('annotations', analysis !== undefined, shown);
  // Only the rows in view are drawn, so a library of tens of thousands stays quick.
  const scroller = useRef<HTMLElement>(null);
  const virtual = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 48,
    overscan: 12,
  });
  const items = virtual.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtual.getTotalSize() - (items.at(-1)?.end ?? 0);
  const active = Object.values(filter).some((v) => v);

  return (
    <section ref={scroller} className="view all-annotations" aria-label="All annotations">
      <header className="view-header">
        <h1>All annotations</h1>
        <p className="count" role="status">
          {shown.length === rows.length
            ? `${rows.length} annotations`
            : `${shown.length} of ${rows.length} annotations`}
        </p>
      </header>
      <form className="filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
        <label className="field">
          Tag
          <select
            aria-label="Tag"
            value={filter.tag ?? ''}
            onChange={(e) => set({ tag: e.target.value as Tag })}
          >
            <option value="">Any</option>
            {TAGS.map((t) => (
              <option key={t} value={t}>
                {TAG_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Actor
          <input
            list="all-annotations-actors"
            value={filter.actor ?? ''}
            onChange={(e) => set({ actor: e.target.value })}
          />
        </label>
        <datalist id="all-annotations-actors">
          {actors.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        <label className="field">
          Source
          <input
            list="all-annotations-sources"
            value={filter.source ?? ''}
            onChange={(e) => set({ source: e.target.value })}
          />
        </label>
        <datalist id="all-annotations-sources">
          {sources.map((s) => (
            <option key={s} value={s ?? ''} />
          ))}
        </datalist>
        <label className="field">
          Document title contains
          <input
            type="search"
            value={filter.document ?? ''}
            onChange={(e) => set({ document: e.target.value })}
          />
        </label>
        <DateRange from={filter.from} to={filter.to} onChange={set} />
        <label className="field">
          Status
          <select
            aria-label="Status"
            value={filter.status ?? ''}
            onChange={(e) => set({ status: e.target.value as PledgeStatus })}
          >
            <option value="">Any</option>
            {PLEDGE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {PLEDGE_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Quote or note contains
          <input
            type="search"
            value={filter.text ?? ''}
            onChange={(e) => set({ text: e.target.value })}
          />
        </label>
        <button type="reset" disabled={!active} onClick={() => setFilter({})}>
          Clear filters
        </button>
      </form>
      {analysis && rows.length === 0 ? (
        <p className="muted">No annotations yet. Select a passage in a document and tag it.</p>
      ) : null}
      {rows.length > 0 && shown.length === 0 ? (
        <p className="muted">No annotation matches these filters.</p>
      ) : null}
      {shown.length > 0 ? (
        <table className="annotation-table" aria-rowcount={shown.length + 1}>
          <thead>
            <tr aria-rowindex={1}>
              {COLUMNS.map(({ key, label }) => (
                <th
                  key={key}
                  aria-sort={
                    sort.key === key ? (sort.descending ? 'descending' : 'ascending') : undefined
                  }
                >
                  <button
                    type="button"
                    onClick={() =>
                      setSort((s) => ({
                        key,
                        descending: s.key === key ? !s.descending : false,
                      }))
                    }
                  >
                    {label}
                  </button>
                </th>
              ))}
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {padTop > 0 ? <tr aria-hidden="true" style={{ height: padTop }} /> : null}
            {items.map((item) => {
              const {
                annotation: a,
                doc,
                quote,
                date,
              } = shown[item.index] as (typeof shown)[number];
              return (
                <tr
                  key={a.id}
                  className={`tag-${a.tag}`}
                  data-index={item.index}
                  ref={virtual.measureElement}
                  aria-rowindex={item.index + 2}
                >
                  <td>{date ?? 'undated'}</td>
                  <td>
                    <span className={`tag-label tag-${a.tag}`}>{TAG_LABELS[a.tag]}</span>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="row-open"
                      onClick={() => onOpen(a.docId, a.id)}
                    >
                      {quote}
                    </button>
                    {a.note ? <p className="note-preview">{a.note}</p> : null}
                  </td>
                  <td>{a.actor ?? ''}</td>
                  <td>{doc?.title ?? 'Deleted document'}</td>
                  <td>{a.status ? PLEDGE_STATUS_LABELS[a.status] : ''}</td>
                </tr>
              );
            })}
            {padBottom > 0 ? <tr aria-hidden="true" style={{ height: padBottom }} /> : null}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
