import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { PrintToPDFOptions } from 'electron';
import type { PdfSessionLike, PdfWindowConstructor, PdfWindowLike } from '../src/main/pdf-print';

/**
 * Electron's BrowserWindow and session, played by Chromium through Playwright, for running the
 * desktop app's PDF printer (src/main/pdf-print.ts) where Electron cannot run: each window is
 * a page of its own (its own renderer process) with JavaScript off, loadFile opens the file,
 * printToPDF is page.pdf() with the same options (both are Chromium's PDF printer), and the
 * session's request filter sees every request the pages make.
 */
export interface ChromiumPdfWindows {
  BrowserWindow: PdfWindowConstructor;
  session: PdfSessionLike;
  /** Windows opened so far, and requests the filter refused. */
  opened: () => number;
  blocked: string[];
  close(): Promise<void>;
}

export async function chromiumPdfWindows(browser: Browser): Promise<ChromiumPdfWindows> {
  const context: BrowserContext = await browser.newContext({ javaScriptEnabled: false });
  let filter: Parameters<PdfSessionLike['webRequest']['onBeforeRequest']>[0] | undefined;
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (!filter) return route.abort();
    filter({ url }, ({ cancel }) => {
      if (cancel) blocked.push(url);
      void (cancel ? route.abort() : route.continue());
    });
  });
  let opened = 0;
  const session: PdfSessionLike = {
    setPermissionRequestHandler: () => undefined,
    setPermissionCheckHandler: () => undefined,
    webRequest: { onBeforeRequest: (listener) => (filter = listener) },
  };
  const open = (): PdfWindowLike => {
    opened += 1;
    const page: Promise<Page> = context.newPage().then((p) => {
      p.setDefaultTimeout(600_000);
      return p;
    });
    let destroyed = false;
    return {
      async loadFile(path) {
        await (await page).goto(pathToFileURL(path).href, { timeout: 600_000 });
      },
      webContents: {
        async printToPDF(options: PrintToPDFOptions) {
          const pdf = await (
            await page
          ).pdf({
            format: typeof options.pageSize === 'string' ? options.pageSize : 'A4',
            preferCSSPageSize: options.preferCSSPageSize ?? false,
            printBackground: options.printBackground ?? false,
            displayHeaderFooter: options.displayHeaderFooter ?? false,
            outline: options.generateDocumentOutline ?? false,
            tagged: options.generateTaggedPDF ?? false,
          });
          return new Uint8Array(pdf);
        },
      },
      destroy() {
        destroyed = true;
        void page.then((p) => p.close());
      },
      isDestroyed: () => destroyed,
    };
  };
  const BrowserWindow = class {
    constructor() {
      return open();
    }
  } as unknown as PdfWindowConstructor;
  return { BrowserWindow, session, opened: () => opened, blocked, close: () => context.close() };
}
