import { TAGS } from '../model';
import { formatCiteToken } from './cite-token';
import {
  arrangementLine,
  citationLine,
  countsLine,
  flat,
  itemDetails,
  itemHeadParts,
  REPORT_TITLE,
  scopeLine,
  sourceLine,
  SOURCES_INTRO,
  SOURCES_TITLE,
  TAG_STYLES,
  tagGroupBefore,
  tagLabel,
  timestamp,
  UNVERIFIED_INTRO,
  UNVERIFIED_TITLE,
} from './report-text';
import type { Citation, Report, ReportChart, ReportItem, ReportTimeline } from './report-types';
import {
  TIMELINE_ANCHOR,
  TIMELINE_CAPTION,
  TIMELINE_HEADERS,
  TIMELINE_KEY,
  TIMELINE_TITLE,
  timelineCells,
  timelineUndatedNote,
} from './report-timeline';
import { SOURCES_ANCHOR, UNVERIFIED_ANCHOR } from './write-markdown';

/** Nothing may load or run: no script, no remote resource, no form, no base URL. */
export const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** The attribute on each quote that carries its citation token for Verify report. */
export const CITE_ATTRIBUTE = 'data-dossier-cite';

/**
 * The report as one self-contained HTML file: inline CSS, no script, no remote resource, a
 * table of contents with working anchors, and print styles (one heading per page, quotes never
 * split). Printed, it is the PDF report. Each quote is a `<blockquote>` whose text is the quote
 * and whose `data-dossier-cite` attribute holds its citation token. A pledge dossier opens
 * with its timeline: `chart`'s SVG inline (it is drawn outside core, escaped as it is
 * written), a caption, and a table of the same marks.
 */
export function writeHtml(report: Report, chart?: ReportChart): string {
  const toc = tocEntries(report);
  const parts: string[] = [htmlHead(report, STYLE), '<body>', headerHtml(report)];
  if (toc.length > 0) {
    parts.push('<nav class="toc" aria-labelledby="contents"><h2 id="contents">Contents</h2><ol>');
    for (const e of toc) parts.push(`<li><a href="#${e.id}">${esc(e.title)}</a></li>`);
    parts.push('</ol></nav>');
  }
  parts.push('<main>');
  if (report.timeline) parts.push(timelineHtml(report.timeline, chart));
  for (const section of report.sections) {
    parts.push(`<section class="chapter" id="${section.id}">`, `<h2>${esc(section.title)}</h2>`);
    if (section.subtitle) parts.push(`<p class="subtitle">${esc(section.subtitle)}</p>`);
    section.items.forEach((item, i) => {
      const group = tagGroupBefore(report, section, i);
      if (group) parts.push(`<h3>${esc(group)}</h3>`);
      parts.push(itemHtml(item));
    });
    parts.push('</section>');
  }
  if (report.unverified.length > 0) {
    parts.push(
      `<section class="chapter unverified" id="${UNVERIFIED_ANCHOR}">`,
      `<h2>${UNVERIFIED_TITLE}</h2>`,
      `<p class="subtitle">${esc(UNVERIFIED_INTRO)}</p>`,
      ...report.unverified.map((item) => itemHtml(item)),
      '</section>',
    );
  }
  if (report.sources.length > 0) {
    parts.push(
      `<section class="chapter" id="${SOURCES_ANCHOR}">`,
      `<h2>${SOURCES_TITLE}</h2>`,
      `<p class="subtitle">${esc(SOURCES_INTRO)}</p>`,
      '<ol class="sources">',
      ...report.sources.map(sourceHtml),
      '</ol>',
      '</section>',
    );
  }
  parts.push('</main>', '</body>', '</html>', '');
  return parts.join('\n');
}

/** A pledge dossier's timeline as a section of the report, after its contents. */
function timelineHtml(timeline: ReportTimeline, chart: ReportChart | undefined): string {
  return [
    `<section class="chapter timeline" id="${TIMELINE_ANCHOR}">`,
    `<h2>${TIMELINE_TITLE}</h2>`,
    timelineBody(timeline, chart),
    '</section>',
  ].join('\n');
}

/** The timeline's chart (when drawn), what is not drawn, and a table of its marks. */
export function timelineBody(timeline: ReportTimeline, chart: ReportChart | undefined): string {
  const undated = timelineUndatedNote(timeline);
  const drawn = chart && timeline.rows.length > 0;
  return [
    drawn
      ? `<figure class="chart">${chart.svg}<figcaption>${esc(TIMELINE_CAPTION)} ${esc(TIMELINE_KEY)}</figcaption></figure>`
      : '',
    undated ? `<p class="subtitle">${esc(undated)}</p>` : '',
    timeline.rows.length > 0
      ? [
          '<table class="marks">',
          '<caption>Timeline marks in date order</caption>',
          `<thead><tr>${TIMELINE_HEADERS.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>`,
          '<tbody>',
          ...timeline.rows.map(
            (row) =>
              `<tr>${timelineCells(row)
                .map((c) => `<td>${esc(flat(c))}</td>`)
                .join('')}</tr>`,
          ),
          '</tbody>',
          '</table>',
        ].join('\n')
      : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** The document's title: what the report is, its scope and its day. */
export function reportTitle(report: Report): string {
  return `${REPORT_TITLE} — ${scopeLine(report)} — ${report.options.generatedAt.toISOString().slice(0, 10)}`;
}

/** From the doctype to the end of `<head>`, with the given stylesheet inline. */
export function htmlHead(report: Report, style: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="generator" content="Dossier">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(reportTitle(report))}</title>`,
    `<style>${style}</style>`,
    '</head>',
  ].join('\n');
}

/** The report's title block: scope, arrangement, when, the counts and the tags' legend. */
export function headerHtml(report: Report, h1 = `<h1>${REPORT_TITLE}</h1>`): string {
  return [
    '<header>',
    h1,
    `<p class="meta">${esc(`${scopeLine(report)} · ${arrangementLine(report)} · Generated ${timestamp(report.options.generatedAt)}`)}</p>`,
    `<p class="counts">${esc(countsLine(report))}</p>`,
    `<p class="legend">${TAGS.map((t) => `<span class="tag tag-${t}">${tagLabel(t)}</span>`).join(' ')}</p>`,
    '</header>',
  ].join('\n');
}

/** The headings the contents list leads to, in report order. */
export function tocEntries(report: Report): { id: string; title: string }[] {
  return [
    ...(report.timeline ? [{ id: TIMELINE_ANCHOR, title: TIMELINE_TITLE }] : []),
    ...report.sections.map((s) => ({ id: s.id, title: s.title })),
    ...(report.unverified.length > 0 ? [{ id: UNVERIFIED_ANCHOR, title: UNVERIFIED_TITLE }] : []),
    ...(report.sources.length > 0 ? [{ id: SOURCES_ANCHOR, title: SOURCES_TITLE }] : []),
  ];
}

export function sourceHtml(s: Citation): string {
  return `<li><strong>${esc(flat(s.title))}</strong><br>${esc(sourceLine(s))}</li>`;
}

/**
 * One quote with everything said of it. `cite` adds the citation token Verify report reads
 * back; a printed report has no use for it (a PDF is not read back).
 */
export function itemHtml(item: ReportItem, cite = true): string {
  const head = [
    `<span class="tag tag-${item.tag}">${tagLabel(item.tag)}</span>`,
    ...itemHeadParts(item).map(esc),
  ].join(' · ');
  const details = itemDetails(item);
  const note = item.annotation.note.trim();
  return [
    `<article class="item item-${item.tag}">`,
    `<p class="head">${head}</p>`,
    cite
      ? `<blockquote class="quote quote-${item.tag}" ${CITE_ATTRIBUTE}="${esc(formatCiteToken(item.citation))}">${esc(item.quote)}</blockquote>`
      : `<blockquote class="quote quote-${item.tag}">${esc(item.quote)}</blockquote>`,
    `<p class="cite">${esc(citationLine(item.citation))}</p>`,
    details.length > 0
      ? `<dl class="details">${details.map((d) => `<dt>${esc(d.label)}</dt><dd>${esc(d.value)}</dd>`).join('')}</dl>`
      : '',
    note !== '' ? `<div class="note"><p class="note-label">Note</p><p>${esc(note)}</p></div>` : '',
    '</article>',
  ]
    .filter(Boolean)
    .join('\n');
}

/** Text and attribute values: every character that could start markup or end a value. */
export function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

// Colour, border style and the tag's name: never colour alone.
const tagRules = TAGS.map((t) => {
  const s = TAG_STYLES[t];
  return [
    `.tag-${t}{background:#${s.fill};color:#${s.ink};border:3px ${s.border} #${s.ink}}`,
    `.quote-${t}{background:#${s.fill}40;border-left:6px ${s.border} #${s.ink}}`,
  ].join('');
}).join('\n');

const STYLE = [
  'body{font:11pt/1.5 Georgia,"Times New Roman",serif;color:#1d1d1d;max-width:46rem;margin:2rem auto;padding:0 1rem}',
  'h1,h2,h3{font-family:"Segoe UI",Helvetica,Arial,sans-serif;line-height:1.25}',
  'h1{font-size:1.8rem;margin:0 0 .5rem}',
  'h2{font-size:1.3rem;margin:2rem 0 .25rem;border-bottom:1px solid #bbb;padding-bottom:.2rem}',
  'h3{font-size:1.05rem;margin:1.5rem 0 .25rem}',
  '.meta,.counts,.subtitle,.cite,.details,.head,.legend{font-family:"Segoe UI",Helvetica,Arial,sans-serif;font-size:.85rem}',
  '.subtitle{color:#444;margin-top:0}',
  '.toc ol{padding-left:1.5rem}.toc a{color:#1a4d8f}',
  '.item{margin:1.25rem 0 1.5rem}',
  '.head{margin:0 0 .25rem}',
  '.tag{display:inline-block;font-weight:bold;padding:0 .4rem;border-radius:3px}',
  '.quote{white-space:pre-wrap;margin:0;padding:.5rem .75rem;font-size:1.05rem}',
  '.cite{color:#333;margin:.3rem 0 0;overflow-wrap:anywhere}',
  '.details{display:grid;grid-template-columns:max-content 1fr;gap:0 .75rem;margin:.4rem 0 0}',
  '.details dt{font-weight:bold}.details dd{margin:0}',
  '.note{margin:.4rem 0 0 1.5rem;padding-left:.75rem;border-left:2px solid #999}',
  '.note p{white-space:pre-wrap;margin:0}.note .note-label{font-weight:bold;font-family:"Segoe UI",Helvetica,Arial,sans-serif;font-size:.85rem}',
  '.unverified .quote{background:#eee;border-left-style:dotted}',
  '.sources li{margin-bottom:.5rem;overflow-wrap:anywhere}',
  '.chart{margin:1rem 0}.chart svg{display:block;max-width:100%;height:auto}',
  '.chart figcaption{font-family:"Segoe UI",Helvetica,Arial,sans-serif;font-size:.85rem;margin-top:.4rem}',
  '.marks{border-collapse:collapse;width:100%;margin:1rem 0;font-family:"Segoe UI",Helvetica,Arial,sans-serif;font-size:.8rem}',
  '.marks caption{text-align:left;font-weight:bold;margin-bottom:.25rem}',
  '.marks th,.marks td{border:1px solid #bbb;padding:.2rem .4rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}',
  '.marks td:nth-child(-n+3){white-space:nowrap;overflow-wrap:normal}',
  tagRules,
  '@page{margin:18mm 16mm 20mm}',
  '@media print{body{max-width:none;margin:0;padding:0;font-size:10.5pt}',
  '.toc{break-after:page}.chapter{break-before:page}',
  '.item,.quote,.sources li{break-inside:avoid}h2{break-after:avoid}',
  '.chart,.marks tr{break-inside:avoid}',
  'a{color:inherit;text-decoration:none}',
  '*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}',
].join('\n');
