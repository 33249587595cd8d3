import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  annotatedLibrary,
  XSS,
  type TestLibrary,
  libraryReport,
} from '../../../tests/report-library';
import { convertWithSoffice, sofficeMissing } from '../../../tests/soffice';
import { COLUMNS, neutralise, readNeutralised } from './report-rows';
import type { Report } from './report-types';
import { writeReport } from './write-report';

let lib: TestLibrary;
let report: Report;
beforeAll(async () => {
  lib = await annotatedLibrary();
  report = libraryReport(lib, 'pledge');
});

/** One entry per annotation, in report order: each item once. */
function uniqueItems() {
  const seen = new Set<string>();
  return [...report.sections.flatMap((s) => s.items), ...report.unverified].filter((i) => {
    const fresh = !seen.has(i.annotation.id);
    seen.add(i.annotation.id);
    return fresh;
  });
}

const FORMULA_START = /^[=+\-@\t\r]/;

describe('the CSV report', () => {
  let bytes: Uint8Array;
  let rows: Record<string, string>[];
  beforeAll(async () => {
    bytes = await writeReport(report, 'csv');
    const parsed = Papa.parse<Record<string, string>>(new TextDecoder().decode(bytes), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    rows = parsed.data;
  });

  it('is UTF-8 with a byte-order mark and CRLF record ends, headed by every column', () => {
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')[0]).toBe(COLUMNS.map((c) => `"${c}"`).join(','));
    expect(text.endsWith('"\r\n')).toBe(true);
    expect(Object.keys(rows[0]!)).toEqual([...COLUMNS]);
  });

  it('has one row per annotation with its quote, tag, note, citation and verification', () => {
    const items = uniqueItems();
    expect(rows).toHaveLength(lib.annotations.length);
    expect(rows.map((r) => readNeutralised(r.Quote!))).toEqual(items.map((i) => i.quote));
    for (const [i, row] of rows.entries()) {
      const item = items[i]!;
      expect(row).toMatchObject({
        Tag: { pledge: 'Pledge', evidence: 'Evidence', critique: 'Critique' }[item.tag],
        'SHA-256': item.citation.sha256,
        Start: String(item.citation.start),
        End: String(item.citation.end),
        Page: item.citation.page === null ? '' : String(item.citation.page),
        'File name': item.citation.fileName,
        Verification: 'verified in place',
        'Annotation ID': item.annotation.id,
      });
      expect(readNeutralised(row.Note!)).toBe(item.annotation.note);
    }
    const e5 = rows.find((r) => r.Quote === 'Only two of the six shelters')!;
    expect(e5['Linked pledges']!.split('\n')).toHaveLength(2);
    const p1 = rows.find((r) =>
      r.Quote!.startsWith(
        'Officials who collude with traffickers will be punished, whatever their rank',
      ),
    )!;
    expect(p1).toMatchObject({
      Status: 'Broken',
      Actor: 'Teodor Malvane',
      Labels: 'complicity, justice',
    });
    expect(p1['Status history']).toBe(
      '2008-03-20: Open (Just made)\n2016-04-12: Broken (No official convicted of trafficking by 2016)',
    );
  });

  it('counts start and end in code points, so astral quotes cut out of the text exactly', () => {
    const text = Array.from(lib.doc('astral-crlf').content.text);
    const astral = rows.filter((r) => r['File name'] === 'astral-crlf.txt');
    expect(astral).toHaveLength(2);
    for (const row of astral) {
      expect(text.slice(Number(row.Start), Number(row.End)).join('')).toBe(row.Quote);
    }
  });

  it('makes every cell that a spreadsheet would read as a formula inert', () => {
    const hostile = rows.find((r) => r.Quote!.startsWith('<script>alert(6)'))!;
    expect(hostile.Note!.startsWith(`'${XSS.hyperlink}`)).toBe(true);
    expect(hostile.Actor).toBe(XSS.img);
    const pledge = rows.find((r) => r.Quote!.startsWith('Inspectors'))!;
    expect(pledge.Actor).toBe(`'@SUM(1+1)*cmd|" /C calc"!A0`);
    expect(pledge.Rationale).toBe(`'+${XSS.js}`);
    expect(pledge.Note).toBe("'-2+3");
    for (const row of rows)
      for (const cell of Object.values(row)) expect(cell).not.toMatch(FORMULA_START);
  });
});

describe('cell neutralisation', () => {
  it.each(['=1+1', '+1', '-1', '@A1', '\tx', '\rx', "'=x", "''+x", 'plain', "'plain", ''])(
    'makes %j inert and reads it back',
    (cell) => {
      const written = neutralise(cell);
      expect(written).not.toMatch(FORMULA_START);
      expect(readNeutralised(written)).toBe(cell);
    },
  );
});

describe('the Excel report', () => {
  let book: ExcelJS.Workbook;
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await writeReport(report, 'xlsx');
    book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.slice().buffer);
  });

  it("has a sheet of annotations with the CSV's columns and rows, as text cells", () => {
    const sheet = book.getWorksheet('Annotations')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...COLUMNS]);
    expect(sheet.rowCount).toBe(lib.annotations.length + 1);
    const items = uniqueItems();
    const col = (name: (typeof COLUMNS)[number]) => COLUMNS.indexOf(name) + 1;
    for (let r = 2; r <= sheet.rowCount; r += 1) {
      const row = sheet.getRow(r);
      const item = items[r - 2]!;
      expect(readNeutralised(String(row.getCell(col('Quote')).value))).toBe(item.quote);
      expect(row.getCell(col('Start')).value).toBe(item.citation.start);
      expect(row.getCell(col('End')).value).toBe(item.citation.end);
      expect(row.getCell(col('SHA-256')).value).toBe(item.citation.sha256);
      for (let c = 1; c <= COLUMNS.length; c += 1) {
        const cell = row.getCell(c);
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === 'string') expect(cell.value).not.toMatch(FORMULA_START);
      }
    }
    // Long texts are formatted as text and wrap.
    for (const name of ['Quote', 'Note'] as const) {
      const cell = sheet.getRow(2).getCell(col(name));
      expect(cell.numFmt).toBe('@');
      expect(cell.alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    }
    const sources = book.getWorksheet('Sources')!;
    expect(sources.rowCount).toBe(report.sources.length + 1);
  });

  it('cuts a text too long for an Excel cell, and says so', async () => {
    const long = libraryReport(lib, 'tag');
    const item = long.sections[0]!.items[0]!;
    long.sections[0]!.items[0] = {
      ...item,
      annotation: { ...item.annotation, note: `=${'😀'.repeat(20_000)}` },
    };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeReport(long, 'xlsx')).slice().buffer);
    const note = String(
      workbook
        .getWorksheet('Annotations')!
        .getRow(2)
        .getCell(COLUMNS.indexOf('Note') + 1).value,
    );
    expect(note.length).toBeLessThanOrEqual(32_767);
    expect(note).toMatch(
      /^'=😀+ … \[cut here: 20001 characters in all; the CSV report has them all\]$/u,
    );
  });

  it('keeps a formula the analyst typed as inert text', () => {
    const sheet = book.getWorksheet('Annotations')!;
    const note = COLUMNS.indexOf('Note') + 1;
    const notes: string[] = [];
    sheet.eachRow((row) => notes.push(String(row.getCell(note).value ?? '')));
    const hostile = notes.find((n) => n.includes('HYPERLINK'))!;
    expect(hostile.startsWith(`'${XSS.hyperlink}`)).toBe(true);
  });

  it('opens in LibreOffice, which reads back every quote and no formula', async (context) => {
    const missing = sofficeMissing();
    if (missing) return context.skip(missing);
    const csv = await convertWithSoffice(
      bytes,
      'xlsx',
      'csv:Text - txt - csv (StarCalc):44,34,76,1',
    );
    const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true });
    const quotes = parsed.data.slice(1).map((r) => readNeutralised(r[COLUMNS.indexOf('Quote')]!));
    expect(quotes).toEqual(uniqueItems().map((i) => i.quote));
    const notes = parsed.data.map((r) => r[COLUMNS.indexOf('Note')]);
    expect(notes).toContain(
      `'${XSS.hyperlink}\n# Not a heading\n${XSS.img} and ${XSS.script}\n- not a list\n[click](${XSS.js})`,
    );
    expect(notes).not.toContain('y');
  }, 120_000);
});

describe('characters outside the Basic Multilingual Plane in the Excel report', () => {
  it("come back whole from a sheet far larger than one of the zip library's pieces", async () => {
    const big = libraryReport(lib, 'tag');
    const [first] = big.sections[0]!.items;
    // Thousands of quotes of odd lengths, each with emoji and astral letters: some of those
    // characters are bound to fall on a piece boundary.
    big.sections[0]!.items = Array.from({ length: 3000 }, (_, i) => ({
      ...first!,
      annotation: { ...first!.annotation, id: `emoji-${i}` },
      quote: `${'x'.repeat(i % 7)}🏠 quote ${i} 𝔗𝔞𝔯𝔰𝔨 😀`,
    }));
    const bytes = await writeReport(big, 'xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.slice().buffer);
    const quotes: string[] = [];
    const quote = COLUMNS.indexOf('Quote') + 1;
    book.getWorksheet('Annotations')!.eachRow((row, n) => {
      if (n > 1) quotes.push(String(row.getCell(quote).value));
    });
    expect(quotes.slice(0, 3000)).toEqual(big.sections[0]!.items.map((i) => i.quote));
  });
});
