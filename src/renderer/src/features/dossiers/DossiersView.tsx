import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import {
  filterDossiers,
  sortDossiers,
  summarizeChains,
  type DossierFilter,
  type DossierSortKey,
} from '@core/analysis';
import { quoteOf } from '@core/annotations/selectors-of';
import { PLEDGE_STATUS_LABELS, PLEDGE_STATUSES, type PledgeStatus } from '@core/model';
import { useAnalysisData, useRenderedMark } from '../analysis/analysis-data';
import { openAnnotation } from '../reader/reader-store';
import { formatHash } from '../workspace/route';
import { navigate } from '../workspace/route-store';
import { BalanceBar } from './BalanceBar';
import { PledgeDossier } from './PledgeDossier';
import { DateRange } from '../../ui/DateRange';

const COLUMNS: { key: DossierSortKey | null; label: string }[] = [
  { key: null, label: 'Pledge' },
  { key: 'actor', label: 'Actor' },
  { key: 'first', label: 'First stated' },
  { key: 'last', label: 'Last stated' },
  { key: 'status', label: 'Status' },
  { key: 'balance', label: 'Balance' },
  { key: 'latest', label: 'Latest evidence' },
];

/** Every pledge chain summed up; opening one shows its Pledge dossier. */
export function DossiersView({ pledgeId }: { pledgeId: string | null }) {
  if (pledgeId) {
    return (
      <PledgeDossier
        pledgeId={pledgeId}
        onOpen={openAnnotation}
        onClose={() => navigate({ view: 'dossiers', pledgeId: null })}
      />
    );
  }
  return <DossierList />;
}

function DossierList() {
  const data = useAnalysisData();
  const [filter, setFilter] = useState<DossierFilter>({});
  const [sort, setSort] = useState<{ key: DossierSortKey; descending: boolean }>({
    key: 'first',
    descending: false,
  });
  const rows = useMemo(() => (data ? summarizeChains(data.chains, data.library) : []), [data]);
  const shown = useMemo(
    () => sortDossiers(filterDossiers(rows, filter), sort.key, sort.descending),
    [rows, filter, sort],
  );
  useRenderedMark('dossiers', data !== undefined, shown);
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 64,
    overscan: 8,
  });
  const set = (patch: DossierFilter) => setFilter((f) => ({ ...f, ...patch }));

  return (
    <section className="view dossiers-view" aria-label="Dossiers">
      <header className="view-header">
        <h1>Dossiers</h1>
        <p className="count" role="status">
          {!data
            ? 'Loading…'
            : shown.length === rows.length
              ? `${rows.length} pledge chains`
              : `${shown.length} of ${rows.length} pledge chains`}
        </p>
      </header>
      <p className="muted view-intro">
        Each row is a pledge with its repetitions (pledges linked by <em>repeats</em>), and what
        supports or contradicts any of them.
      </p>
      <form className="filters" aria-label="Dossier filters" onSubmit={(e) => e.preventDefault()}>
        <label className="field">
          Status
          <select
            value={filter.status ?? ''}
            onChange={(e) => set({ status: e.target.value as PledgeStatus | 'none' | '' })}
          >
            <option value="">Any</option>
            {PLEDGE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {PLEDGE_STATUS_LABELS[s]}
              </option>
            ))}
            <option value="none">Not assessed</option>
          </select>
        </label>
        <label className="field">
          Actor
          <input value={filter.actor ?? ''} onChange={(e) => set({ actor: e.target.value })} />
        </label>
        <DateRange
          from={filter.from}
          to={filter.to}
          onChange={set}
          labels={['Stated from', 'Stated to']}
        />
        <label className="field">
          Balance
          <select
            value={filter.balance ?? ''}
            onChange={(e) => set({ balance: e.target.value as DossierFilter['balance'] })}
          >
            <option value="">Any</option>
            <option value="supported">More support</option>
            <option value="contradicted">More contradiction</option>
            <option value="even">Even</option>
            <option value="none">No evidence</option>
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
      {data && rows.length === 0 ? (
        <p className="muted">
          No pledges yet. Tag a passage as a pledge in the Reader, or load the sample collection
          with annotations.
        </p>
      ) : null}
      <div
        className="grid-table dossier-table"
        role="table"
        aria-label="Pledge chains"
        aria-rowcount={shown.length + 1}
      >
        <div className="grid-row grid-head" role="row" aria-rowindex={1}>
          {COLUMNS.map(({ key, label }) => (
            <span
              key={label}
              role="columnheader"
              aria-sort={
                key && sort.key === key ? (sort.descending ? 'descending' : 'ascending') : undefined
              }
            >
              {key ? (
                <button
                  type="button"
                  className="sort"
                  onClick={() =>
                    setSort((s) => ({ key, descending: s.key === key ? !s.descending : false }))
                  }
                >
                  {label}
                  {sort.key === key ? (sort.descending ? ' ↓' : ' ↑') : ''}
                </button>
              ) : (
                label
              )}
            </span>
          ))}
        </div>
        <div ref={scroller} className="grid-scroll" role="rowgroup">
          <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
            {virtual.getVirtualItems().map((v) => {
              const row = shown[v.index];
              if (!row) return null;
              return (
                <div
                  key={row.chainId}
                  role="row"
                  aria-rowindex={v.index + 2}
                  className="grid-row"
                  data-index={v.index}
                  ref={virtual.measureElement}
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    transform: `translateY(${v.start}px)`,
                  }}
                >
                  <span role="cell" className="cell-quote">
                    <a
                      href={formatHash({ view: 'dossiers', pledgeId: row.pledge.id })}
                      onClick={(e) => {
                        e.preventDefault();
                        navigate({ view: 'dossiers', pledgeId: row.pledge.id });
                      }}
                    >
                      {quoteOf(row.pledge)}
                    </a>
                    {row.pledgeCount > 1 ? (
                      <span className="muted"> ({row.pledgeCount} wordings)</span>
                    ) : null}
                  </span>
                  <span role="cell">{row.actor ?? '—'}</span>
                  <span role="cell">{row.firstDate ?? 'undated'}</span>
                  <span role="cell">{row.lastDate ?? 'undated'}</span>
                  <span role="cell">
                    {row.status ? PLEDGE_STATUS_LABELS[row.status] : 'Not assessed'}
                  </span>
                  <span role="cell">
                    <BalanceBar balance={row.balance} />
                  </span>
                  <span role="cell">
                    {row.latestEvidence ?? '—'}
                    {row.undatedItems > 0 ? (
                      <span className="muted"> (+{row.undatedItems} undated)</span>
                    ) : null}
                  </span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </section>
  );
}
