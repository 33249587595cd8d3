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
  const { domain, x } = sideBySide(marks, settings);
  const spans = lanes.map((l) => ({
    lane: l.chainId,
    x1: toDate((l.marks[0] as TimelineMark).date),
    x2: toDate((l.marks.at(-1) as TimelineMark).date),
  }));
  const dot = (list: readonly PlottedMark[], hollow: boolean) =>
    Plot.dot(list, {
      x,
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
    marginRight: MARGIN_RIGHT,
    width: settings.width,
    height: 70 + lanes.length * 34,
    x: { type: 'utc', label: 'Statement date', grid: true, domain, inset: INSET },
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
          x,
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

const MARGIN_RIGHT = 30;
/** Room inside the axis at either end, for marks set beside one on the first or last date. */
const INSET = 12;
/** Centre to centre, in pixels, of marks set side by side: a dot's width and a little air. */
const APART = 13;
const DAY = 86_400_000;

/**
 * Where each mark is drawn on the time axis. Marks of one lane on one date (a report that
 * gives evidence and a critique the same day) would be drawn on top of each other, and the
 * one underneath could be neither seen nor clicked: they are set side by side instead,
 * centred on their date, a few pixels apart (a dot is a few days wide at most scales, so none
 * moves further than the dots' own width from its date; its label gives the exact date).
 * The axis's domain is the marks' span, set here so that pixels can be turned into time.
 */
function sideBySide(marks: readonly PlottedMark[], settings: TimelinePlotSettings) {
  let min = Infinity;
  let max = -Infinity;
  const together = new Map<string, PlottedMark[]>();
  for (const m of marks) {
    const t = toDate(m.date).getTime();
    min = Math.min(min, t);
    max = Math.max(max, t);
    const key = `${m.lane}\u0000${m.date}`;
    const group = together.get(key);
    if (group) group.push(m);
    else together.set(key, [m]);
  }
  if (marks.length === 0) return { domain: undefined, x: (r: PlottedMark) => toDate(r.date) };
  // One date only: a month either side, so that the axis has a span to place marks in.
  if (min === max) [min, max] = [min - 30 * DAY, max + 30 * DAY];
  const pixels = Math.max(1, settings.width - settings.marginLeft - MARGIN_RIGHT - 2 * INSET);
  const perPixel = (max - min) / pixels;
  const at = new Map<PlottedMark, Date>();
  for (const group of together.values()) {
    group.forEach((m, j) => {
      const shift = (j - (group.length - 1) / 2) * APART * perPixel;
      at.set(m, new Date(toDate(m.date).getTime() + shift));
    });
  }
  return {
    domain: [new Date(min), new Date(max)],
    x: (r: PlottedMark) => at.get(r) ?? toDate(r.date),
  };
}
