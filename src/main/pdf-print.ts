import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserWindowConstructorOptions, PrintToPDFOptions } from 'electron';
import { PdfJoiner } from '../core/export/pdf-join';
import type { PrintedReport } from '../core/export/write-print-html';

/**
 * Prints a report to PDF: its parts in hidden windows side by side, then joined. Only
 * Electron *types* are imported: index.ts hands in the BrowserWindow class and the window's
 * session, so tests run the whole sequence (temporary file, request filter, load, print, clean-up) in Node.
 */

/** An in-memory session (no "persist:" prefix) used by nothing else, so its filter is its own. */
export const PDF_PARTITION = 'dossier-report-pdf';

/** Long enough for a whole library's report; a print that hangs past it fails with a reason. */
export const PDF_TIMEOUT_MS = 5 * 60_000;

/**
 * A hidden window for one report. A literal `new BrowserWindow({...})` with every setting
 * spelled out, as in window.ts, so Electronegativity checks the real settings.
 */
function openPdfWindow(BrowserWindow: PdfWindowConstructor): PdfWindowLike {
  return new BrowserWindow({
    show: false,
    width: 900,
    height: 1200,
    webPreferences: {
      // No preload: the report's page gets no API at all, and no script may run in it.
      javascript: false,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      enableWebSQL: false,
      spellcheck: false,
      images: true,
      partition: PDF_PARTITION,
    },
  });
}

/**
 * Each part is printed bare: its page numbers, contents' page numbers and outline are added
 * when the parts are joined (pdf-join.ts), since only then are they known for the whole.
 * Chromium's own footer and tagged structure would cost more than the rest of the print and
 * be lost in the join. The page's size and margins come from the report's @page rule.
 */
export function printToPdfOptions(): PrintToPDFOptions {
  return {
    pageSize: 'A4',
    preferCSSPageSize: true,
    printBackground: true,
    displayHeaderFooter: false,
    generateDocumentOutline: false,
    generateTaggedPDF: false,
  };
}

/**
 * The report's own files are the only requests the windows may make. Pictures in a report are
 * data: URLs inside it (they never leave the process); anything else (a link that slipped into
 * a quote, a remote font) is refused.
 */
export function isAllowedPdfRequest(url: string, reportUrls: ReadonlySet<string>): boolean {
  if (reportUrls.has(url)) return true;
  return url.startsWith('data:');
}

export interface PdfSessionLike {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  webRequest: {
    onBeforeRequest(
      listener: (
        details: { url: string },
        callback: (response: { cancel: boolean }) => void,
      ) => void,
    ): void;
  };
}

export interface PdfWindowLike {
  loadFile(path: string): Promise<void>;
  webContents: {
    printToPDF(options: PrintToPDFOptions): Promise<Uint8Array>;
  };
  destroy(): void;
  isDestroyed(): boolean;
}

export type PdfWindowConstructor = new (options: BrowserWindowConstructorOptions) => PdfWindowLike;

export interface PdfPrinterDeps {
  /** Electron's BrowserWindow class (a stand-in in tests and in the benchmark). */
  BrowserWindow: PdfWindowConstructor;
  session: PdfSessionLike;
  /** Where the report's parts are written for the windows to load; the system's temp folder. */
  tempDir?: string;
  timeoutMs?: number;
  /** How many parts print at once, each in a window (a renderer process) of its own. */
  windows?: number;
}

/** One window per core, up to four: each renders a part on its own core. */
export const PDF_WINDOWS = Math.max(1, Math.min(4, availableParallelism()));

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`printing the report took longer than ${ms / 1000} s`)),
      ms,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Returns a function printing a report to PDF bytes. Each part goes to a temporary file
 * rather than a data: URL, which Chromium caps at 2 MB; parts print in parallel windows, each
 * window printing one part after another, and are joined in order as they arrive, so joining
 * overlaps printing.
 */
export function createPdfPrinter(
  deps: PdfPrinterDeps,
): (report: PrintedReport) => Promise<Uint8Array> {
  const allowed = new Set<string>();
  deps.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  deps.session.setPermissionCheckHandler(() => false);
  deps.session.webRequest.onBeforeRequest((details, callback) => {
    const ok = isAllowedPdfRequest(details.url, allowed);
    if (!ok) console.warn(`Dossier: the PDF window blocked a request to ${details.url}`);
    callback({ cancel: !ok });
  });
  // One report at a time: the request filter knows that report's files only.
  let queue: Promise<unknown> = Promise.resolve();

  const printReport = async (report: PrintedReport): Promise<Uint8Array> => {
    const dir = await mkdtemp(join(deps.tempDir ?? tmpdir(), 'dossier-pdf-'));
    const open = new Set<PdfWindowLike>();
    // Windows waiting for their next part. A window prints part after part: each new window is
    // a renderer process to start (the engine, the fonts), a fifth of a part's CPU or more.
    const idle: PdfWindowLike[] = [];
    let stopped = false;
    const printPart = async (html: string, index: number): Promise<Uint8Array> => {
      const file = join(dir, `part-${index + 1}.html`);
      const url = pathToFileURL(file).href;
      await writeFile(file, html, 'utf8');
      if (stopped) throw new Error('printing stopped');
      allowed.add(url);
      const window = idle.pop() ?? openPdfWindow(deps.BrowserWindow);
      open.add(window);
      let reusable = false;
      try {
        await window.loadFile(file);
        const pdf = await window.webContents.printToPDF(printToPdfOptions());
        reusable = true;
        return pdf;
      } finally {
        allowed.delete(url);
        // A window whose load or print failed is not trusted with another part.
        if (reusable && !stopped && !window.isDestroyed()) idle.push(window);
        else {
          open.delete(window);
          if (!window.isDestroyed()) window.destroy();
        }
        await rm(file, { force: true });
      }
    };
    try {
      const printed = inPool(report.parts, deps.windows ?? PDF_WINDOWS, printPart);
      const joined = (async () => {
        const joiner = await PdfJoiner.create();
        for (const part of printed) await joiner.add(await part);
        return joiner.finish({ headings: report.headings, title: report.title });
      })();
      return await withTimeout(joined, deps.timeoutMs ?? PDF_TIMEOUT_MS);
    } finally {
      stopped = true;
      for (const window of open) if (!window.isDestroyed()) window.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  };

  return (report) => {
    const next = queue.then(
      () => printReport(report),
      () => printReport(report),
    );
    queue = next.catch(() => undefined);
    return next;
  };
}

/**
 * Runs `work` on every item, at most `width` at a time, in order of the items; answers each
 * item's promise. After a failure no further item starts, and the failure is every later
 * item's answer too.
 */
export function inPool<T, R>(
  items: readonly T[],
  width: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R>[] {
  const settle = items.map(() => {
    let resolve!: (value: R) => void;
    let reject!: (reason: unknown) => void;
    const promise = new Promise<R>((yes, no) => ((resolve = yes), (reject = no)));
    return { promise, resolve, reject };
  });
  let next = 0;
  let failed: unknown;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      const slot = settle[index]!;
      if (failed !== undefined) {
        slot.reject(failed);
        continue;
      }
      try {
        slot.resolve(await work(items[index]!, index));
      } catch (error) {
        failed ??= error;
        slot.reject(error);
      }
    }
  };
  for (let i = 0; i < Math.max(1, width); i += 1) void lane();
  // Answers nobody awaits (after a failure) must not count as unhandled.
  for (const slot of settle) slot.promise.catch(() => undefined);
  return settle.map((slot) => slot.promise);
}
