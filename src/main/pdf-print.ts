import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserWindowConstructorOptions, PrintToPDFOptions } from 'electron';

/**
 * Prints a report's HTML to PDF in a hidden window of its own. Only Electron *types* are
 * imported: index.ts hands in the BrowserWindow class and the window's session, so tests run
 * the whole sequence (temporary file, request filter, load, print, clean-up) in Node.
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

/** Page numbers in the footer: Chromium fills the pageNumber and totalPages spans. */
export const PDF_FOOTER_TEMPLATE =
  '<div style="width:100%;font-size:8px;font-family:sans-serif;color:#555;text-align:center;">' +
  'Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>';

export function printToPdfOptions(): PrintToPDFOptions {
  return {
    pageSize: 'A4',
    printBackground: true,
    displayHeaderFooter: true,
    // An empty header, or Chromium prints its own (date, title) there.
    headerTemplate: '<div></div>',
    footerTemplate: PDF_FOOTER_TEMPLATE,
    // The outline (bookmarks) follows the report's headings: its sections and appendix.
    // Chromium builds it from the tagged PDF's structure, so it needs both.
    generateDocumentOutline: true,
    generateTaggedPDF: true,
    margins: { top: 0.6, bottom: 0.7, left: 0.6, right: 0.6 },
  };
}

/**
 * The report's own file is the only request the window may make. Pictures in a report are
 * data: URLs inside it (they never leave the process); anything else (a link that slipped into
 * a quote, a remote font) is refused.
 */
export function isAllowedPdfRequest(url: string, reportUrl: string): boolean {
  if (url === reportUrl) return true;
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
  /** Electron's BrowserWindow class (a stand-in in tests). */
  BrowserWindow: PdfWindowConstructor;
  session: PdfSessionLike;
  /** Where the report's HTML is written for the window to load; the system's temp folder. */
  tempDir?: string;
  timeoutMs?: number;
}

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
 * Returns a function printing HTML to PDF bytes. The HTML goes to a temporary file rather than
 * a data: URL, which Chromium caps at 2 MB, too small for a library's report.
 */
export function createPdfPrinter(deps: PdfPrinterDeps): (html: string) => Promise<Uint8Array> {
  let allowedUrl = '';
  deps.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  deps.session.setPermissionCheckHandler(() => false);
  deps.session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedPdfRequest(details.url, allowedUrl);
    if (!allowed) console.warn(`Dossier: the PDF window blocked a request to ${details.url}`);
    callback({ cancel: !allowed });
  });
  // One print at a time: the request filter knows one report file.
  let queue: Promise<unknown> = Promise.resolve();

  const printOne = async (html: string): Promise<Uint8Array> => {
    const dir = await mkdtemp(join(deps.tempDir ?? tmpdir(), 'dossier-pdf-'));
    const file = join(dir, 'report.html');
    let window: PdfWindowLike | undefined;
    try {
      await writeFile(file, html, 'utf8');
      allowedUrl = pathToFileURL(file).href;
      window = openPdfWindow(deps.BrowserWindow);
      const current = window;
      const printed = (async () => {
        await current.loadFile(file);
        return current.webContents.printToPDF(printToPdfOptions());
      })();
      return await withTimeout(printed, deps.timeoutMs ?? PDF_TIMEOUT_MS);
    } finally {
      allowedUrl = '';
      if (window && !window.isDestroyed()) window.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  };

  return (html) => {
    const next = queue.then(
      () => printOne(html),
      () => printOne(html),
    );
    queue = next.catch(() => undefined);
    return next;
  };
}
