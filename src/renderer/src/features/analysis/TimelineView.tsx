import * as Plot from '@observablehq/plot';
import { useCallback, useMemo, useState } from 'react';
import { buildTimeline, type TimelineMark } from '@core/analysis';
import { quoteOf } from '@core/annotations/selectors-of';
import { TAG_LABELS } from '@core/model';
import { ChartFrame } from '../../ui/ChartFrame';
import { keyedMarks } from '../../ui/plot-keys';
import { PlotFigure } from '../../ui/PlotFigure';
import { openAnnotation } from '../reader/reader-store';
import { useRenderedMark, type AnalysisData } from './analysis-data';

const LANES_PER_PAGE = 20;

const KIND_LABELS = { pledge: 'pledge', supports: 'supports', contradicts: 'contradicts' } as const;
/** A sign beside each linked mark, so the relation reads without colour or shape. */
const KIND_SIGNS = { pledge: '', supports: '+', contradicts: '−' } as const;

interface Row extends TimelineMark {
  lane: string;
  laneLabel: string;
  key: string;
  label: string;
}

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
  const rows = useMemo<Row[]>(
    () =>
      lanes.flatMap((lane) =>
        lane.marks.map((m) => {
          const doc = data.library.docs.get(m.annotation.docId);
          return {
            ...m,
            lane: lane.chainId,
            laneLabel: lane.label,
            key: `${m.annotation.docId}\u0000${m.annotation.id}`,
            label: `${m.date}, ${TAG_LABELS[m.tag]}${m.kind === 'pledge' ? '' : `, ${KIND_LABELS[m.kind]}`}: ${quoteOf(m.annotation).slice(0, 80)} (${doc?.title ?? 'deleted document'})`,
          };
        }),
      ),
    [lanes, data],
  );
  useRenderedMark('timeline', true, rows);

  const make = useCallback(() => {
    const labels = new Map(lanes.map((l) => [l.chainId, l.label]));
    const short = (id: string) => {
      const text = labels.get(id) ?? id;
      return text.length > 48 ? `${text.slice(0, 47)}…` : text;
    };
    const toDate = (d: string) => new Date(`${d}T00:00:00Z`);
    const spans = lanes.map((l) => ({
      lane: l.chainId,
      x1: toDate((l.marks[0] as TimelineMark).date),
      x2: toDate((l.marks.at(-1) as TimelineMark).date),
    }));
    const solid = rows.filter((r) => r.kind !== 'contradicts');
    const hollow = rows.filter((r) => r.kind === 'contradicts');
    const dot = (list: Row[], dashed: boolean) =>
      Plot.dot(list, {
        x: (r: Row) => toDate(r.date),
        y: 'lane',
        symbol: (r: Row) => TAG_LABELS[r.tag],
        r: 6,
        stroke: (r: Row) => TAG_LABELS[r.tag],
        strokeWidth: 2,
        fill: dashed ? 'white' : (r: Row) => TAG_LABELS[r.tag],
        ...(dashed ? { strokeDasharray: '2,1.5' } : {}),
        title: 'label',
        render: keyedMarks(
          (i) => (list[i] as Row).key,
          (i) => (list[i] as Row).label,
        ),
      });
    return Plot.plot({
      marginLeft: 330,
      marginRight: 30,
      width: 1100,
      height: 70 + lanes.length * 34,
      x: { type: 'utc', label: 'Statement date', grid: true },
      y: { domain: lanes.map((l) => l.chainId), tickFormat: short, label: null },
      symbol: {
        domain: ['Pledge', 'Evidence', 'Critique'],
        range: ['square', 'circle', 'triangle'],
        legend: true,
      },
      color: {
        domain: ['Pledge', 'Evidence', 'Critique'],
        range: ['#b8860b', '#1d6b3a', '#8f2a1d'],
      },
      marks: [
        Plot.ruleY(spans, { y: 'lane', x1: 'x1', x2: 'x2', stroke: '#bbb', ariaHidden: 'true' }),
        dot(solid, false),
        dot(hollow, true),
        Plot.text(
          rows.filter((r) => r.kind !== 'pledge'),
          {
            x: (r: Row) => toDate(r.date),
            y: 'lane',
            text: (r: Row) => KIND_SIGNS[r.kind],
            dy: -12,
            fontSize: 13,
            fontWeight: 'bold',
            ariaHidden: 'true',
          },
        ),
      ],
      ariaLabel: 'Timeline of pledge chains',
    });
  }, [lanes, rows]);

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
