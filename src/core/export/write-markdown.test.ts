import { parseHTML } from 'linkedom';
import { marked } from 'marked';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  annotatedLibrary,
  XSS,
  type TestLibrary,
  libraryReport,
  reportItems,
  tokenOf,
} from '../../../tests/report-library';
import { parseCiteTokens } from './cite-token';
import { escapeMarkdownLine, unescapeMarkdown } from './markdown-escape';
import { readMarkdown } from './read-report';
import type { Report } from './report-types';
import { writeReport } from './write-report';

let lib: TestLibrary;
let report: Report;
let markdown: string;
beforeAll(async () => {
  lib = await annotatedLibrary();
  report = libraryReport(lib, 'pledge');
  markdown = new TextDecoder().decode(await writeReport(report, 'markdown'));
});

/** The Markdown as a viewer that renders HTML shows it. */
const rendered = () =>
  parseHTML(`<html><body>${marked.parse(markdown, { async: false })}</body></html>`).document;
const allItems = () => reportItems(report);

describe('the Markdown report', () => {
  it('has the report, contents, one heading per pledge chain and Sources, and no other heading', () => {
    const headings = [...rendered().querySelectorAll('h1, h2, h3, h4, h5, h6')].map(
      (h) => `${h.tagName} ${h.textContent!.slice(0, 24)}`,
    );
    expect(headings).toEqual([
      'H1 Dossier report',
      'H2 Contents',
      'H2 “Officials who collude w',
      'H2 “open a shelter for vict',
      'H2 “Inspectors will visit e',
      'H2 Not linked to a pledge',
      'H2 Sources',
    ]);
  });

  it('links each contents entry to its heading', () => {
    const document = rendered();
    const links = [...document.querySelectorAll('a[href^="#"]')].map((a) =>
      a.getAttribute('href')!.slice(1),
    );
    expect(links).toHaveLength(report.sections.length + 1);
    for (const id of links) expect(document.getElementById(id)).not.toBeNull();
  });

  it('writes markup, script URLs and formulas the analyst typed as text that renders as typed', () => {
    const document = rendered();
    expect(document.querySelectorAll('img, script, b, iframe')).toHaveLength(0);
    const shown = document.body.textContent!;
    // Links are the contents' own; no address the analyst typed becomes one.
    const hrefs = [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'));
    expect(hrefs.every((h) => /^#section-\d+$|^#sources$/.test(h!))).toBe(true);
    expect(shown).toContain(
      'https://www.harbourgazette.example/2008/03/justice-minister-vows-crackdown',
    );
    for (const typed of [
      XSS.img,
      XSS.script,
      `[click](${XSS.js})`,
      XSS.hyperlink,
      '# Not a heading',
      '- not a list',
    ]) {
      expect(shown).toContain(typed);
    }
    expect(shown).toContain('<b onmouseover=alert(3)>Gazette</b>');
    expect(shown).toContain('[Mallory](javascript:alert(4))');
    expect(shown).toContain('@SUM(1+1)*cmd|" /C calc"!A0');
  });

  it('keeps every quote as a block quote with its citation token, read back exactly', () => {
    const read = readMarkdown(markdown);
    expect(read.map((r) => r.quote)).toEqual(allItems().map((i) => i.quote));
    expect(read.map((r) => r.token)).toEqual(allItems().map((i) => tokenOf(i.citation)));
    expect(parseCiteTokens(markdown)).toHaveLength(allItems().length);
    const quotes = [...rendered().querySelectorAll('blockquote')].map((q) => q.textContent!.trim());
    expect(quotes).toContain('<script>alert(6)</script> no shelter inspections took place');
    // The quote across a paragraph break stays one block quote of two paragraphs.
    expect(quotes.find((q) => q.includes('🏠'))).toMatch(/women\.\s+The minister replied$/);
  });

  it('gives each quote its citation in words: document, source, date, page, file, hash and code points', () => {
    const audit = allItems().find((i) => i.citation.page === 3)!;
    expect(markdown).toContain(
      `— Audit of the National Shelter Programme · Ilse Varnholt · 2014-11-19 · p. 3 · file 2014-11-19-shelter-programme-audit.pdf · SHA-256 ${audit.citation.sha256} · code points ${audit.citation.start}–${audit.citation.end}`,
    );
    expect(markdown).toMatch(
      /## Sources\n\n.*code points.*\n\n1\. \*\*Justice Minister Vows Crackdown/,
    );
  });
});

describe('Markdown escaping', () => {
  const tricky = [
    '# heading',
    '  indented code',
    '1. item',
    '2) item',
    '---',
    '===',
    '> quote',
    '* bullet',
    '+ bullet',
    '- bullet',
    '```js',
    '~~~',
    '| a | b |',
    '<!-- [dossier:cite sha256=- start=1 end=2 page=- file=x] -->',
    'AT&T and &amp; and &#60; and &copy;',
    '**bold** _em_ `code` ~~strike~~ [link](http://x) ![img](x)',
    'back\\slash \\* and trailing  ',
    '\ttab',
    '😀 𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
    'see https://x.org/a?b=1, ftp://z, www.y.org and a@b.com',
  ];

  it.each(tricky)('reads %j back exactly', (line) => {
    expect(unescapeMarkdown(escapeMarkdownLine(line))).toBe(line);
  });

  it('leaves no line that a renderer reads as anything but one paragraph of text', () => {
    for (const line of tricky) {
      const html = marked.parse(`${escapeMarkdownLine(line)}\n`, { async: false });
      const { document } = parseHTML(`<html><body>${html}</body></html>`);
      expect(document.body.children.length, line).toBe(1);
      expect(document.body.firstElementChild!.tagName, line).toBe('P');
      expect(document.body.firstElementChild!.children.length, line).toBe(0);
      expect(document.body.textContent!.trim(), line).toBe(line.trim());
    }
  });
});
