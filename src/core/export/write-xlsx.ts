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

const WRAPPED: readonly Column[] = ['Quote', 'Note', 'Status history', 'Linked pledges'];
const WRAPPED_STYLE: Partial<ExcelJS.Style> = {
  numFmt: '@',
  alignment: { vertical: 'top', wrapText: true },
};

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
  for (const row of reportRows(report)) {
    sheet.addRow(
      COLUMNS.map((column) => {
        const value = row[column];
        return typeof value === 'string' ? text(value) : value;
      }),
    );
  }
  // Long texts wrap and are formatted as text, so what is typed there later stays text too.
  // Only these columns are styled: a style on every cell would double the time to write.
  for (const column of WRAPPED) {
    sheet.getColumn(column).eachCell({ includeEmpty: false }, (cell, rowNumber) => {
      if (rowNumber > 1) cell.style = WRAPPED_STYLE;
    });
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };

  const sources = book.addWorksheet('Sources', { views: [{ state: 'frozen', ySplit: 1 }] });
  const sourceColumns = ['Title', 'Source', 'Author', 'Date', 'URL', 'File name', 'SHA-256'];
  sources.columns = sourceColumns.map((header) => ({
    header,
    key: header,
    width: header === 'SHA-256' ? 66 : 30,
    style: { numFmt: '@' },
  }));
  sources.getRow(1).font = { bold: true };
  for (const s of report.sources) {
    sources.addRow(
      [
        s.title,
        s.source ?? '',
        s.author ?? '',
        s.date ?? '',
        s.url ?? '',
        s.fileName,
        s.sha256,
      ].map(text),
    );
  }

  const about = book.addWorksheet('Report');
  about.getColumn(1).width = 100;
  for (const line of [
    REPORT_TITLE,
    `${scopeLine(report)} · ${arrangementLine(report)} · Generated ${timestamp(report.options.generatedAt)}`,
    countsLine(report),
    SOURCES_INTRO,
  ]) {
    about.addRow([text(line)]);
  }
  about.getRow(1).font = { bold: true, size: 14 };

  // Fast compression: the sheet's XML is repetitive, so level 1 still shrinks it about tenfold.
  return new Uint8Array(
    await book.xlsx.writeBuffer({
      zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } },
    } as Partial<ExcelJS.XlsxWriteOptions>),
  );
}

function text(value: string): string {
  return neutralise(xmlSafe(value));
}
