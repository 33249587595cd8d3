import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ParsedDocumentSchema, type ParsedDocument } from '../model';
import { parsePdfFile } from './pdf';
import type { IngestResult, PdfEngine } from './result';

// The fixtures are real LibreOffice and qpdf output; scripts/fixtures/make-pdf-fixtures.sh
// makes them from the sources in scripts/fixtures/pdf-sources/.
const engine: PdfEngine = { getDocument: pdfjs.getDocument };

function fixture(name: string): Uint8Array {
  const url = new URL(`../../../tests/fixtures/collection/${name}`, import.meta.url);
  return new Uint8Array(readFileSync(url));
}

function parse(name: string, bytes = fixture(name), password?: string): Promise<IngestResult> {
  return parsePdfFile(bytes, name, { pdf: engine, password });
}

function ok(result: IngestResult): ParsedDocument {
  if (result.status !== 'ok')
    throw new Error(`expected ok, got ${result.status}: ${result.reason}`);
  const doc = ParsedDocumentSchema.parse(result.doc);
  expectWellFormed(doc);
  return doc;
}

function expectWellFormed(doc: ParsedDocument): void {
  const texts = doc.blocks.map((b) => doc.text.slice(b.start, b.end));
  expect(texts.join('\n\n')).toBe(doc.text);
  for (const text of texts) expect(text).toBe(text.replace(/\s+/g, ' ').trim());
  const pages = doc.pages ?? [];
  let previousEnd = 0;
  for (const page of pages) {
    expect(page.start).toBeGreaterThanOrEqual(previousEnd);
    expect(page.end).toBeGreaterThanOrEqual(page.start);
    previousEnd = page.end;
    // A block lies wholly inside one page or wholly outside it.
    for (const b of doc.blocks) {
      const inside = b.start >= page.start && b.end <= page.end;
      const outside = b.end <= page.start || b.start >= page.end;
      expect(inside || outside).toBe(true);
    }
  }
}

function pageText(doc: ParsedDocument, index: number): string {
  const page = doc.pages?.[index];
  if (!page) throw new Error(`no page ${index}`);
  return doc.text.slice(page.start, page.end);
}

function blockTexts(doc: ParsedDocument, kind?: string): string[] {
  return doc.blocks
    .filter((b) => kind === undefined || b.kind === kind)
    .map((b) => doc.text.slice(b.start, b.end));
}

describe('parsePdfFile on a 3-page report', () => {
  let doc: ParsedDocument;
  beforeAll(async () => {
    doc = ok(await parse('valdoria-shelter-audit-2014.pdf'));
  });

  it('takes title, author, language and date from the metadata', () => {
    expect(doc.format).toBe('pdf');
    expect(doc.title).toBe('Audit of the National Shelter Programme');
    expect(doc.author).toBe('Ilse Varnholt');
    expect(doc.language).toBe('en-GB');
    // CreationDate (19 November) wins over the date in the text (20 November 2014).
    expect(doc.date).toBe('2014-11-19');
    expect(doc.source).toBeNull();
    expect(doc.url).toBeNull();
    expect(doc.flags).toBeUndefined();
  });

  it('records where each page is in the text', () => {
    expect(doc.pages).toHaveLength(3);
    expect(pageText(doc, 0)).toContain(
      'In March 2011 the Ministry of the Interior pledged to open twelve shelters',
    );
    expect(pageText(doc, 1)).toContain(
      'The inspectors found the Belmire shelter locked on three of their five visits.',
    );
    expect(pageText(doc, 2)).toContain(
      "The ministry's annual report counts beds that exist only on paper.",
    );
    expect(pageText(doc, 0)).not.toContain('Belmire shelter locked');
    expect(pageText(doc, 1).startsWith('3. Findings')).toBe(true);
  });

  it('undoes hyphenation at line ends and keeps real hyphens', () => {
    expect(doc.text).toContain("listed in the ministry's register, read the intake ledgers");
    expect(doc.text).toContain("the shelters' own ledgers disagreed, the ledgers were preferred");
    expect(doc.text).not.toMatch(/reg- ?ister|dis- ?agreed/);
    expect(doc.text).toContain('A well-known weakness');
    expect(doc.text).toContain('Non-governmental organisations');
  });

  it('splits paragraphs and finds headings by size', () => {
    expect(blockTexts(doc, 'heading')).toEqual([
      'Audit of the National Shelter Programme',
      '1. Summary',
      '2. Scope and method',
      '3. Findings',
      '3.1 Funding',
      "4. Critique of the ministry's reporting",
      '5. Recommendations',
    ]);
    expect(doc.blocks.filter((b) => b.kind === 'heading').map((b) => b.level)).toEqual([
      1, 2, 2, 2, 2, 2, 2,
    ]);
    const paragraphs = blockTexts(doc, 'paragraph');
    expect(paragraphs).toHaveLength(12);
    expect(paragraphs).toContain(
      'Report of the Inspectorate of Social Protection to the National Assembly, 20 November 2014.',
    );
    // The narrow-column paragraph is one block, however many lines it took.
    expect(
      paragraphs.some((p) => p.startsWith('The inspectors visited') && p.endsWith('duty officer.')),
    ).toBe(true);
    expect(paragraphs.some((p) => p.startsWith('The inspectors found the Belmire shelter'))).toBe(
      true,
    );
  });

  it('drops the running header and the page numbers', () => {
    expect(doc.text).not.toContain('Republic of Valdoria');
    expect(blockTexts(doc).filter((t) => /^\d+$/.test(t))).toEqual([]);
  });

  // Speed is measured by `npm run bench:import`, not asserted here: timings fail on busy machines.
  it('leaves the caller\u2019s bytes alone, parse after parse', async () => {
    const bytes = fixture('valdoria-shelter-audit-2014.pdf');
    const copy = bytes.slice();
    for (let run = 0; run < 3; run += 1) ok(await parse('valdoria-shelter-audit-2014.pdf', bytes));
    expect(bytes.byteLength).toBe(copy.byteLength);
    expect(bytes).toEqual(copy);
  });
});

describe('parsePdfFile on an encrypted PDF', () => {
  it('asks for a password', async () => {
    expect(await parse('protected-briefing.pdf')).toEqual({
      status: 'failed',
      code: 'encrypted',
      reason: 'encrypted PDF: a password is needed',
    });
  });

  it('says when the password is wrong', async () => {
    expect(await parse('protected-briefing.pdf', undefined, 'valdorian')).toEqual({
      status: 'failed',
      code: 'encrypted',
      reason: 'encrypted PDF: the password is wrong',
    });
  });

  it('reads it with the right password', async () => {
    const doc = ok(await parse('protected-briefing.pdf', undefined, 'valdoria'));
    expect(doc.title).toBe('Briefing: Witness Protection in Trafficking Trials');
    expect(doc.author).toBe('Teodor Halvik');
    expect(doc.date).toBe('2016-02-09');
    expect(doc.pages).toHaveLength(1);
    expect(doc.text).toContain(
      'Only four of the nineteen witnesses who testified in 2015 were offered protection before the trial began.',
    );
  });
});

describe('parsePdfFile on files that are not whole PDFs', () => {
  it('reports a truncated file as damaged', async () => {
    const result = await parse('truncated-report.pdf');
    expect(result).toEqual({ status: 'failed', reason: 'damaged PDF: invalid PDF structure' });
  });

  it('reports bytes without a PDF header as not a PDF', async () => {
    const bytes = new TextEncoder().encode('Shelter audit notes, plain text saved as .pdf\n');
    expect(await parse('notes.pdf', bytes)).toEqual({
      status: 'failed',
      reason: 'damaged PDF: not a PDF file',
    });
  });

  it('reports a header followed by garbage as damaged', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7\n% nothing else survived\n');
    const result = await parse('stub.pdf', bytes);
    expect(result.status).toBe('failed');
    expect(result.status === 'failed' && result.reason).toMatch(/^damaged PDF: \S/);
  });
});

describe('parsePdfFile on a scan without a text layer', () => {
  it('imports it, empty and flagged, named after the file', async () => {
    const doc = ok(await parse('scanned-letter.pdf'));
    expect(doc.text).toBe('');
    expect(doc.blocks).toEqual([]);
    expect(doc.pages).toEqual([{ start: 0, end: 0 }]);
    expect(doc.flags).toEqual(['no-text']);
    expect(doc.title).toBe('scanned-letter');
    expect(doc.date).toBe('2014-04-22');
  });
});
