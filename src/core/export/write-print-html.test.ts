import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { annotatedLibrary, libraryReport, reportItems } from '../../../tests/report-library';
import { citationLine, tagLabel } from './report-text';
import type { Report } from './report-types';
import { REPORT_CSP } from './write-html';
import {
  PRINT_HEADING_AT,
  PRINT_LINK_TO,
  PRINT_PART_WEIGHT,
  writePrintHtml,
} from './write-print-html';

let report: Report;
beforeAll(async () => {
  report = libraryReport(await annotatedLibrary(), 'document');
});

const dom = (html: string) => parseHTML(html).document;
const bodyText = (html: string) => dom(html).body.textContent ?? '';
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('the report written to print', () => {
  it('is one document for a browser, every quote with its tag and full citation', () => {
    const printed = writePrintHtml(report, false);
    expect(printed.parts).toHaveLength(1);
    const html = printed.parts[0]!;
    const document = dom(html);
    expect(
      document.querySelectorAll('script, iframe, object, embed, form, link, img'),
    ).toHaveLength(0);
    expect(
      document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
    ).toBe(REPORT_CSP);
    const text = flat(bodyText(html));
    for (const item of reportItems(report)) {
      expect(text).toContain(flat(item.quote));
      expect(text).toContain(flat(citationLine(item.citation)));
    }
    for (const tag of ['pledge', 'evidence', 'critique'] as const)
      expect(text).toContain(tagLabel(tag));
    // Its contents are ordinary links to the headings, which carry no marks.
    const links = [...document.querySelectorAll('nav.toc a')];
    expect(links.length).toBe(report.sections.length + 1);
    for (const a of links) {
      const target = document.getElementById(a.getAttribute('href')!.slice(1));
      expect(target?.tagName).toBe('H2');
      expect(target?.textContent).toBe(a.textContent);
    }
    expect(html).not.toContain(PRINT_HEADING_AT);
    expect(html).not.toContain(PRINT_LINK_TO);
  });

  it('in parts, holds every entry once and in order, each part a whole document', () => {
    const whole = writePrintHtml(report, false);
    const printed = writePrintHtml(report, true, 2);
    expect(PRINT_PART_WEIGHT).toBeGreaterThan(2);
    expect(printed.parts.length).toBeGreaterThan(4);
    expect(printed.headings).toEqual(whole.headings);
    const texts = printed.parts.map((part) => {
      expect(part.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(part.trimEnd().endsWith('</html>')).toBe(true);
      expect(dom(part).querySelector('style')?.textContent).toContain('@page');
      return flat(bodyText(part));
    });
    // The same words as the one document, in the same order.
    expect(flat(texts.join(' '))).toBe(flat(bodyText(whole.parts[0]!)));
    const quotes = reportItems(report).map((i) => flat(i.quote));
    const joined = texts.join(' ');
    let from = 0;
    for (const quote of quotes.slice(0, report.sections.flatMap((s) => s.items).length)) {
      const at = joined.indexOf(quote, from);
      expect(at, quote).toBeGreaterThanOrEqual(from);
      from = at;
    }
    // A list that goes on in the next part goes on with its numbering.
    const sources = printed.parts.flatMap((p) => [...dom(p).querySelectorAll('ol.sources')]);
    expect(sources.length).toBeGreaterThan(1);
    expect(sources[1]?.getAttribute('start')).toBe(String(sources[0]!.children.length + 1));
  });

  it('in parts, marks each heading and points each contents entry at one', () => {
    const printed = writePrintHtml(report, true, 3);
    const documents = printed.parts.map(dom);
    const marked = documents.flatMap((d) =>
      [...d.querySelectorAll('h1 > a, h2 > a, h3 > a')].map((a) => a.getAttribute('href')),
    );
    expect(marked).toEqual(printed.headings.map((h) => `${PRINT_HEADING_AT}${h.id}`));
    expect(printed.headings[0]).toEqual({ id: 'report', title: 'Dossier report', level: 1 });
    expect(printed.headings.filter((h) => h.level === 3).length).toBeGreaterThan(0);
    const entries = documents.flatMap((d) =>
      [...d.querySelectorAll('nav.toc li a')].map((a) => a.getAttribute('href')!),
    );
    expect(entries.length).toBe(report.sections.length + 1);
    for (const href of entries) {
      expect(href.startsWith(PRINT_LINK_TO)).toBe(true);
      expect(marked).toContain(`${PRINT_HEADING_AT}${href.slice(PRINT_LINK_TO.length)}`);
    }
  });
});
