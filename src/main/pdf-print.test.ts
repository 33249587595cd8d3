import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindowConstructorOptions, PrintToPDFOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createPdfPrinter,
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
          webContents: { printToPDF: async () => new Uint8Array([37]) },
          destroy: () => undefined,
          isDestroyed: () => false,
        };
      }),
    });
    await print('<p>x</p>');
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

  it('prints page numbers in the footer, backgrounds, and an outline from the headings', () => {
    const options = printToPdfOptions();
    expect(options).toMatchObject({
      displayHeaderFooter: true,
      generateDocumentOutline: true,
      // Chromium makes the outline from the tagged structure only.
      generateTaggedPDF: true,
      printBackground: true,
    });
    expect(options.footerTemplate).toContain('<span class="pageNumber"></span>');
    expect(options.footerTemplate).toContain('<span class="totalPages"></span>');
    // The footer is HTML Chromium renders without the page's styles or script.
    expect(options.footerTemplate).not.toMatch(/<script|src=|url\(/i);
    expect(options.headerTemplate).toBe('<div></div>');
  });

  it('lets the window load its report file and inline pictures, nothing else', () => {
    const report = 'file:///tmp/dossier-pdf-1/report.html';
    expect(isAllowedPdfRequest(report, report)).toBe(true);
    expect(isAllowedPdfRequest('data:image/png;base64,iVBORw0KGgo=', report)).toBe(true);
    for (const url of [
      'https://tracker.example/pixel.png',
      'http://127.0.0.1:5199/',
      'file:///etc/passwd',
      'file:///tmp/dossier-pdf-1/other.html',
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
  function fakeWindow(log: string[], fail?: 'load' | 'print') {
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
          log.push(`load ${verdicts.join(' ')}`);
        },
        webContents: {
          async printToPDF(options: PrintToPDFOptions) {
            if (fail === 'print') throw new Error('Printing failed');
            log.push(`print outline=${String(options.generateDocumentOutline)}`);
            return new TextEncoder().encode(`%PDF ${loaded.length}`);
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

  it('writes the HTML to a temporary file, prints it, and removes the file and window', async () => {
    const log: string[] = [];
    const print = createPdfPrinter({
      BrowserWindow: windowClass(fakeWindow(log)),
      session,
      tempDir: temp,
    });
    const html = `<h1>Report</h1>${'<p>é</p>'.repeat(400_000)}`; // past data: URLs' 2 MB cap
    const pdf = await print(html);
    expect(new TextDecoder().decode(pdf)).toBe(`%PDF ${html.length}`);
    expect(log).toEqual([
      'create javascript=false',
      'load report:allowed remote:blocked',
      'print outline=true',
      'destroy',
    ]);
    expect(await readdir(temp)).toEqual([]);
    expect(permissionAnswers).toEqual([false, false]);
  });

  it('cleans up after a failed load or print and reports the reason', async () => {
    for (const fail of ['load', 'print'] as const) {
      const log: string[] = [];
      const print = createPdfPrinter({
        BrowserWindow: windowClass(fakeWindow(log, fail)),
        session,
        tempDir: temp,
      });
      await expect(print('<p>x</p>')).rejects.toThrow(
        fail === 'load' ? /FILE_NOT_FOUND/ : /Printing failed/,
      );
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
    await expect(print('<p>x</p>')).rejects.toThrow('printing the report took longer than 0.05 s');
    expect(await readdir(temp)).toEqual([]);
  });

  it('prints one report at a time, so the filter only ever allows the current file', async () => {
    const log: string[] = [];
    const print = createPdfPrinter({
      BrowserWindow: windowClass(fakeWindow(log)),
      session,
      tempDir: temp,
    });
    const [a, b] = await Promise.all([print('<p>a</p>'), print('<p>bb</p>')]);
    expect(new TextDecoder().decode(a)).toBe('%PDF 8');
    expect(new TextDecoder().decode(b)).toBe('%PDF 9');
    expect(log.filter((l) => l === 'destroy' || l.startsWith('create'))).toEqual([
      'create javascript=false',
      'destroy',
      'create javascript=false',
      'destroy',
    ]);
  });
});
