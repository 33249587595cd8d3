import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom/worker';
import { TAG_LABELS } from '@core/model';
import type { ReportChart, ReportTimeline } from '@core/export/report-types';
import { shorten } from '@core/export/arrange-report';
import { flat } from '@core/export/report-text';
import { timelineAlt } from '@core/export/report-timeline';
import { esc } from '@core/export/write-html';
import { xmlSafe } from '@core/export/xml-safe';
import { plottedMarks, timelinePlotOptions } from '../analysis/timeline-plot';

/** Wide enough to read, narrow enough for a page's text width at print size. */
export const REPORT_CHART_WIDTH = 640;

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * A pledge dossier's timeline chart as a standalone SVG, drawn with the Timeline view's spec
 * into linkedom's document (a worker has no DOM) and written out with every string escaped,
 * so the analyst's words in its tooltips can never become markup. Undefined when nothing of
 * the chain is dated.
 */
export function drawReportChart(timeline: ReportTimeline): ReportChart | undefined {
  const lane = timeline.lane;
  if (!lane || lane.marks.length === 0) return undefined;
  const { document } = parseHTML('<!DOCTYPE html><html><head></head><body></body></html>');
  const rows = new Map(lane.marks.map((m, i) => [m, timeline.rows[i]]));
  const marks = plottedMarks([lane], (m) => {
    const row = rows.get(m);
    const relation = m.kind === 'pledge' ? '' : `, ${m.kind}`;
    const actor = m.annotation.actor ? `, ${flat(m.annotation.actor)}` : '';
    return `${m.date}, ${TAG_LABELS[m.tag]}${relation}${actor}: ${shorten(row?.passage ?? '', 120)} (${flat(row?.title ?? '')})`;
  });
  const options = timelinePlotOptions([lane], marks, {
    width: REPORT_CHART_WIDTH,
    marginLeft: 24,
    laneNames: false,
    legend: false,
    ariaLabel: timelineAlt(timeline),
    document: document as unknown as Document,
  });
  const svg = Plot.plot(options) as unknown as Element;
  svg.setAttribute('xmlns', SVG_NS);
  svg.setAttribute('role', 'img');
  // A white ground, so the picture reads the same on a dark viewer and in a PNG.
  const ground = document.createElementNS(SVG_NS, 'rect');
  ground.setAttribute('width', '100%');
  ground.setAttribute('height', '100%');
  ground.setAttribute('fill', '#ffffff');
  svg.insertBefore(ground, svg.firstChild);
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  return { svg: svgMarkup(svg), width, height };
}

/**
 * Markup of an element and its subtree, valid as XML (a data-URI image) and as HTML (inline):
 * text and attribute values escaped, comments, event handlers and links left out.
 */
export function svgMarkup(node: Node): string {
  // Characters XML cannot hold (a PDF's stray control codes) are replaced, then markup escaped.
  if (node.nodeType === 3) return esc(xmlSafe(node.nodeValue ?? ''));
  if (node.nodeType !== 1) return '';
  const element = node as Element;
  const name = element.localName;
  const attributes = [...element.attributes]
    .filter((a) => !/^on/i.test(a.name) && !/href$/i.test(a.name))
    .map((a) => ` ${a.name}="${esc(xmlSafe(a.value))}"`)
    .join('');
  const children = [...element.childNodes].map(svgMarkup).join('');
  return `<${name}${attributes}>${children}</${name}>`;
}
