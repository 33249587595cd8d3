import ExcelJS from 'exceljs';
import { COLUMNS, neutralise, reportRows, type Column } from './report-rows';
import {
  arrangementLine,
  countsLine,
  REPORT_TITLE,
  scopeLine,
  SOURCES_INTRO,
  timestamp,
} from './report-text';
import type { Report } from './report-types';
import { xmlSafe } from './xml-safe';
import { AstralStandIns } from './zip-utf8';

const WRAPPED: readonly Column[] = ['Quote', 'Note', 'Status history', 'Linked pledges'];
const WRAPPED_STYLE: Partial<ExcelJS.Style> = {
  numFmt: '@',
  alignment: { vertical: 'top', wrapText: true },
};
const PLAIN_STYLE: Partial<ExcelJS.Style> = {};

const WIDTHS: Partial<Record<Column, number>> = {
  Section: 30,
  Quote: 60,
  Note: 40,
  'Status history': 30,
  'Linked pledges': 40,
  'Document title': 36,
  'SHA-256': 66,
  URL: 30,
};

/**
 * The report as an Excel workbook: a sheet of annotations (one row per annotation, the CSV's
 * columns), a sheet of sources, and one saying what the report is. Every text cell is a
 * string cell (never a formula) neutralised like the CSV's, so none becomes a formula when the
 * sheet is saved as CSV or a cell is edited.
 */
export async function writeXlsx(report: Report): Promise<Uint8Array> {
  const annotations = reportRows(report).map((row) =>
    COLUMNS.map((column) => {
      const value = row[column];
      return typeof value === 'string' ? cellText(value) : value;
    }),
  );
  const sources = report.sources.map((s) =>
    [s.title, s.source ?? '', s.author ?? '', s.date ?? '', s.url ?? '', s.fileName, s.sha256].map(
      cellText,
    ),
  );
  const about = [
    REPORT_TITLE,
    `${scopeLine(report)} · ${arrangementLine(report)} · Generated ${timestamp(report.options.generatedAt)}`,
    countsLine(report),
    SOURCES_INTRO,
  ].map(cellText);
  const standIns = new AstralStandIns(
    [...annotations.flat(), ...sources.flat(), ...about].filter((v) => typeof v === 'string'),
  );
  const hide = (v: string | number | null) => (typeof v === 'string' ? standIns.hide(v) : v);

  const book = new ExcelJS.Workbook();
  book.creator = 'Dossier';
  book.created = report.options.generatedAt;

  const sheet = book.addWorksheet('Annotations', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((column) => ({
    header: column,
    key: column,
    width: WIDTHS[column] ?? 16,
  }));
  sheet.getRow(1).font = { bold: true };
  // Long texts wrap and are formatted as text, so what is typed there later stays text too.
  // Every other cell shares one plain style object: exceljs gives each new cell a style
  // object of its own and works out every one of them again when writing, unless it has
  // seen that very object before.
  const wrapped = new Set(WRAPPED.map((column) => COLUMNS.indexOf(column) + 1));
  for (const values of annotations) {
    // An empty field is no cell at all: a third of a typical row's fields are empty, and each
    // cell exceljs makes costs time and memory to write.
    const row = values.map((v) => (v === '' || v === null ? undefined : hide(v)));
    sheet.addRow(row).eachCell((cell, column) => {
      cell.style = wrapped.has(column) ? WRAPPED_STYLE : PLAIN_STYLE;
    });
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };

  const sourceSheet = book.addWorksheet('Sources', { views: [{ state: 'frozen', ySplit: 1 }] });
  sourceSheet.columns = SOURCE_COLUMNS.map((header) => ({
    header,
    key: header,
    width: header === 'SHA-256' ? 66 : 30,
    style: { numFmt: '@' },
  }));
  sourceSheet.getRow(1).font = { bold: true };
  for (const row of sources) sourceSheet.addRow(row.map(hide));

  const aboutSheet = book.addWorksheet('Report');
  aboutSheet.getColumn(1).width = 100;
  for (const line of about) aboutSheet.addRow([hide(line)]);
  aboutSheet.getRow(1).font = { bold: true, size: 14 };

  // Fast compression: the sheet's XML is repetitive, so level 1 still shrinks it about tenfold.
  const bytes = new Uint8Array(
    await book.xlsx.writeBuffer({
      zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } },
    } as Partial<ExcelJS.XlsxWriteOptions>),
  );
  return standIns.restore(bytes);
}

const SOURCE_COLUMNS = ['Title', 'Source', 'Author', 'Date', 'URL', 'File name', 'SHA-256'];

/** Excel refuses (and offers to repair) a file with a cell longer than this, in UTF-16 units. */
export const EXCEL_CELL_LIMIT = 32_767;

/** A text as an inert cell of at most Excel's length. */
function cellText(value: string): string {
  const cell = neutralise(xmlSafe(value));
  return cell.length <= EXCEL_CELL_LIMIT ? cell : cut(cell, Array.from(value).length);
}

/** A text too long for one cell, cut at a character boundary and saying so. */
function cut(value: string, characters: number): string {
  const note = ` … [cut here: ${characters} characters in all; the CSV report has them all]`;
  let end = EXCEL_CELL_LIMIT - note.length;
  const code = value.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return value.slice(0, end) + note;
}
