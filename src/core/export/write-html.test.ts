import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  annotatedLibrary,
  XSS,
  type TestLibrary,
  libraryReport,
  reportItems,
  tokenOf,
} from '../../../tests/report-library';
import { parseCiteToken } from './cite-token';
import type { Report } from './report-types';
import { CITE_ATTRIBUTE, REPORT_CSP } from './write-html';
import { writeReport } from './write-report';

let lib: TestLibrary;
let report: Report;
let html: string;
beforeAll(async () => {
  lib = await annotatedLibrary();
  report = libraryReport(lib, 'document');
  html = new TextDecoder().decode(await writeReport(report, 'html'));
});

const dom = () => parseHTML(html).document;
const allItems = () => reportItems(report);

describe('the HTML report', () => {
  it('is one self-contained file: no script, no handler, nothing loaded, a strict CSP', () => {
    const document = dom();
    expect(
      document.querySelectorAll('script, iframe, object, embed, form, base, link, img, svg'),
    ).toHaveLength(0);
    for (const element of document.querySelectorAll('*')) {
      for (const name of element.getAttributeNames()) expect(name).not.toMatch(/^on/i);
    }
    const hrefs = [...document.querySelectorAll('[href]')].map((e) => e.getAttribute('href')!);
    expect(hrefs.length).toBeGreaterThan(10);
    expect(hrefs.every((h) => h.startsWith('#'))).toBe(true);
    expect(html).not.toMatch(/url\(|@import|https?:\/\/[^\s<"]*\.(css|js|png|woff)/i);
    const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
    expect(csp?.getAttribute('content')).toBe(REPORT_CSP);
    expect(REPORT_CSP).toContain("default-src 'none'");
    expect(document.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8');
  });

  it('has a table of contents whose every anchor leads to a heading', () => {
    const document = dom();
    const links = [...document.querySelectorAll('nav.toc a')];
    expect(links.map((a) => a.textContent)).toEqual([
      ...report.sections.map((s) => s.title),
      'Sources',
    ]);
    for (const a of links) {
      const target = document.getElementById(a.getAttribute('href')!.slice(1));
      expect(target?.querySelector('h2')?.textContent).toBe(a.textContent);
    }
  });

  it('shows what the analyst typed as text, never as markup', () => {
    const document = dom();
    const shown = document.body.textContent!;
    for (const typed of [
      XSS.img,
      XSS.script,
      XSS.js,
      XSS.hyperlink,
      '# Not a heading',
      '<b onmouseover=alert(3)>Gazette</b>',
      'javascript:alert(5)',
    ]) {
      expect(shown).toContain(typed);
    }
    expect(document.querySelector('title')!.textContent).toBe(
      'Dossier report — Whole library — 2026-11-22',
    );
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b ');
  });

  it('gives each quote as a block whose text is the quote and whose attribute is its citation', () => {
    const blocks = [...dom().querySelectorAll(`blockquote[${CITE_ATTRIBUTE}]`)];
    expect(blocks.map((b) => b.textContent)).toEqual(allItems().map((i) => i.quote));
    expect(blocks.map((b) => parseCiteToken(b.getAttribute(CITE_ATTRIBUTE)!))).toEqual(
      allItems().map((i) => tokenOf(i.citation)),
    );
  });

  it('writes each tag as its name beside the colour and border style, and groups a document by tag', () => {
    const document = dom();
    for (const item of document.querySelectorAll('article.item')) {
      const tag = item.querySelector('.head .tag')!;
      const kind = /item-(\w+)/.exec(item.className)![1]!;
      expect(tag.textContent!.toLowerCase()).toBe(kind);
      expect(tag.className).toContain(`tag-${kind}`);
    }
    expect(html).toMatch(/\.tag-evidence\{[^}]*border:3px dashed/);
    expect(html).toMatch(/\.quote-critique\{[^}]*border-left:6px double/);
    const hostile = [...document.querySelectorAll('section.chapter')].find((s) =>
      s.querySelector('h2')!.textContent!.includes('Harbour watch'),
    )!;
    expect([...hostile.querySelectorAll('h3')].map((h) => h.textContent)).toEqual([
      'Pledges (1)',
      'Evidence (1)',
    ]);
  });

  it('prints one heading per page, never splitting a quote', () => {
    expect(html).toMatch(/@media print\{[^]*\.chapter\{break-before:page\}/);
    expect(html).toMatch(/\.item,\.quote,\.sources li\{break-inside:avoid\}/);
  });
});
