import type { Browser } from '@playwright/test';
import { toByteArray } from 'base64-js';
import JSZip from 'jszip';
import { DOMParser, parseHTML } from 'linkedom';
import { marked } from 'marked';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '@core/export/build-report';
import type { Report, ReportChart, ReportScope } from '@core/export/report-types';
import { writePrintHtml } from '@core/export/write-print-html';
import { writeReport } from '@core/export/write-report';
import type { Annotation } from '@core/model';
import { launchChromium } from '../../../../../tests/launch-chromium';
import {
  annotatedLibrary,
  importedDoc,
  REPORT_DATE,
  TestLibrary,
} from '../../../../../tests/report-library';
import { convertWithSoffice, sofficeMissing } from '../../../../../tests/soffice';
import { openInChromium as openPage } from '../../../../../tests/open-in-chromium';
import { XSS_PAYLOADS, XSS_SHORT, xssTextFile } from '../../../../../tests/xss-payloads';
import { svgToPng } from '../../ui/save-chart';
import { drawReportChart } from './report-chart';

/**
 * A pledge dossier's report opens with its chain's timeline: the chart embedded (inline SVG in
 * HTML, a data-URI SVG in Markdown, a PNG in Word) and a table of the same marks.
 */

let lib: TestLibrary;
let browser: Browser | undefined;
let unavailable = '';

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const report = (l: TestLibrary, scope: ReportScope): Report =>
  buildReport(l, { scope, arrangement: 'pledge', generatedAt: REPORT_DATE });
const byActor = (l: TestLibrary, actor: string) =>
  l.annotations.find((a) => a.actor === actor) as Annotation;

/** The shelter chain: two wordings of the pledge and three contradicting items. */
const SHELTER_ROWS = [
  ['2008-09-22', 'Pledge', 'pledge of the chain', 'open a shelter for victims'],
  ['2014-11-19', 'Evidence', 'contradicts', 'five shelters were operating'],
  ['2014-11-19', 'Critique', 'contradicts', 'The ministry'],
  ['2015-03-11', 'Pledge', 'pledge of the chain', 'Six specialised shelters'],
  ['2016-02-11', 'Evidence', 'contradicts', 'Only two of the six shelters'],
];

function dossierOf(actor: string) {
  const built = report(lib, { kind: 'dossier', pledgeId: byActor(lib, actor).id });
  return { built, chart: drawReportChart(built.timeline!) };
}

/** The chart's SVG read as XML, as an image viewer reads the data URI. */
function svgDocument(svg: string) {
  return new DOMParser().parseFromString(svg, 'image/svg+xml');
}

/** The drawn dots: one path per mark, inside Plot's "dot" groups. */
function dots(svg: ReturnType<typeof svgDocument>) {
  return [...svg.querySelectorAll('g[aria-label="dot"] > path')];
}

beforeAll(async () => {
  lib = await annotatedLibrary();
  ({ browser, unavailable } = await launchChromium("the timeline chart's"));
}, 60_000);
afterAll(() => browser?.close());

describe('a pledge dossier report', () => {
  it('HTML: the timeline inline as SVG, one mark per dated item, then its table in date order', async () => {
    const { built, chart } = dossierOf('Renata Osterby');
    const html = decode(await writeReport(built, 'html', chart));
    const { document } = parseHTML(html);
    const section = document.querySelector('main > section')!;
    expect(section.id).toBe('timeline');
    expect(document.querySelector('.toc li a')?.getAttribute('href')).toBe('#timeline');
    const svg = section.querySelector('figure svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe(
      'Timeline of the pledge chain from 2008-09-22 to 2016-02-11: 5 marks (2 pledges, 2 evidence, 1 critique); 0 supporting the pledge, 3 contradicting it.',
    );
    expect(section.querySelector('figcaption')?.textContent).toContain('Squares are pledges');
    const drawn = dots(svgDocument(chart!.svg));
    expect(drawn).toHaveLength(5);
    expect(drawn.map((d) => d.querySelector('title')?.textContent?.slice(0, 10)).sort()).toEqual(
      SHELTER_ROWS.map((r) => r[0]),
    );
    // The evidence and the critique of 2014-11-19 are side by side, centred on their date,
    // not one on top of the other.
    const at = (d: Element) => {
      const [x, y] = (d.getAttribute('transform') ?? '').match(/[\d.]+/g)!.map(Number);
      return { x: x!, y: y!, date: d.querySelector('title')?.textContent?.slice(0, 10) };
    };
    const [first, second] = drawn.map(at).filter((d) => d.date === '2014-11-19');
    expect(second!.y).toBe(first!.y);
    expect(Math.abs(second!.x - first!.x)).toBeGreaterThanOrEqual(12);
    const others = drawn.map(at).filter((d) => d.date !== '2014-11-19');
    const before = Math.max(...others.filter((d) => d.date! < '2014').map((d) => d.x));
    const after = Math.min(...others.filter((d) => d.date! > '2015').map((d) => d.x));
    const middle = (first!.x + second!.x) / 2;
    expect(middle).toBeGreaterThan(before);
    expect(middle).toBeLessThan(after);
    // Centred: the midpoint is where a lone mark of that date would be, within a pixel.
    const span = (after - before) / (Date.parse('2015-03-11') - Date.parse('2008-09-22'));
    const expected = before + span * (Date.parse('2014-11-19') - Date.parse('2008-09-22'));
    expect(Math.abs(middle - expected)).toBeLessThan(1);
    const rows = [...section.querySelectorAll('table tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
    );
    expect(rows.map((r) => r.slice(0, 3))).toEqual(SHELTER_ROWS.map((r) => r.slice(0, 3)));
    rows.forEach((r, i) => expect(r[3]).toContain(SHELTER_ROWS[i]![3]));
    expect(html).not.toMatch(/<script/i);
    // Nothing linked from the chart: its one address is its namespace's name.
    expect(chart!.svg.match(/[a-z]+:\/\/[^"]*/gi)).toEqual(['http://www.w3.org/2000/svg']);
  });

  it('PDF: the report written to print holds the same timeline, in one document and in parts', () => {
    const { built, chart } = dossierOf('Renata Osterby');
    for (const split of [false, true]) {
      const printed = writePrintHtml(built, split, undefined, chart);
      expect(printed.headings.map((h) => h.id)).toContain('timeline');
      const html = printed.parts.join('\n');
      const { document } = parseHTML(html);
      const section = document.querySelector('section.timeline')!;
      expect(section.querySelector('h2')?.textContent).toBe('Timeline');
      expect(dots(svgDocument(section.querySelector('figure svg')!.outerHTML))).toHaveLength(5);
      const dates = [...section.querySelectorAll('table tbody tr td:first-child')].map(
        (td) => td.textContent,
      );
      expect(dates).toEqual(SHELTER_ROWS.map((r) => r[0]));
      expect(html).not.toMatch(/<script/i);
    }
  });

  it('Markdown: the SVG as a data-URI image, then the table in date order', async () => {
    const { built, chart } = dossierOf('Renata Osterby');
    const markdown = decode(await writeReport(built, 'markdown', chart));
    const image = /^!\[(.+)\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)$/m.exec(markdown);
    expect(image?.[1]).toMatch(/^Timeline of the pledge chain from 2008-09-22 to 2016-02-11/);
    const svg = decode(toByteArray(image![2]!));
    expect(svg).toBe(chart!.svg);
    expect(dots(svgDocument(svg))).toHaveLength(5);
    const table = markdown.split('\n').filter((l) => /^\| \d{4}-/.test(l));
    expect(table.map((l) => l.split(' | ').slice(0, 3).join(' | '))).toEqual(
      SHELTER_ROWS.map((r) => `| ${r.slice(0, 3).join(' | ')}`),
    );
    // Before the first chain's heading.
    expect(markdown.indexOf('## Timeline')).toBeLessThan(markdown.indexOf('<a id="section-'));
  });

  it('counts the chain’s undated items and draws nothing when none is dated', async () => {
    const l = await annotatedLibrary();
    // An undated copy of the library: the documents lose their dates.
    for (const doc of l.docs.values()) doc.record = { ...doc.record, date: null };
    const built = report(l, { kind: 'dossier', pledgeId: byActor(l, 'Renata Osterby').id });
    expect(built.timeline).toMatchObject({ lane: null, rows: [], undated: 5 });
    expect(drawReportChart(built.timeline!)).toBeUndefined();
    const html = decode(await writeReport(built, 'html'));
    expect(html).toContain('None of this chain’s 5 items has a date: nothing to draw.');
    expect(html).not.toContain('<svg');
  });

  it('other scopes, and CSV and Excel, have no chart', async () => {
    const docId = byActor(lib, 'Renata Osterby').docId;
    const scopes: ReportScope[] = [
      { kind: 'library' },
      { kind: 'document', docId },
      { kind: 'filtered', annotationIds: lib.annotations.map((a) => a.id) },
    ];
    for (const scope of scopes) {
      const built = report(lib, scope);
      expect(built.timeline, scope.kind).toBeUndefined();
      for (const format of ['html', 'markdown'] as const) {
        const text = decode(await writeReport(built, format));
        expect(text).not.toContain('<svg');
        expect(text).not.toContain('data:image/svg+xml');
        expect(text).not.toMatch(/id="timeline"/);
      }
    }
    const { built, chart } = dossierOf('Renata Osterby');
    const csv = decode(await writeReport(built, 'csv', chart));
    expect(csv).not.toMatch(/svg|Timeline/);
    const xlsx = await JSZip.loadAsync(await writeReport(built, 'xlsx', chart));
    expect(Object.keys(xlsx.files).filter((n) => /media|drawing/.test(n))).toEqual([]);
  });
});

describe('the timeline chart with hostile text', () => {
  const SENTENCE = 'The minister promised a shelter in every province by 2012.';
  let hostile: TestLibrary;
  let pledge: Annotation;

  beforeAll(async () => {
    hostile = new TestLibrary();
    const text = xssTextFile(SENTENCE);
    hostile.add(
      await importedDoc({ name: XSS_SHORT.fileName, bytes: new TextEncoder().encode(text) }),
    );
    pledge = hostile.annotate(XSS_SHORT.fileName, SENTENCE, 'pledge', {
      actor: XSS_SHORT.actor,
    });
    // Every payload a passage of the chain, each with a hostile actor.
    XSS_PAYLOADS.forEach((payload, i) => {
      const item = hostile.annotate(XSS_SHORT.fileName, payload, i % 2 ? 'evidence' : 'critique', {
        actor: XSS_PAYLOADS[(i + 1) % XSS_PAYLOADS.length],
      });
      hostile.link(item, pledge, i % 3 ? 'contradicts' : 'supports');
    });
  });

  it('escapes every actor, quote and title inside the SVG', async () => {
    const built = report(hostile, { kind: 'dossier', pledgeId: pledge.id });
    const chart = drawReportChart(built.timeline!)!;
    const svg = svgDocument(chart.svg);
    // Nothing but Plot's own elements; no handler or link on any.
    const names = new Set([...svg.querySelectorAll('*')].map((e) => e.localName));
    expect([...names].sort()).toEqual([
      'g',
      'line',
      'path',
      'rect',
      'style',
      'svg',
      'text',
      'title',
      'tspan',
    ]);
    for (const element of svg.querySelectorAll('*')) {
      for (const attribute of element.attributes) expect(attribute.name).not.toMatch(/^on|href/i);
    }
    const titles = dots(svg).map((d) => d.querySelector('title')?.textContent ?? '');
    expect(titles).toHaveLength(XSS_PAYLOADS.length + 1);
    const joined = titles.join('\n');
    expect(joined).toContain(XSS_SHORT.actor);
    expect(joined).toContain(XSS_SHORT.title);
    for (const payload of XSS_PAYLOADS) {
      expect(titles.some((t) => t.includes(`: ${payload.slice(0, 100)}`))).toBe(true);
    }
  });

  /** The page as a reader opens it, and how many inline SVGs it shows. */
  async function openInChromium(html: string) {
    const opened = await openPage(browser!, html);
    return { ...opened, svgs: (html.match(/<svg[ >]/g) ?? []).length };
  }

  it('HTML and Markdown open in Chromium with nothing run or loaded, the picture shown', async (context) => {
    if (!browser) return context.skip(unavailable);
    const built = report(hostile, { kind: 'dossier', pledgeId: pledge.id });
    const chart = drawReportChart(built.timeline!)!;
    const html = await openInChromium(decode(await writeReport(built, 'html', chart)));
    expect(html).toMatchObject({ requests: [], dialogs: [], active: 0, svgs: 1, images: [] });
    expect(html.pwned).toBeUndefined();
    const markdown = decode(await writeReport(built, 'markdown', chart));
    const rendered = marked.parse(markdown, { async: false, gfm: true });
    const md = await openInChromium(`<!doctype html><body>${rendered}</body>`);
    expect(md).toMatchObject({ requests: [], dialogs: [], active: 0, images: [chart.width] });
    expect(md.pwned).toBeUndefined();
  });
});

describe('a pledge dossier in Word', () => {
  /** The chart drawn to PNG in Chromium, as the export dialog's page does for the worker. */
  async function pngInChromium(chart: ReportChart): Promise<Uint8Array> {
    const page = await browser!.newPage();
    try {
      const bytes = await page.evaluate(
        `(${svgToPng.toString()})(${JSON.stringify(chart.svg)}, ${chart.width}, ${chart.height}).then((b) => Array.from(b))`,
      );
      return new Uint8Array(bytes as number[]);
    } finally {
      await page.close();
    }
  }

  it('embeds the chart as a PNG with its text alternative, and opens in LibreOffice', async (context) => {
    if (!browser) return context.skip(unavailable);
    const { built, chart } = dossierOf('Renata Osterby');
    const png = await pngInChromium(chart!);
    expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const bytes = await writeReport(built, 'docx', { ...chart!, png });
    const zip = await JSZip.loadAsync(bytes);
    const media = Object.keys(zip.files).filter((n) => n.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect([...(await zip.file(media[0]!)!.async('uint8array'))]).toEqual([...png]);
    const body = await zip.file('word/document.xml')!.async('string');
    expect(body).toMatch(/<wp:docPr [^>]*descr="Timeline of the pledge chain from 2008-09-22/);
    const missing = sofficeMissing();
    if (missing) return context.skip(missing);
    const text = await convertWithSoffice(bytes, 'docx', 'txt:Text (encoded):UTF8');
    expect(text).toContain('Timeline');
    for (const [date, , , passage] of SHELTER_ROWS) {
      expect(text).toContain(date);
      expect(text).toContain(passage);
    }
  });

  it('without a PNG, gives the table alone and says so', async (context) => {
    const { built, chart } = dossierOf('Renata Osterby');
    const bytes = await writeReport(built, 'docx', chart);
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files).filter((n) => n.startsWith('word/media/'))).toEqual([]);
    const body = await zip.file('word/document.xml')!.async('string');
    expect(body).toContain('The chart could not be drawn; the table lists its marks.');
    expect(body.match(/<w:tr[ >]/g)).toHaveLength(SHELTER_ROWS.length + 1);
    const missing = sofficeMissing();
    if (missing) return context.skip(missing);
    const text = await convertWithSoffice(bytes, 'docx', 'txt:Text (encoded):UTF8');
    expect(text).toContain('Six specialised shelters will open by 31 December 2015');
  });
});
