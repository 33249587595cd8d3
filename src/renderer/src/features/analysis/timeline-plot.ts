import * as Plot from '@observablehq/plot';
import type { TimelineLane, TimelineMark } from '@core/analysis';
import { TAG_LABELS } from '@core/model';

/**
 * The timeline chart's one spec, drawn by the Timeline view on the page and by the report
 * worker (with linkedom's document) for a pledge dossier's report.
 */

/** A sign beside each linked mark, so the relation reads without colour or shape. */
const KIND_SIGNS = { pledge: '', supports: '+', contradicts: '−' } as const;

export interface PlottedMark extends TimelineMark {
  lane: string;
  /** Its tooltip and, on screen, its accessible name. */
  label: string;
}

/** Every mark of the lanes, each with its lane and label, in lane then date order. */
export function plottedMarks(
  lanes: readonly TimelineLane[],
  labelOf: (mark: TimelineMark) => string,
): PlottedMark[] {
  return lanes.flatMap((lane) =>
    lane.marks.map((m) => ({ ...m, lane: lane.chainId, label: labelOf(m) })),
  );
}

export interface TimelinePlotSettings {
  width: number;
  /** Room on the left for the lanes' names; with `laneNames: false`, just for the marks. */
  marginLeft: number;
  /** False for a single lane named elsewhere (a report's caption). */
  laneNames: boolean;
  /** Plot's legend of shapes, which is HTML: only on the page. */
  legend: boolean;
  ariaLabel: string;
  /** Where to draw: the page's document by default, linkedom's in a worker. */
  document?: Document;
  /** On the page, makes the dots of `list` focusable (see keyedMarks). */
  render?: (list: readonly PlottedMark[]) => Plot.RenderFunction;
}

const toDate = (d: string) => new Date(`${d}T00:00:00Z`);

/**
 * Plot's options for the lanes: a lane per chain with a rule from its first mark to its last,
 * pledges as squares, evidence as circles, critiques as triangles, filled when they support
 * the pledge and hollow and dashed when they contradict it, with a + or − sign above.
 */
export function timelinePlotOptions(
  lanes: readonly TimelineLane[],
  marks: readonly PlottedMark[],
  settings: TimelinePlotSettings,
): Plot.PlotOptions {
  const labels = new Map(lanes.map((l) => [l.chainId, l.label]));
  const short = (id: string) => {
    const text = labels.get(id) ?? id;
    return text.length > 48 ? `${text.slice(0, 47)}…` : text;
  };
  const spans = lanes.map((l) => ({
    lane: l.chainId,
    x1: toDate((l.marks[0] as TimelineMark).date),
    x2: toDate((l.marks.at(-1) as TimelineMark).date),
  }));
  const dot = (list: readonly PlottedMark[], hollow: boolean) =>
    Plot.dot(list, {
      x: (r: PlottedMark) => toDate(r.date),
      y: 'lane',
      symbol: (r: PlottedMark) => TAG_LABELS[r.tag],
      r: 6,
      stroke: (r: PlottedMark) => TAG_LABELS[r.tag],
      strokeWidth: 2,
      fill: hollow ? 'white' : (r: PlottedMark) => TAG_LABELS[r.tag],
      ...(hollow ? { strokeDasharray: '2,1.5' } : {}),
      title: 'label',
      ...(settings.render ? { render: settings.render(list) } : {}),
    });
  return {
    ...(settings.document ? { document: settings.document } : {}),
    marginLeft: settings.marginLeft,
    marginRight: 30,
    width: settings.width,
    height: 70 + lanes.length * 34,
    x: { type: 'utc', label: 'Statement date', grid: true },
    y: {
      domain: lanes.map((l) => l.chainId),
      tickFormat: short,
      label: null,
      ...(settings.laneNames ? {} : { axis: null }),
    },
    symbol: {
      domain: ['Pledge', 'Evidence', 'Critique'],
      range: ['square', 'circle', 'triangle'],
      legend: settings.legend,
    },
    color: {
      domain: ['Pledge', 'Evidence', 'Critique'],
      range: ['#b8860b', '#1d6b3a', '#8f2a1d'],
    },
    marks: [
      Plot.ruleY(spans, { y: 'lane', x1: 'x1', x2: 'x2', stroke: '#bbb', ariaHidden: 'true' }),
      dot(
        marks.filter((r) => r.kind !== 'contradicts'),
        false,
      ),
      dot(
        marks.filter((r) => r.kind === 'contradicts'),
        true,
      ),
      Plot.text(
        marks.filter((r) => r.kind !== 'pledge'),
        {
          x: (r: PlottedMark) => toDate(r.date),
          y: 'lane',
          text: (r: PlottedMark) => KIND_SIGNS[r.kind],
          dy: -12,
          fontSize: 13,
          fontWeight: 'bold',
          ariaHidden: 'true',
        },
      ),
    ],
    ariaLabel: settings.ariaLabel,
  };
}
