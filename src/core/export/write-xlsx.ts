import ExcelJS from 'exceljs';
import { COLUMNS, neutralise, NUMBER_COLUMNS, reportRows, type Column } from './report-rows';
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
 * string cell formatted as text and neutralised like the CSV's, so no cell holds a formula or
 * becomes one when edited or saved as CSV.
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
    style: NUMBER_COLUMNS.has(column) ? {} : { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of reportRows(report)) {
    const values: Record<string, string | number | null> = {};
    for (const column of COLUMNS) {
      const value = row[column];
      values[column] = typeof value === 'string' ? text(value) : value === null ? null : value;
    }
    sheet.addRow(values).alignment = { vertical: 'top', wrapText: true };
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

  return new Uint8Array(await book.xlsx.writeBuffer());
}

function text(value: string): string {
  return neutralise(xmlSafe(value));
}
