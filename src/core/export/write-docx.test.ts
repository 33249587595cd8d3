import { execFileSync } from 'node:child_process';
import JSZip from 'jszip';
import { DOMParser } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  annotatedLibrary,
  docOf,
  XSS,
  type TestLibrary,
  libraryReport,
  reportItems,
  tokenOf,
} from '../../../tests/report-library';
import { convertWithSoffice, sofficeMissing } from '../../../tests/soffice';
import { collapseWhitespace } from '../text/normalise';
import { parseCiteToken } from './cite-token';
import { readDocx } from './read-report';
import type { Report } from './report-types';
import { verifyReport } from './verify-report';
import { writeReport } from './write-report';
import { xmlSafe } from './xml-safe';

let lib: TestLibrary;
let report: Report;
let bytes: Uint8Array;
let zip: JSZip;
const part = (name: string) => zip.file(name)!.async('string');
const xml = async (name: string) => new DOMParser().parseFromString(await part(name), 'text/xml');

beforeAll(async () => {
  lib = await annotatedLibrary();
  // A text with a control character, which XML cannot hold.
  const control = docOf(
    { name: 'control-chars.txt', bytes: new TextEncoder().encode('Form feed') },
    {
      title: 'Scanned minutes',
      source: null,
      date: '2016-07-01',
      author: null,
      url: null,
      language: 'en',
      format: 'txt',
      text: 'Scanned minutes\n\nThe clerk wrote: shelters\u000b will open\u0007 soon.',
      blocks: [],
    },
  );
  lib.add(control);
  lib.annotate('control-chars', 'shelters\u000b will open\u0007 soon', 'evidence');
  report = libraryReport(lib, 'pledge');
  bytes = await writeReport(report, 'docx');
  zip = await JSZip.loadAsync(bytes);
});

const allItems = () => reportItems(report);

/** Paragraphs of a part as [style, text]. */
function paragraphs(doc: Awaited<ReturnType<typeof xml>>): [string, string][] {
  return [...doc.getElementsByTagName('w:p')].map((p) => [
    p.getElementsByTagName('w:pStyle')[0]?.getAttribute('w:val') ?? '',
    [...p.getElementsByTagName('w:t')].map((t) => t.textContent).join(''),
  ]);
}

describe('the Word report', () => {
  it('is a package whose every XML part is well formed, every part typed and every reference resolved', async (context) => {
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
    expect(names).toEqual(
      expect.arrayContaining([
        '[Content_Types].xml',
        'word/document.xml',
        'word/footnotes.xml',
        'word/styles.xml',
      ]),
    );
    const types = await part('[Content_Types].xml');
    for (const name of names) {
      const extension = name.split('.').pop()!;
      const typed =
        types.includes(`PartName="/${name}"`) || types.includes(`Extension="${extension}"`);
      expect(typed, name).toBe(true);
    }
    const rels = await xml('word/_rels/document.xml.rels');
    for (const rel of rels.getElementsByTagName('Relationship')) {
      if (rel.getAttribute('TargetMode') === 'External') continue;
      expect(names, rel.getAttribute('Target')!).toContain(`word/${rel.getAttribute('Target')}`);
    }
    const document = await xml('word/document.xml');
    const footnoteIds = new Set(
      [...(await xml('word/footnotes.xml')).getElementsByTagName('w:footnote')].map((f) =>
        f.getAttribute('w:id'),
      ),
    );
    const references = [...document.getElementsByTagName('w:footnoteReference')].map((r) =>
      r.getAttribute('w:id'),
    );
    expect(references).toHaveLength(allItems().length);
    for (const id of references) expect(footnoteIds.has(id)).toBe(true);
    const bookmarks = [...document.getElementsByTagName('w:bookmarkStart')].map((b) =>
      b.getAttribute('w:name')!,
    );
    expect(new Set(bookmarks).size).toBe(bookmarks.length);
    for (const name of bookmarks) expect(name).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,39}$/);
    for (const link of document.getElementsByTagName('w:hyperlink')) {
      expect(bookmarks).toContain(link.getAttribute('w:anchor'));
    }
    let xmllint = true;
    try {
      execFileSync('xmllint', ['--version'], { stdio: 'pipe' });
    } catch {
      xmllint = false;
    }
    if (!xmllint) return context.skip('xmllint is not installed (apt-get install libxml2-utils)');
    for (const name of names.filter((n) => /\.(xml|rels)$/.test(n))) {
      execFileSync('xmllint', ['--noout', '-'], {
        input: await part(name),
        stdio: ['pipe', 'pipe', 'pipe'],
      });
    }
  });

  it('opens with a title page naming the scope and date, then contents and one heading per pledge chain', async () => {
    const list = paragraphs(await xml('word/document.xml'));
    expect(list.slice(0, 4).map(([, t]) => t)).toEqual([
      'Dossier report',
      'Whole library',
      'Arranged by pledge',
      'Generated 2026-11-22 10:30 UTC',
    ]);
    expect(list[0]![0]).toBe('Title');
    const headings = list.filter(([style]) => style === 'Heading1').map(([, t]) => t.slice(0, 20));
    expect(headings).toEqual([
      'Contents',
      '“Officials who collu',
      '“open a shelter for ',
      '“Inspectors will vis',
      'Not linked to a pled',
      'Sources',
    ]);
  });

  it("gives each quote in a shaded block under its tag's name, read back exactly with its citation", async () => {
    const read = await readDocx(bytes);
    expect(read.map((r) => r.quote)).toEqual(allItems().map((i) => xmlSafe(i.quote)));
    expect(read.map((r) => r.token)).toEqual(allItems().map((i) => tokenOf(i.citation)));
    const document = await xml('word/document.xml');
    const list = [...document.getElementsByTagName('w:p')];
    const styleOf = (p: (typeof list)[number]) =>
      p.getElementsByTagName('w:pStyle')[0]?.getAttribute('w:val') ?? '';
    const quotes = list.filter((p) => styleOf(p).startsWith('DossierQuote'));
    expect(quotes).toHaveLength(allItems().length);
    const styles = [...(await xml('word/styles.xml')).getElementsByTagName('w:style')];
    const tagName = { pledge: 'Pledge', evidence: 'Evidence', critique: 'Critique' } as const;
    quotes.forEach((quote, i) => {
      const item = allItems()[i]!;
      expect(styleOf(quote)).toBe(`DossierQuote${tagName[item.tag]}`);
      const tagLine = list[list.indexOf(quote) - 1]!;
      const tagRun = tagLine.getElementsByTagName('w:r')[0]!;
      expect(tagRun.getElementsByTagName('w:t')[0]!.textContent!.trim()).toBe(tagName[item.tag]);
      expect(tagRun.getElementsByTagName('w:rStyle')[0]!.getAttribute('w:val')).toBe(
        `DossierTag${tagName[item.tag]}`,
      );
    });
    // The tag's look lives in its styles: shading in its colour, a border and an underline in
    // its line style (solid, dashed, double), and the name written out.
    const style = (id: string) => styles.find((s) => s.getAttribute('w:styleId') === id)!;
    for (const [tag, fill, line] of [
      ['Pledge', 'FBEFC5', 'single'],
      ['Evidence', 'D9EFE1', 'dashed'],
      ['Critique', 'FBDDD9', 'double'],
    ] as const) {
      const quote = style(`DossierQuote${tag}`);
      expect(quote.getElementsByTagName('w:basedOn')[0]!.getAttribute('w:val')).toBe(
        'DossierQuote',
      );
      expect(quote.getElementsByTagName('w:shd')[0]!.getAttribute('w:fill')).toBe(fill);
      expect(quote.getElementsByTagName('w:left')[0]!.getAttribute('w:val')).toBe(line);
      const name = style(`DossierTag${tag}`);
      expect(name.getAttribute('w:type')).toBe('character');
      expect(name.getElementsByTagName('w:u')[0]!.getAttribute('w:val')).toBe(
        line === 'dashed' ? 'dash' : line,
      );
    }
  });

  it('puts each citation in a footnote: document, source, date, page, file, hash, code points and the token', async () => {
    const notes = [...(await xml('word/footnotes.xml')).getElementsByTagName('w:footnote')]
      .map((f) => [...f.getElementsByTagName('w:t')].map((t) => t.textContent).join(''))
      .filter((t) => t.includes('SHA-256'));
    expect(notes).toHaveLength(allItems().length);
    const audit = notes.find((n) => n.includes('p. 3'))!;
    const item = allItems().find((i) => i.citation.page === 3)!;
    expect(audit).toContain(
      `Audit of the National Shelter Programme · Ilse Varnholt · 2014-11-19 · p. 3 · file 2014-11-19-shelter-programme-audit.pdf · SHA-256 ${item.citation.sha256} · code points ${item.citation.start}–${item.citation.end}`,
    );
    expect(parseCiteToken(audit)).toMatchObject({ start: item.citation.start, page: 3 });
  });

  it('writes notes as indented text, and markup the analyst typed as text', async () => {
    const list = paragraphs(await xml('word/document.xml'));
    const notes = list.filter(([style]) => style === 'DossierNote').map(([, t]) => t);
    expect(notes).toContain('Note: First time the minister makes this promise.');
    const hostile = notes.find((n) => n.includes('HYPERLINK'))!;
    expect(hostile).toBe(
      `Note: ${XSS.hyperlink}# Not a heading${XSS.img} and ${XSS.script}- not a list[click](${XSS.js})`,
    );
    const raw = await part('word/document.xml');
    expect(raw).not.toContain('<img');
    expect(raw).not.toContain('<script');
    expect(raw).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('replaces characters XML cannot hold, and Verify report still checks the quote', async () => {
    const raw = await part('word/document.xml');
    expect(xmlSafe(raw)).toBe(raw);
    expect(raw).toContain('shelters\uFFFD will open\uFFFD soon');
    const result = await verifyReport({ name: 'r.docx', bytes }, lib);
    expect(result.quotes.every((q) => q.outcome === 'verified')).toBe(true);
  });

  it('opens in LibreOffice, whose text has every quote', async (context) => {
    const missing = sofficeMissing();
    if (missing) return context.skip(missing);
    const text = collapseWhitespace(
      await convertWithSoffice(bytes, 'docx', 'txt:Text (encoded):UTF8'),
    );
    expect(text).toContain('Dossier report');
    for (const item of allItems()) expect(text).toContain(collapseWhitespace(xmlSafe(item.quote)));
    expect(text).toContain(XSS.img);
  }, 120_000);
});
