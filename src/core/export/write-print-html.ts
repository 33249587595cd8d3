import { TAGS } from '../model';
import {
  citationLine,
  itemDetails,
  itemHeadParts,
  REPORT_TITLE,
  SOURCES_INTRO,
  SOURCES_TITLE,
  TAG_STYLES,
  tagGroupBefore,
  tagLabel,
  UNVERIFIED_INTRO,
  UNVERIFIED_TITLE,
} from './report-text';
import type { Report, ReportChart, ReportItem } from './report-types';
import { TIMELINE_ANCHOR, TIMELINE_TITLE } from './report-timeline';
import {
  esc,
  headerHtml,
  htmlHead,
  reportTitle,
  sourceHtml,
  timelineBody,
  tocEntries,
} from './write-html';
import { SOURCES_ANCHOR, UNVERIFIED_ANCHOR } from './write-markdown';

/**
 * The PDF report: the HTML report's content (every quote with its citation, tags written
 * out, headings, contents, sources) under a stylesheet made for paper, cheap for Chromium to
 * lay out and print. Headings follow on from each other instead of each starting a page (a
 * library's report has thousands), and backgrounds are opaque colours.
 *
 * Printing time in Chromium grows faster than the document (each page's paint walks the
 * whole document), so the desktop app prints a large report in parts, each a complete HTML
 * document of the same look, and joins the PDFs (see pdf-join.ts). In parts, the contents'
 * links and the headings carry marks the joiner reads: a heading's link tells on which page
 * and where it landed, and a contents entry's link is pointed there.
 */

/** A contents entry's link in a part: the joiner points it at the heading's page. */
export const PRINT_LINK_TO = 'dossier-link-to:';
/** A heading's link in a part: tells the joiner where the heading landed; then removed. */
export const PRINT_HEADING_AT = 'dossier-heading-at:';

/** A heading of the printed report, in order: what the PDF's outline lists. */
export interface PrintHeading {
  id: string;
  title: string;
  /** 1 the report's title, 2 a section (or Contents, Sources…), 3 a group within a section. */
  level: 1 | 2 | 3;
}

export interface PrintedReport {
  /** The PDF's title (its document properties). */
  title: string;
  /** Complete HTML documents, printed one by one and joined in this order. */
  parts: string[];
  headings: PrintHeading[];
}

/**
 * How much goes in one part, counted in quotes (a contents line or a source weighs less).
 * Chosen by measurement (a 20,000-quote report in parts of 400, 800, 1,600 and 3,200): with
 * smaller parts the cost of each (a window, a load) shows; with larger ones each page's paint
 * slows as the document grows. Since a window prints part after part, parts of 600 to 2,500
 * cost about the same CPU; 1,000 keeps two windows busy to the end.
 */
export const PRINT_PART_WEIGHT = 1000;

const CONTENTS_ID = 'contents';
const REPORT_ID = 'report';

/** A run of entries under one opening tag, which a part reopens when the run continues. */
interface Run {
  /** Markup before the entry at index `at`, when a part starts at it. */
  open(at: number): string;
  close: string;
  entries: string[];
  weight: number;
}

/**
 * The report to print: one document (for a browser's print dialog, where the contents' links
 * are ordinary links within it), or, `split`, parts of about `partWeight` each. A pledge
 * dossier's timeline follows the contents, with `chart` drawn when given.
 */
export function writePrintHtml(
  report: Report,
  split: boolean,
  partWeight = PRINT_PART_WEIGHT,
  chart?: ReportChart,
): PrintedReport {
  const headings: PrintHeading[] = [];
  const heading = (h: PrintHeading, tag: 'h1' | 'h2' | 'h3') => {
    headings.push(h);
    const text = esc(h.title);
    return `<${tag} id="${h.id}">${split ? `<a href="${PRINT_HEADING_AT}${h.id}">${text}</a>` : text}</${tag}>`;
  };
  const runs: Run[] = [
    {
      open: () => '',
      close: '',
      entries: [
        headerHtml(report, heading({ id: REPORT_ID, title: REPORT_TITLE, level: 1 }, 'h1')),
      ],
      weight: 1,
    },
  ];
  const toc = tocEntries(report);
  if (toc.length > 0) {
    const title = heading({ id: CONTENTS_ID, title: 'Contents', level: 2 }, 'h2');
    runs.push({
      open: (at) =>
        at === 0
          ? `<nav class="toc" aria-labelledby="${CONTENTS_ID}">${title}<ol>`
          : `<nav class="toc" aria-label="Contents, continued"><ol start="${at + 1}">`,
      close: '</ol></nav>',
      entries: toc.map(
        (e) => `<li><a href="${split ? PRINT_LINK_TO : '#'}${e.id}">${esc(e.title)}</a></li>`,
      ),
      weight: 0.15,
    });
  }
  if (report.timeline) {
    const title = heading({ id: TIMELINE_ANCHOR, title: TIMELINE_TITLE, level: 2 }, 'h2');
    runs.push({
      open: () => '<section class="timeline">',
      close: '</section>',
      entries: [title + timelineBody(report.timeline, chart)],
      weight: 1,
    });
  }
  for (const section of report.sections) {
    const title = heading({ id: section.id, title: section.title, level: 2 }, 'h2');
    const subtitle = section.subtitle ? `<p class="subtitle">${esc(section.subtitle)}</p>` : '';
    runs.push({
      open: (at) => (at === 0 ? `<section>${title}${subtitle}` : '<section>'),
      close: '</section>',
      entries: section.items.map((item, i) => {
        const group = tagGroupBefore(report, section, i);
        const sub = group
          ? heading({ id: `${section.id}-${item.tag}`, title: group, level: 3 }, 'h3')
          : '';
        return sub + printItemHtml(item);
      }),
      weight: 1,
    });
  }
  if (report.unverified.length > 0) {
    const title = heading({ id: UNVERIFIED_ANCHOR, title: UNVERIFIED_TITLE, level: 2 }, 'h2');
    runs.push({
      open: (at) =>
        at === 0
          ? `<section class="unverified">${title}<p class="subtitle">${esc(UNVERIFIED_INTRO)}</p>`
          : '<section class="unverified">',
      close: '</section>',
      entries: report.unverified.map(printItemHtml),
      weight: 1,
    });
  }
  if (report.sources.length > 0) {
    const title = heading({ id: SOURCES_ANCHOR, title: SOURCES_TITLE, level: 2 }, 'h2');
    runs.push({
      open: (at) =>
        at === 0
          ? `<section>${title}<p class="subtitle">${esc(SOURCES_INTRO)}</p><ol class="sources">`
          : `<section><ol class="sources" start="${at + 1}">`,
      close: '</ol></section>',
      entries: report.sources.map(sourceHtml),
      weight: 0.3,
    });
  }
  const head = `${htmlHead(report, PRINT_STYLE)}\n<body>\n`;
  const tail = '\n</body>\n</html>\n';
  const bodies = pack(runs, split ? partWeight : Infinity);
  return { title: reportTitle(report), parts: bodies.map((body) => head + body + tail), headings };
}

/**
 * One quote for paper: what the HTML report says of it (tag written out, who and when, the
 * quote, its full citation, details, note) in as few boxes as it takes, since Chromium's
 * printing time goes mostly into laying out boxes: details and note are lines of one
 * paragraph each, labels in bold, rather than a definition list and nested blocks.
 */
export function printItemHtml(item: ReportItem): string {
  const head = [
    `<span class="tag tag-${item.tag}">${tagLabel(item.tag)}</span>`,
    ...itemHeadParts(item).map(esc),
  ].join(' · ');
  const details = itemDetails(item)
    .map((d) => `<b>${esc(d.label)}:</b> ${esc(d.value)}`)
    .join('<br>');
  const note = item.annotation.note.trim();
  return [
    `<div class="item"><p class="head">${head}</p>`,
    `<blockquote class="quote quote-${item.tag}">${esc(item.quote)}</blockquote>`,
    `<p class="cite">${esc(citationLine(item.citation))}</p>`,
    details !== '' ? `<p class="details">${details}</p>` : '',
    note !== '' ? `<p class="note"><b>Note:</b> ${esc(note)}</p>` : '',
    '</div>',
  ].join('');
}

/** Runs' entries packed in order into bodies of at most `budget` weight (at least one entry). */
function pack(runs: Run[], budget: number): string[] {
  const bodies: string[] = [];
  let body: string[] = [];
  let used = 0;
  for (const run of runs) {
    let openAt = 0;
    run.entries.forEach((entry, i) => {
      if (used > 0 && used + run.weight > budget) {
        if (i > openAt) body.push(run.close);
        bodies.push(body.join('\n'));
        body = [];
        used = 0;
        openAt = i;
      }
      if (i === openAt) body.push(run.open(i));
      body.push(entry);
      used += run.weight;
    });
    if (run.entries.length > openAt) body.push(run.close);
  }
  if (body.length > 0) bodies.push(body.join('\n'));
  return bodies;
}

/** A colour mixed with white: the shaded quote's background, opaque (cheaper to print). */
function tint(hex: string, share: number): string {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16);
    return Math.round(c * share + 255 * (1 - share))
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(2)}${channel(4)}`;
}

// Colour, line style and the tag's name: never colour alone.
const tagRules = TAGS.map((t) => {
  const s = TAG_STYLES[t];
  return (
    `.tag-${t}{background:#${s.fill};color:#000;border-bottom:1.5pt ${s.border} #${s.ink}}` +
    `.quote-${t}{background:${tint(s.fill, 0.3)};border-left:4pt ${s.border} #${s.ink}}`
  );
}).join('\n');

/** One family throughout (each family is more fonts to find, shape with and embed per part). */
const FONT = 'Arial,Helvetica,"Liberation Sans",sans-serif';

/**
 * Paper first: points, no grid, no rounded or translucent boxes, no page per heading, no
 * selector that matches every element, no generated content. On screen (the web app's print
 * frame before its dialog opens, the desktop app's hidden windows) the body is not shown, so
 * nothing is laid out until it is printed.
 */
export const PRINT_STYLE = [
  'html{-webkit-print-color-adjust:exact;print-color-adjust:exact}',
  `body{font:9.5pt/1.3 ${FONT};color:#1d1d1d;margin:0}`,
  'h1,h2,h3{line-height:1.2;break-after:avoid}',
  'h1{font-size:15pt;margin:0 0 3pt}',
  'h2{font-size:12pt;margin:10pt 0 2pt;padding-bottom:1pt;border-bottom:.75pt solid #bbb}',
  'h3{font-size:10.5pt;margin:6pt 0 2pt}',
  'h1 a,h2 a,h3 a,.toc a{color:inherit;text-decoration:none}',
  '.meta,.counts,.subtitle,.cite,.details,.head,.legend,.note{font-size:8pt}',
  'p{margin:0}',
  '.subtitle{color:#444;margin:0 0 3pt}',
  '.toc{break-after:page}.toc ol{padding-left:3.5em;margin:0}.toc li{padding-right:3em}',
  '.item{margin:0 0 5pt;break-inside:avoid}',
  '.tag{font-weight:bold;padding:0 3pt}',
  '.quote{white-space:pre-wrap;margin:1pt 0 0;padding:1.5pt 5pt}',
  '.cite{color:#333;margin:1pt 0 0;overflow-wrap:anywhere}',
  '.note{white-space:pre-wrap;margin:1pt 0 0 10pt;padding-left:5pt;border-left:1pt solid #999}',
  '.unverified .quote{background:#eee;border-left-style:dotted}',
  '.sources li{margin-bottom:2pt;overflow-wrap:anywhere;break-inside:avoid}',
  '.chart{margin:6pt 0;break-inside:avoid}.chart svg{display:block;max-width:100%;height:auto}',
  '.chart figcaption{font-size:8pt;margin-top:3pt}',
  '.marks{border-collapse:collapse;width:100%;margin:6pt 0;font-size:7.5pt}',
  '.marks caption{text-align:left;font-weight:bold;margin-bottom:2pt}',
  '.marks th,.marks td{border:.5pt solid #bbb;padding:1pt 3pt;text-align:left;vertical-align:top;overflow-wrap:anywhere}',
  '.marks tr{break-inside:avoid}',
  tagRules,
  '@page{size:A4;margin:12mm 14mm 14mm}',
  '@media screen{body{display:none}}',
].join('\n');
