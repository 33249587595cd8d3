import type { Report, ReportChart, ReportFormat, ReportOptions } from './report-types';
import { writeHtml } from './write-html';
import { writeMarkdown } from './write-markdown';
import { writeCsv } from './write-table';

export type WritableFormat = Exclude<ReportFormat, 'pdf'>;

const encoder = new TextEncoder();

/**
 * The report as a file's bytes: Markdown, HTML and CSV as UTF-8 (CSV with a byte-order mark,
 * so Excel reads it as UTF-8), Word and Excel as their zip packages. The Word and Excel
 * libraries are loaded only when asked for. PDF is the HTML, printed by the host. `chart` is a
 * pledge dossier's timeline as drawn outside core: HTML and Markdown embed its SVG, Word its
 * PNG; CSV and Excel hold rows only.
 */
export async function writeReport(
  report: Report,
  format: WritableFormat,
  chart?: ReportChart,
): Promise<Uint8Array> {
  switch (format) {
    case 'markdown':
      return encoder.encode(writeMarkdown(report, chart));
    case 'html':
      return encoder.encode(writeHtml(report, chart));
    case 'csv':
      return encoder.encode(`\uFEFF${writeCsv(report)}`);
    case 'docx':
      return (await import('./write-docx')).writeDocx(report, chart);
    case 'xlsx':
      return (await import('./write-xlsx')).writeXlsx(report);
  }
}

/**
 * Starts loading the Word or Excel library, so that it loads while the library is read and
 * the report placed, not after; writeReport then finds it loaded.
 */
export function preloadWriter(format: ReportFormat): void {
  if (format === 'docx') void import('./write-docx').catch(() => undefined);
  if (format === 'xlsx') void import('./write-xlsx').catch(() => undefined);
}

export const REPORT_EXTENSIONS: Record<ReportFormat, string> = {
  markdown: 'md',
  html: 'html',
  pdf: 'pdf',
  docx: 'docx',
  csv: 'csv',
  xlsx: 'xlsx',
};

/** The media type a saved or downloaded report is given. */
export const REPORT_MIME_TYPES: Record<ReportFormat, string> = {
  markdown: 'text/markdown;charset=utf-8',
  html: 'text/html;charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const SCOPE_NAMES: Record<ReportOptions['scope']['kind'], string> = {
  library: '',
  dossier: '-pledge-dossier',
  filtered: '-filtered',
  document: '-document',
};

/** `dossier-report[-scope]-YYYY-MM-DD.ext`, e.g. `dossier-report-pledge-dossier-2026-11-22.docx`. */
export function reportFileName(options: ReportOptions, format: ReportFormat): string {
  const day = options.generatedAt.toISOString().slice(0, 10);
  return `dossier-report${SCOPE_NAMES[options.scope.kind]}-${day}.${REPORT_EXTENSIONS[format]}`;
}
