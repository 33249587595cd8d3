import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  annotatedLibrary,
  importedDoc,
  type TestLibrary,
  libraryReport,
} from '../../../tests/report-library';
import { SAMPLES_DIR } from '../../../tests/samples';
import { reanchorAnnotation } from '../anchoring';
import { buildReport } from './build-report';
import { ReportReadError } from './read-report';
import type { Report, VerifyResult } from './report-types';
import { verifyReport } from './verify-report';
import { writeReport, type WritableFormat } from './write-report';

const EDITED_FROM = 'complicit officials are never prosecuted';
const EDITED_TO = 'complicit officials are rarely prosecuted';

let lib: TestLibrary;
let report: Report;
beforeAll(async () => {
  lib = await annotatedLibrary();
  report = libraryReport(lib, 'document');
});

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const bytesOf = (s: string) => new TextEncoder().encode(s);

/** The exported file with one quote changed by hand, as an editor would in that format. */
async function editQuote(format: WritableFormat, bytes: Uint8Array): Promise<Uint8Array> {
  if (format === 'docx') {
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain(EDITED_FROM);
    zip.file('word/document.xml', xml.replace(EDITED_FROM, EDITED_TO));
    return zip.generateAsync({ type: 'uint8array' });
  }
  const before = text(bytes);
  // In the CSV the op-ed's quote is in one cell; in the others, in one quote block.
  expect(before.split(EDITED_FROM)).toHaveLength(2);
  return bytesOf(before.replace(EDITED_FROM, EDITED_TO));
}

/** The library after the customs article was imported again as a changed version. */
async function withNewVersion(): Promise<TestLibrary> {
  const copy = await annotatedLibrary();
  const old = copy.doc('2009-06-18');
  const changed = readFileSync(SAMPLES_DIR + old.record.fileName, 'utf8').replace(
    'Judge Mathilde Srebnik said',
    'Presiding judge Mathilde Srebnik said',
  );
  const next = await importedDoc({ name: old.record.fileName, bytes: bytesOf(changed) }, 2);
  copy.add({ record: { ...next.record, id: old.record.id, version: 2 }, content: next.content });
  copy.annotations = copy.annotations.map((a) =>
    a.docId === old.record.id
      ? reanchorAnnotation(a, next.content.text, next.record.contentHash, 2).annotation
      : a,
  );
  return copy;
}

const notVerified = (result: VerifyResult) => result.quotes.filter((q) => q.outcome !== 'verified');

describe('verifyReport', () => {
  it.each(['html', 'markdown', 'docx', 'csv'] as const)(
    'verifies every quote of an untouched %s report',
    async (format) => {
      const bytes = await writeReport(report, format);
      const result = await verifyReport({ name: `report.${format}`, bytes }, lib);
      expect(result.format).toBe(format);
      expect(result.quotes).toHaveLength(report.counts.items);
      expect(notVerified(result)).toEqual([]);
      const astral = result.quotes.filter((q) => q.citation.fileName === 'astral-crlf.txt');
      expect(astral.map((q) => q.quote)).toEqual(
        report.sections
          .flatMap((s) => s.items)
          .filter((i) => i.doc.fileName === 'astral-crlf.txt')
          .map((i) => i.quote),
      );
    },
  );

  it.each(['html', 'markdown', 'docx', 'csv'] as const)(
    'lists exactly the quote edited by hand and the source imported again as a new version (%s)',
    async (format) => {
      const edited = await editQuote(format, await writeReport(report, format));
      const result = await verifyReport(
        { name: 'returned-by-the-editor', bytes: edited },
        await withNewVersion(),
      );
      const flagged = notVerified(result);
      expect(flagged.map((q) => [q.outcome, q.citation.fileName])).toEqual([
        ['source-missing', '2009-06-18-customs-officers-convicted-of-negligence.txt'],
        ['changed', '2012-02-09-opinion-complicit-officials-never-prosecuted.txt'],
      ]);
      const [missing, changed] = flagged;
      expect(missing!.otherVersion).toMatchObject({
        docId: 'doc:2009-06-18-customs-officers-convicted-of-negligence.txt',
        title: 'Two Customs Officers Convicted of Negligence in Tarsk Lorry Case',
      });
      expect(missing!.otherVersion!.foundAt!.start).toBeGreaterThan(0);
      expect(changed!.quote).toBe(`In my experience, ${EDITED_TO}.`);
      expect(changed!.actual).toBe(`In my experience, ${EDITED_FROM}.`);
      expect(result.quotes.filter((q) => q.outcome === 'verified')).toHaveLength(
        report.counts.items - 2,
      );
    },
  );

  it('reads a Markdown report back after an editor re-spaced it', async () => {
    const markdown = text(await writeReport(report, 'markdown'))
      .replaceAll('-->\n>', '-->\n\n>')
      .replaceAll('\n', '\r\n');
    const result = await verifyReport({ name: 'r.md', bytes: bytesOf(markdown) }, lib);
    expect(result.quotes).toHaveLength(report.counts.items);
    expect(notVerified(result)).toEqual([]);
  });

  it('finds a quote whose cited place was changed by hand elsewhere in its document', async () => {
    const html = text(await writeReport(report, 'html'));
    const item = report.sections
      .flatMap((s) => s.items)
      .find((i) => i.quote.startsWith('Only two of'))!;
    const { start, end } = item.citation;
    const moved = html.replace(`start=${start} end=${end} `, `start=${start + 7} end=${end + 7} `);
    const result = await verifyReport({ name: 'r.html', bytes: bytesOf(moved) }, lib);
    expect(notVerified(result)).toEqual([
      expect.objectContaining({ outcome: 'elsewhere', foundAt: { start, end }, quote: item.quote }),
    ]);
  });

  it('reads the quotes of unverified items too, and reports them as they are now', async () => {
    const moved = await annotatedLibrary();
    const [first] = moved.annotations;
    moved.annotations[0] = {
      ...first!,
      target: {
        ...first!.target,
        selectors: [
          {
            type: 'TextQuoteSelector',
            exact: 'Words the minister never said.',
            prefix: '',
            suffix: '',
          },
          { type: 'TextPositionSelector', start: 10, end: 40 },
        ],
      },
    };
    const withOrphan = buildReport(moved, { ...report.options });
    expect(withOrphan.unverified).toHaveLength(1);
    const result = await verifyReport(
      { name: 'r.md', bytes: await writeReport(withOrphan, 'markdown') },
      moved,
    );
    expect(notVerified(result).map((q) => [q.outcome, q.quote])).toEqual([
      ['changed', 'Words the minister never said.'],
    ]);
  });

  it('recognises the format from the content, whatever the name, and says why it cannot read a file', async () => {
    const md = await writeReport(report, 'markdown');
    expect((await verifyReport({ name: 'report.txt', bytes: md }, lib)).format).toBe('markdown');
    const xlsx = await writeReport(report, 'xlsx');
    await expect(verifyReport({ name: 'r.xlsx', bytes: xlsx }, lib)).rejects.toThrow(
      /Excel workbook; Verify report reads the HTML, Markdown, Word and CSV reports/,
    );
    await expect(
      verifyReport({ name: 'notes.txt', bytes: bytesOf('Just some notes.\n') }, lib),
    ).rejects.toThrow(ReportReadError);
    await expect(
      verifyReport({ name: 'r.pdf', bytes: bytesOf('%PDF-1.7\n') }, lib),
    ).rejects.toThrow(/PDF/);
  });
});
