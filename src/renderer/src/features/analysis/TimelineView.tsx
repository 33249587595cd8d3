import * as Plot from '@observablehq/plot';
import { useCallback, useMemo, useState } from 'react';
import { buildTimeline } from '@core/analysis';
import { quoteOf } from '@core/annotations/selectors-of';
import { TAG_LABELS } from '@core/model';
import { ChartFrame } from '../../ui/ChartFrame';
import { keyedMarks } from '../../ui/plot-keys';
import { PlotFigure } from '../../ui/PlotFigure';
import { openAnnotation } from '../reader/reader-store';
import { useRenderedMark, type AnalysisData } from './analysis-data';
import { plottedMarks, timelinePlotOptions, type PlottedMark } from './timeline-plot';

const LANES_PER_PAGE = 20;

const KIND_LABELS = { pledge: 'pledge', supports: 'supports', contradicts: 'contradicts' } as const;

interface Row extends PlottedMark {
  laneLabel: string;
}

/** What Enter or a click on a mark opens: its passage. */
const keyOf = (m: PlottedMark) => `${m.annotation.docId}\u0000${m.annotation.id}`;

/** Pledges' statement dates on a time axis, a lane per chain, with their evidence and critiques. */
export function TimelineView({ data }: { data: AnalysisData }) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(0);
  const timeline = useMemo(
    () =>
      buildTimeline(data.chains, data.library, {
        quote: quoteOf,
        from: from || undefined,
        to: to || undefined,
      }),
    [data, from, to],
  );
  const pages = Math.max(1, Math.ceil(timeline.lanes.length / LANES_PER_PAGE));
  const current = Math.min(page, pages - 1);
  const lanes = timeline.lanes.slice(current * LANES_PER_PAGE, (current + 1) * LANES_PER_PAGE);
  const rows = useMemo<Row[]>(() => {
    const labels = new Map(lanes.map((l) => [l.chainId, l.label]));
    return plottedMarks(lanes, (m) => {
      const doc = data.library.docs.get(m.annotation.docId);
      return `${m.date}, ${TAG_LABELS[m.tag]}${m.kind === 'pledge' ? '' : `, ${KIND_LABELS[m.kind]}`}: ${quoteOf(m.annotation).slice(0, 80)} (${doc?.title ?? 'deleted document'})`;
    }).map((m) => ({ ...m, laneLabel: labels.get(m.lane) ?? '' }));
  }, [lanes, data]);
  useRenderedMark('timeline', true, rows);

  const make = useCallback(
    () =>
      Plot.plot(
        timelinePlotOptions(lanes, rows, {
          width: 1100,
          marginLeft: 330,
          laneNames: true,
          legend: true,
          ariaLabel: 'Timeline of pledge chains',
          render: (list) =>
            keyedMarks(
              (i) => keyOf(list[i] as PlottedMark),
              (i) => (list[i] as PlottedMark).label,
            ),
        }),
      ),
    [lanes, rows],
  );

  const table = (
    <table className="timeline-table">
      <caption className="visually-hidden">Timeline marks in date order, by pledge chain</caption>
      <thead>
        <tr>
          <th scope="col">Pledge chain</th>
          <th scope="col">Date</th>
          <th scope="col">Tag</th>
          <th scope="col">Relation</th>
          <th scope="col">Passage</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.lane}-${r.annotation.id}-${r.kind}`}>
            <td>{r.laneLabel}</td>
            <td>{r.date}</td>
            <td>{TAG_LABELS[r.tag]}</td>
            <td>{r.kind === 'pledge' ? 'pledge of the chain' : KIND_LABELS[r.kind]}</td>
            <td>
              <button
                type="button"
                className="row-open"
                onClick={() => openAnnotation(r.annotation.docId, r.annotation.id)}
              >
                {quoteOf(r.annotation)}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <section className="view timeline-view" aria-label="Timeline">
      <header className="view-header">
        <h1>Timeline</h1>
        <label className="field inline-field">
          From
          <input type="date" value={from} onChange={(e) => (setFrom(e.target.value), setPage(0))} />
        </label>
        <label className="field inline-field">
          To
          <input type="date" value={to} onChange={(e) => (setTo(e.target.value), setPage(0))} />
        </label>
        <button
          type="button"
          disabled={!from && !to}
          onClick={() => {
            setFrom('');
            setTo('');
          }}
        >
          Whole period
        </button>
        <p className="count" role="status">
          {timeline.lanes.length} pledge chains
          {timeline.from ? `, ${timeline.from} to ${timeline.to}` : ''}
        </p>
      </header>
      <p className="muted view-intro">
        Squares are pledges, circles evidence, triangles critiques; filled marks support their
        pledge (+), hollow dashed ones contradict it (−). Tab to a mark, or click it, to open its
        passage.
      </p>
      {pages > 1 ? (
        <div className="pager">
          <button type="button" disabled={current === 0} onClick={() => setPage(current - 1)}>
            Earlier chains
          </button>
          <span>
            Chains {current * LANES_PER_PAGE + 1}–
            {Math.min(timeline.lanes.length, (current + 1) * LANES_PER_PAGE)} of{' '}
            {timeline.lanes.length}
          </span>
          <button
            type="button"
            disabled={current >= pages - 1}
            onClick={() => setPage(current + 1)}
          >
            Later chains
          </button>
        </div>
      ) : null}
      {lanes.length === 0 ? (
        <p className="muted">No dated pledge in this period.</p>
      ) : (
        <ChartFrame
          title="Pledge chains over time"
          fileName="dossier-timeline"
          table={<div className="table-scroll">{table}</div>}
          chart={
            <PlotFigure
              make={make}
              label="Timeline chart"
              onActivate={(key) => {
                const [docId, id] = key.split('\u0000');
                if (docId && id) openAnnotation(docId, id);
              }}
            />
          }
        />
      )}
    </section>
  );
}
