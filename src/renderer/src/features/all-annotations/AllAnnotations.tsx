import { useEffect, useMemo, useState } from 'react';
import {
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
import { useActors, useLibraryAnnotations } from '../annotations/use-library-annotations';
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
  const data = useLibraryAnnotations();
  const actors = useActors();
  const [filter, setFilter] = useState<AnnotationFilter>({});
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({
    key: 'date',
    descending: false,
  });
  const rows = useMemo(() => (data ? toRows(data.annotations, data.documents) : []), [data]);
  const shown = useMemo(
    () => sortRows(filterRows(rows, filter), sort.key, sort.descending),
    [rows, filter, sort],
  );
  useEffect(() => {
    if (data)
      publishShownAnnotations({ ids: shown.map((r) => r.annotation.id), total: rows.length });
  }, [data, shown, rows.length]);
  useEffect(() => () => publishShownAnnotations(null), []);
  const sources = useMemo(
    () => [...new Set(data?.documents.map((d) => d.source).filter(Boolean))].sort(),
    [data],
  );
  const set = (patch: AnnotationFilter) => setFilter((f) => ({ ...f, ...patch }));
  const active = Object.values(filter).some((v) => v);

  return (
    <section className="view all-annotations" aria-label="All annotations">
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
          Document
          <select
            aria-label="Document"
            value={filter.docId ?? ''}
            onChange={(e) => set({ docId: e.target.value })}
          >
            <option value="">Any</option>
            {data?.documents.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          From date
          <input
            type="date"
            value={filter.from ?? ''}
            onChange={(e) => set({ from: e.target.value })}
          />
        </label>
        <label className="field">
          To date
          <input
            type="date"
            value={filter.to ?? ''}
            onChange={(e) => set({ to: e.target.value })}
          />
        </label>
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
      {data && rows.length === 0 ? (
        <p className="muted">No annotations yet. Select a passage in a document and tag it.</p>
      ) : null}
      {rows.length > 0 && shown.length === 0 ? (
        <p className="muted">No annotation matches these filters.</p>
      ) : null}
      {shown.length > 0 ? (
        <table className="annotation-table">
          <thead>
            <tr>
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
            {shown.map(({ annotation: a, doc, quote, date }) => (
              <tr key={a.id} className={`tag-${a.tag}`}>
                <td>{date ?? 'undated'}</td>
                <td>
                  <span className={`tag-label tag-${a.tag}`}>{TAG_LABELS[a.tag]}</span>
                </td>
                <td>
                  <button type="button" className="row-open" onClick={() => onOpen(a.docId, a.id)}>
                    {quote}
                  </button>
                  {a.note ? <p className="note-preview">{a.note}</p> : null}
                </td>
                <td>{a.actor ?? ''}</td>
                <td>{doc?.title ?? 'Deleted document'}</td>
                <td>{a.status ? PLEDGE_STATUS_LABELS[a.status] : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
