import {
  buildReport,
  preloadWriter,
  reportFileName,
  verifyReport,
  writeReport,
} from '@core/export';
import type {
  Report,
  ReportArrangement,
  ReportChart,
  ReportFormat,
  ReportScope,
  VerifyResult,
} from '@core/export/report-types';
import { writePrintHtml, type PrintedReport } from '@core/export/write-print-html';
import type { DossierDb } from '../../db/schema';
import type { Rasterise } from './chart-raster';
import { loadReportLibrary } from './report-library';
import { verifyAgainstLibrary } from '../verify/verify-library';

/** What the report worker is asked: write a report, or check one read back. */
export type ReportJobRequest =
  | {
      kind: 'export';
      scope: ReportScope;
      arrangement: ReportArrangement;
      format: ReportFormat;
      /** Milliseconds since the epoch: the time the analyst pressed Export. */
      generatedAt: number;
      /** A PDF for a host that prints in parts (the desktop app) rather than one document. */
      printInParts?: boolean;
    }
  | { kind: 'verify'; name: string; bytes: Uint8Array<ArrayBuffer> };

export type ReportJobPhase = 'reading' | 'placing' | 'writing' | 'checking';

export interface ReportJobProgress {
  phase: ReportJobPhase;
  done: number;
  total: number;
}

export type ReportJobResponse =
  | {
      kind: 'export';
      fileName: string;
      /**
       * The file; for a PDF printed as one document (the web app) the HTML to print, in
       * UTF-8; empty for a PDF printed in parts, which the host prints from `printed`.
       */
      bytes: Uint8Array<ArrayBuffer>;
      /** For a PDF printed in parts (the desktop app): the report written to print. */
      printed?: PrintedReport;
      counts: Report['counts'];
    }
  | { kind: 'verify'; result: VerifyResult };

/**
 * Progress at most every 100 ms within a phase: a message per placed quote would flood the
 * page. A new phase and a phase's end always go through.
 */
function throttled(report: (progress: ReportJobProgress) => void) {
  let last = 0;
  let phase: ReportJobProgress['phase'] | null = null;
  return (progress: ReportJobProgress) => {
    const now = Date.now();
    const news = progress.phase !== phase || progress.done >= progress.total;
    if (!news && now - last < 100) return;
    last = now;
    phase = progress.phase;
    report(progress);
  };
}

function ownBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  // A view on part of a larger buffer would transfer (and hold on to) all of it.
  return bytes.buffer instanceof ArrayBuffer &&
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength
    ? (bytes as Uint8Array<ArrayBuffer>)
    : new Uint8Array(bytes);
}

/**
 * A pledge dossier's timeline chart for the formats that show pictures: its SVG, and for Word
 * a PNG of it by `rasterise` (the page, for a worker); without one, Word gets the table alone.
 */
async function chartFor(
  report: Report,
  format: ReportFormat,
  rasterise: Rasterise | undefined,
): Promise<ReportChart | undefined> {
  if (!report.timeline || format === 'csv' || format === 'xlsx') return undefined;
  // Plot and linkedom are loaded only for a dossier's chart.
  const chart = (await import('./report-chart')).drawReportChart(report.timeline);
  if (!chart || format !== 'docx' || !rasterise) return chart;
  try {
    return { ...chart, png: await rasterise(chart) };
  } catch {
    return chart;
  }
}

/**
 * The report worker's work, callable without a worker: reads the library, builds the report
 * and writes it, or reads a report back and checks its quotes. It only ever reads the library.
 * `rasterise` makes the PNG of a pledge dossier's chart for Word.
 */
export async function runReportJob(
  request: ReportJobRequest,
  onProgress: (progress: ReportJobProgress) => void = () => undefined,
  database?: DossierDb,
  rasterise?: Rasterise,
): Promise<ReportJobResponse> {
  const progress = throttled(onProgress);
  if (request.kind === 'verify') {
    progress({ phase: 'reading', done: 0, total: 1 });
    const file = { name: request.name, bytes: request.bytes };
    progress({ phase: 'checking', done: 0, total: 1 });
    return { kind: 'verify', result: await verifyAgainstLibrary(file, verifyReport, database) };
  }
  progress({ phase: 'reading', done: 0, total: 1 });
  preloadWriter(request.format);
  const library = await loadReportLibrary(request.scope, database);
  const options = {
    scope: request.scope,
    arrangement: request.arrangement,
    generatedAt: new Date(request.generatedAt),
  };
  const report = buildReport(library, options, (done, total) =>
    progress({ phase: 'placing', done, total }),
  );
  progress({ phase: 'writing', done: 0, total: 1 });
  const fileName = reportFileName(options, request.format);
  const chart = await chartFor(report, request.format, rasterise);
  if (request.format === 'pdf') {
    // A PDF is the report written for paper, printed by the host.
    const inParts = request.printInParts === true;
    const printed = writePrintHtml(report, inParts, undefined, chart);
    if (inParts) {
      return { kind: 'export', fileName, bytes: new Uint8Array(0), printed, counts: report.counts };
    }
    // One document, as bytes: transferred to the page, not copied like a string.
    const bytes = ownBuffer(new TextEncoder().encode(printed.parts[0] ?? ''));
    return { kind: 'export', fileName, bytes, counts: report.counts };
  }
  const bytes = await writeReport(report, request.format, chart);
  return { kind: 'export', fileName, bytes: ownBuffer(bytes), counts: report.counts };
}
