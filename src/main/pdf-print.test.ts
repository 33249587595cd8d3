import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindowConstructorOptions, PrintToPDFOptions } from 'electron';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pdfPagesText } from '../../e2e/pdf-text';
import type { PrintedReport } from '../core/export/write-print-html';
import {
  createPdfPrinter,
  inPool,
  isAllowedPdfRequest,
  printToPdfOptions,
  type PdfSessionLike,
  type PdfWindowConstructor,
  type PdfWindowLike,
} from './pdf-print';

/** A stand-in for Electron's BrowserWindow class, built by `make` for each window opened. */
function windowClass(
  make: (options: BrowserWindowConstructorOptions) => PdfWindowLike,
): PdfWindowConstructor {
  return class {
    constructor(options: BrowserWindowConstructorOptions) {
      return make(options);
    }
  } as unknown as PdfWindowConstructor;
}

/** A minimal real PDF of one page that says `text`, as a window's printToPDF answers. */
async function onePagePdf(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText(text, { x: 50, y: 700, size: 12, font });
  return doc.save();
}

const reportOf = (...parts: string[]): PrintedReport => ({ title: 'Report', parts, headings: [] });

const noSession: PdfSessionLike = {
  setPermissionRequestHandler: () => undefined,
  setPermissionCheckHandler: () => undefined,
  webRequest: { onBeforeRequest: () => undefined },
};

describe('the PDF window and print options', () => {
  it('is hidden, sandboxed, without script or preload, in a session of its own', async () => {
    const opened: BrowserWindowConstructorOptions[] = [];
    const print = createPdfPrinter({
      session: noSession,
      BrowserWindow: windowClass((options) => {
        opened.push(options);
        return {
          loadFile: async () => undefined,
          webContents: { printToPDF: () => onePagePdf('x') },
          destroy: () => undefined,
          isDestroyed: () => false,
        };
      }),
    });
    await print(reportOf('<p>x</p>'));
    const [options = {}] = opened;
    expect(opened).toHaveLength(1);
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      partition: 'dossier-report-pdf',
    });
    expect(options.webPreferences?.preload).toBeUndefined();
    // No "persist:" prefix: nothing the window loads is kept on disk.
    expect(options.webPreferences?.partition).not.toMatch(/^persist:/);
  });

  it('prints each part bare, in the page size the report sets, with backgrounds', () => {
    // Page numbers, the contents' page numbers and the outline are added once the parts are
    // joined (pdf-join.test.ts checks them), so Chromium prints neither footer nor structure.
    expect(printToPdfOptions()).toEqual({
      pageSize: 'A4',
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: false,
      generateDocumentOutline: false,
      generateTaggedPDF: false,
    });
  });

  it('lets the windows load their report files and inline pictures, nothing else', () => {
    const report = new Set([
      'file:///tmp/dossier-pdf-1/part-1.html',
      'file:///tmp/dossier-pdf-1/part-2.html',
    ]);
    for (const url of report) expect(isAllowedPdfRequest(url, report)).toBe(true);
    expect(isAllowedPdfRequest('data:image/png;base64,iVBORw0KGgo=', report)).toBe(true);
    for (const url of [
      'https://tracker.example/pixel.png',
      'http://127.0.0.1:5199/',
      'file:///etc/passwd',
      'file:///tmp/dossier-pdf-1/part-3.html',
      'ws://localhost:1/',
    ]) {
      expect(isAllowedPdfRequest(url, report), url).toBe(false);
    }
  });
});

describe('createPdfPrinter', () => {
  let temp: string;
  let filter: ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | undefined;
  let permissionAnswers: boolean[];
  const session: PdfSessionLike = {
    setPermissionRequestHandler: (handler) =>
      handler(null, 'media', (granted) => permissionAnswers.push(granted)),
    setPermissionCheckHandler: (handler) => permissionAnswers.push(handler()),
    webRequest: { onBeforeRequest: (listener) => (filter = listener) },
  };

  beforeEach(async () => {
    temp = await mkdtemp(join(tmpdir(), 'dossier-pdf-test-'));
    filter = undefined;
    permissionAnswers = [];
  });
  afterEach(() => rm(temp, { recursive: true, force: true }));

  /** A window that reads the file it is given and asks the filter for it, as Chromium would. */
  function fakeWindow(log: string[], fail?: 'load' | 'print', delays?: number[]) {
    return (options: BrowserWindowConstructorOptions): PdfWindowLike => {
      let destroyed = false;
      let loaded = '';
      log.push(`create javascript=${String(options.webPreferences?.javascript)}`);
      return {
        async loadFile(path) {
          if (fail === 'load') throw new Error('ERR_FILE_NOT_FOUND');
          const url = `file://${path}`;
          const verdicts = [url, 'https://cdn.example/font.woff2'].map((u) => {
            let cancel = true;
            filter?.({ url: u }, (r) => (cancel = r.cancel));
            return `${u.startsWith('file:') ? 'report' : 'remote'}:${cancel ? 'blocked' : 'allowed'}`;
          });
          loaded = await readFile(path, 'utf8');
          log.push(`load ${path.split('/').pop()} ${verdicts.join(' ')}`);
        },
        webContents: {
          async printToPDF(options: PrintToPDFOptions) {
            if (fail === 'print') throw new Error('Printing failed');
            // Parts finish out of order when a later one is quicker.
            const delay = delays?.shift() ?? 0;
            if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
            log.push(`print footer=${String(options.displayHeaderFooter)}`);
            return onePagePdf(`${loaded.slice(0, 40)} (${loaded.length} chars)`);
          },
        },
        destroy: () => {
          destroyed = true;
          log.push('destroy');
        },
        isDestroyed: () => destroyed,
      };
    };
  }

  it('writes each part to a temporary file, prints it in one window after another, joins them, and removes files and windows', async () => {
    const log: string[] = [];
    const print = createPdfPrinter({
      BrowserWindow: windowClass(fakeWindow(log)),
      session,
      tempDir: temp,
      windows: 1,
    });
    const big = `<h1>Report</h1>${'<p>é</p>'.repeat(400_000)}`; // past data: URLs' 2 MB cap
    const pdf = await print(reportOf(big, '<p>Sources</p>'));
    const pages = await pdfPagesText(pdf);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain(`(${big.length} chars)`);
    expect(pages[0]).toContain('Page 1 of 2');
    expect(pages[1]).toContain('<p>Sources</p>');
    expect(pages[1]).toContain('Page 2 of 2');
    // One window prints both parts: a window is a renderer process to start.
    expect(log).toEqual([
      'create javascript=false',
      'load part-1.html report:allowed remote:blocked',
      'print footer=false',
      'load part-2.html report:allowed remote:blocked',
      'print footer=false',
      'destroy',
    ]);
    expect(await readdir(temp)).toEqual([]);
    expect(permissionAnswers).toEqual([false, false]);
  });

  it('prints parts side by side, at most `windows` at once, and joins them in order', async () => {
    const log: string[] = [];
    let open = 0;
    let most = 0;
    const counting = (options: BrowserWindowConstructorOptions): PdfWindowLike => {
      const window = fakeWindow(log, undefined, [60, 5, 30, 5, 5])(options);
      open += 1;
      most = Math.max(most, open);
      const destroy = window.destroy;
      return { ...window, destroy: () => ((open -= 1), destroy()) };
    };
    const print = createPdfPrinter({
      BrowserWindow: windowClass(counting),
      session,
      tempDir: temp,
      windows: 2,
    });
    const parts = ['<p>one</p>', '<p>two</p>', '<p>three</p>', '<p>four</p>', '<p>five</p>'];
    const pages = await pdfPagesText(await print(reportOf(...parts)));
    expect(most).toBe(2);
    // Each window prints part after part: two windows for five parts, both closed at the end.
    expect(log.filter((l) => l.startsWith('create'))).toHaveLength(2);
    expect(open).toBe(0);
    expect(pages.map((text) => /<p>(\w+)<\/p>/.exec(text)?.[1])).toEqual([
      'one',
      'two',
      'three',
      'four',
      'five',
    ]);
    expect(pages[4]).toContain('Page 5 of 5');
    expect(await readdir(temp)).toEqual([]);
  });

  it('cleans up after a failed load or print and reports the reason', async () => {
    for (const fail of ['load', 'print'] as const) {
      const log: string[] = [];
      const print = createPdfPrinter({
        BrowserWindow: windowClass(fakeWindow(log, fail)),
        session,
        tempDir: temp,
        windows: 1,
      });
      await expect(print(reportOf('<p>x</p>', '<p>y</p>', '<p>z</p>'))).rejects.toThrow(
        fail === 'load' ? /FILE_NOT_FOUND/ : /Printing failed/,
      );
      // The first failure stops the report: no part after it is even opened.
      expect(log.filter((l) => l.startsWith('create'))).toHaveLength(1);
      expect(log.at(-1)).toBe('destroy');
      expect(await readdir(temp)).toEqual([]);
    }
  });

  it('gives up on a print that never ends', async () => {
    const hanging = (): PdfWindowLike => ({
      loadFile: () => new Promise(() => undefined),
      webContents: { printToPDF: () => Promise.reject(new Error('unreachable')) },
      destroy: () => undefined,
      isDestroyed: () => false,
    });
    const print = createPdfPrinter({
      BrowserWindow: windowClass(hanging),
      session,
      tempDir: temp,
      timeoutMs: 50,
    });
    await expect(print(reportOf('<p>x</p>'))).rejects.toThrow(
      'printing the report took longer than 0.05 s',
    );
    expect(await readdir(temp)).toEqual([]);
  });

  it('prints one report at a time, so the filter only ever allows the current files', async () => {
    const log: string[] = [];
    const print = createPdfPrinter({
      BrowserWindow: windowClass(fakeWindow(log)),
      session,
      tempDir: temp,
    });
    const [a, b] = await Promise.all([print(reportOf('<p>a</p>')), print(reportOf('<p>bb</p>'))]);
    expect((await pdfPagesText(a))[0]).toContain('(8 chars)');
    expect((await pdfPagesText(b))[0]).toContain('(9 chars)');
    expect(log.filter((l) => l === 'destroy' || l.startsWith('create'))).toEqual([
      'create javascript=false',
      'destroy',
      'create javascript=false',
      'destroy',
    ]);
  });
});

describe('inPool', () => {
  it("runs at most `width` at once, answers in the items' order, and stops after a failure", async () => {
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const answers = inPool([30, 10, 50, 0, 5], 2, async (ms, i) => {
      started.push(i);
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, ms));
      running -= 1;
      if (i === 3) throw new Error('part 4 failed');
      return i * 10;
    });
    const settled = await Promise.allSettled(answers);
    expect(most).toBe(2);
    expect(settled.slice(0, 3)).toEqual([
      { status: 'fulfilled', value: 0 },
      { status: 'fulfilled', value: 10 },
      { status: 'fulfilled', value: 20 },
    ]);
    expect(settled[3]).toMatchObject({ status: 'rejected', reason: new Error('part 4 failed') });
    expect(settled[4]).toMatchObject({ status: 'rejected' });
    expect(started).not.toContain(4);
  });
});
