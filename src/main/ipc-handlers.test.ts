import type { PrintedReport } from '@core/export/write-print-html';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ipcContract, MAX_SAVE_BYTES } from '@core/ipc/contract';
import { createAppPolicy, isTrustedSenderEvent, type SenderEventLike } from './app-policy';
import { FileRegistry } from './file-registry';
import { createLogFile } from './log-file';
import {
  createHandlers,
  registerIpcHandlers,
  safeFileName,
  type DialogFunctions,
  type HandlerDeps,
  type OpenDialogResult,
  type SaveDialogResult,
} from './ipc-handlers';

const rendererIndexPath = '/opt/dossier/out/renderer/index.html';
const policy = createAppPolicy({ rendererIndexPath });
const appEvent: SenderEventLike = {
  senderFrame: { url: 'file:///opt/dossier/out/renderer/index.html#/library', parent: null },
};
const foreignEvent: SenderEventLike = {
  senderFrame: { url: 'https://evil.example/', parent: null },
};

let root: string;
let samplesDir: string;
let documentsDir: string;
let registry: FileRegistry;
let openResult: OpenDialogResult;
let saveResult: SaveDialogResult;
let dialogCalls: { kind: 'open' | 'save'; options: unknown }[];
let printed: PrintedReport[];
/** A report to print, as the export worker writes it: parts of HTML and its headings. */
const report: PrintedReport = {
  title: 'Report',
  parts: [
    '<!doctype html><title>Report</title><h1 id="r">Pledges</h1><blockquote>Q</blockquote>',
    '<p>Sources</p>',
  ],
  headings: [{ id: 'r', title: 'Pledges', level: 1 }],
};

// The dialogs are the OS boundary: they answer with whatever the test "user" chose.
const dialog: DialogFunctions<SenderEventLike> = {
  showOpenDialog: async (_event, options) => {
    dialogCalls.push({ kind: 'open', options });
    return openResult;
  },
  showSaveDialog: async (_event, options) => {
    dialogCalls.push({ kind: 'save', options });
    return saveResult;
  },
};

function deps(): HandlerDeps<SenderEventLike> {
  return {
    dialog,
    registry,
    samplesDir,
    defaultSaveDir: () => documentsDir,
    isTrustedSender: (event) => isTrustedSenderEvent(policy, event),
    // Electron's printing is the OS boundary here: it answers with a minimal real PDF.
    printToPdf: async (report) => {
      printed.push(report);
      return new TextEncoder().encode(`%PDF-1.4\n% ${report.parts.length} parts\n%%EOF\n`);
    },
    log: createLogFile({ dir: join(root, 'logs') }),
    diagnostics: () => testDiagnostics,
  };
}

const testDiagnostics = {
  appVersion: '0.1.0',
  versions: { electron: '45.4.1', chrome: '142.0.0.0', node: '22.20.0' },
  platform: 'linux',
  arch: 'x64',
  osRelease: '6.1.0',
};

async function put(path: string, content: string): Promise<string> {
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, content);
  return path;
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dossier-ipc-'));
  samplesDir = join(root, 'samples');
  documentsDir = join(root, 'Documents');
  await mkdir(documentsDir);
  registry = new FileRegistry();
  openResult = { canceled: true, filePaths: [] };
  saveResult = { canceled: true };
  dialogCalls = [];
  printed = [];
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('sender and request checks', () => {
  it('rejects every channel from a page that is not the app', async () => {
    const handlers = createHandlers(deps());
    const results = await Promise.all([
      handlers['import:pick'](foreignEvent, { mode: 'files' }),
      handlers['import:samples'](foreignEvent, {}),
      handlers['import:read'](foreignEvent, { id: 'x' }),
      handlers['file:save'](foreignEvent, {
        suggestedName: 'r',
        extension: 'csv',
        bytes: new Uint8Array([1]),
      }),
      handlers['report:print-pdf'](foreignEvent, { suggestedName: 'r', report }),
    ]);
    for (const result of results) expect(result).toMatchObject({ ok: false, error: /untrusted/ });
    expect(dialogCalls).toEqual([]);
    expect(printed).toEqual([]);
  });

  it('rejects subframes and frames that are gone', async () => {
    const handlers = createHandlers(deps());
    const iframe = { senderFrame: { url: appEvent.senderFrame?.url ?? '', parent: {} } };
    expect(await handlers['import:samples'](iframe, {})).toMatchObject({ ok: false });
    expect(await handlers['import:samples']({ senderFrame: null }, {})).toMatchObject({
      ok: false,
    });
  });

  it('rejects malformed requests without opening a dialog', async () => {
    const handlers = createHandlers(deps());
    for (const raw of [undefined, null, 'files', { mode: 'everything' }, {}]) {
      const result = await handlers['import:pick'](appEvent, raw);
      expect(result).toMatchObject({ ok: false, error: /^invalid request: / });
    }
    const save = await handlers['file:save'](appEvent, { suggestedName: '', bytes: 1 });
    expect(save).toMatchObject({ ok: false, error: /invalid request: .*suggestedName/ });
    for (const raw of [
      { suggestedName: 'r', extension: '.exe', bytes: new Uint8Array(1) },
      { suggestedName: 'r', extension: 'csv', bytes: 'text, not bytes' },
      { suggestedName: 'r', extension: 'csv', bytes: [1, 2, 3] },
    ]) {
      expect(await handlers['file:save'](appEvent, raw)).toMatchObject({
        ok: false,
        error: /^invalid request: (extension|bytes)/,
      });
    }
    expect(await handlers['report:print-pdf'](appEvent, { suggestedName: 'r' })).toMatchObject({
      ok: false,
      error: /invalid request: report/,
    });
    const noParts = { ...report, parts: [] };
    expect(
      await handlers['report:print-pdf'](appEvent, { suggestedName: 'r', report: noParts }),
    ).toMatchObject({ ok: false, error: /invalid request: report\.parts/ });
    const badLevel = { ...report, headings: [{ id: 'x', title: 'X', level: 4 }] };
    expect(
      await handlers['report:print-pdf'](appEvent, { suggestedName: 'r', report: badLevel }),
    ).toMatchObject({ ok: false, error: /invalid request: report\.headings/ });
    expect(dialogCalls).toEqual([]);
    expect(printed).toEqual([]);
  });
});

describe('import:pick', () => {
  it('walks a picked folder recursively and registers each file', async () => {
    const folder = join(root, 'picked');
    await put(join(folder, 'top.txt'), 'top');
    await put(join(folder, 'a', 'b', 'deep.md'), '# deep');
    await put(join(folder, '.hidden', 'skip.txt'), 'no');
    openResult = { canceled: false, filePaths: [folder] };

    const result = await createHandlers(deps())['import:pick'](appEvent, { mode: 'folder' });
    if (!result.ok) throw new Error(result.error);
    expect(result.value.cancelled).toBe(false);
    expect(result.value.files.map((f) => [f.name, f.relativePath, f.size])).toEqual([
      ['deep.md', 'a/b/deep.md', 6],
      ['top.txt', 'top.txt', 3],
    ]);
    expect(dialogCalls[0]?.options).toMatchObject({ properties: ['openDirectory'] });
    // Ids are opaque: no path leaks to the renderer.
    for (const file of result.value.files) expect(file.id).not.toContain(root);
    expect(registry.resolve(result.value.files[0]?.id ?? '')).toBe(
      join(folder, 'a', 'b', 'deep.md'),
    );
  });

  it('registers picked files by name and reports cancel', async () => {
    const a = await put(join(root, 'x', 'a.txt'), 'aa');
    openResult = { canceled: false, filePaths: [a] };
    const handlers = createHandlers(deps());
    const picked = await handlers['import:pick'](appEvent, { mode: 'files' });
    expect(picked).toMatchObject({
      ok: true,
      value: { cancelled: false, files: [{ name: 'a.txt', relativePath: 'a.txt', size: 2 }] },
    });
    expect(dialogCalls[0]?.options).toMatchObject({ properties: ['openFile', 'multiSelections'] });

    openResult = { canceled: true, filePaths: [] };
    expect(await handlers['import:pick'](appEvent, { mode: 'files' })).toEqual({
      ok: true,
      value: { cancelled: true, files: [] },
    });
  });

  it('turns a folder that vanished into an error result, not a throw', async () => {
    openResult = { canceled: false, filePaths: [join(root, 'vanished')] };
    const result = await createHandlers(deps())['import:pick'](appEvent, { mode: 'folder' });
    expect(result).toMatchObject({ ok: false, error: /Cannot open folder "vanished"/ });
  });
});

describe('import:samples and import:read', () => {
  it('lists the sample collection and reads a sample back byte for byte', async () => {
    await put(join(samplesDir, '2008-shelter.txt'), 'National Shelter Programme');
    await put(join(samplesDir, 'reports', '2010.md'), '# Report');
    const handlers = createHandlers(deps());
    const samples = await handlers['import:samples'](appEvent, {});
    if (!samples.ok) throw new Error(samples.error);
    expect(samples.value.files.map((f) => f.relativePath)).toEqual([
      '2008-shelter.txt',
      'reports/2010.md',
    ]);

    const read = await handlers['import:read'](appEvent, { id: samples.value.files[0]?.id });
    if (!read.ok) throw new Error(read.error);
    expect(new TextDecoder().decode(read.value)).toBe('National Shelter Programme');
  });

  it('fails cleanly when the samples folder is missing', async () => {
    const result = await createHandlers(deps())['import:samples'](appEvent, {});
    expect(result).toMatchObject({ ok: false, error: /Cannot open folder "samples"/ });
  });

  it('refuses ids it never issued, including paths', async () => {
    const secret = await put(join(root, 'secret.txt'), 'secret');
    const handlers = createHandlers(deps());
    for (const id of ['not-an-id', secret, '../secret.txt']) {
      expect(await handlers['import:read'](appEvent, { id })).toMatchObject({
        ok: false,
        error: /Unknown file id/,
      });
    }
  });

  it('reports a registered file deleted since it was picked', async () => {
    const gone = await put(join(root, 'gone.txt'), 'soon gone');
    const ref = registry.register(gone, 'gone.txt', 9);
    await rm(gone);
    expect(await createHandlers(deps())['import:read'](appEvent, { id: ref.id })).toMatchObject({
      ok: false,
      error: /File not found: "gone.txt"/,
    });
  });

  it('applies the read limit', async () => {
    const big = await put(join(root, 'big.txt'), 'x'.repeat(100));
    const ref = registry.register(big, 'big.txt', 100);
    const handlers = createHandlers({ ...deps(), maxReadBytes: 10 });
    expect(await handlers['import:read'](appEvent, { id: ref.id })).toMatchObject({
      ok: false,
      error: /too large/,
    });
  });
});

describe('file:save for reports', () => {
  it("offers the format's extension in Documents and writes the bytes where the user chose", async () => {
    const target = join(root, 'chosen', 'my report.docx');
    await mkdir(join(root, 'chosen'));
    saveResult = { canceled: false, filePath: target };
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 1, 2, 255]);
    const result = await createHandlers(deps())['file:save'](appEvent, {
      suggestedName: '../../etc/passwd',
      extension: 'docx',
      bytes,
    });
    expect(result).toEqual({ ok: true, value: { saved: true } });
    expect(new Uint8Array(await readFile(target))).toEqual(bytes);
    expect(dialogCalls[0]?.options).toMatchObject({
      defaultPath: join(documentsDir, 'etc-passwd.docx'),
      filters: [{ name: 'Word document', extensions: ['docx'] }],
    });
  });

  it.each([
    ['Markdown', 'dossier-report.md', 'md'],
    ['HTML', 'dossier-report.html', 'html'],
    ['CSV', 'dossier-report.csv', 'csv'],
    ['Excel workbook', 'dossier-report.xlsx', 'xlsx'],
  ] as const)('filters a save by %s (.%s)', async (filterName, name, extension) => {
    await createHandlers(deps())['file:save'](appEvent, {
      suggestedName: name,
      extension,
      bytes: new Uint8Array([65]),
    });
    expect(dialogCalls[0]?.options).toMatchObject({
      defaultPath: join(documentsDir, name),
      filters: [{ name: filterName, extensions: [extension] }],
    });
  });

  it('refuses bytes over the save limit before asking anything', async () => {
    // Zero-filled pages are not touched, so this costs no real memory.
    const result = await createHandlers(deps())['file:save'](appEvent, {
      suggestedName: 'huge.csv',
      extension: 'csv',
      bytes: new Uint8Array(MAX_SAVE_BYTES + 1),
    });
    expect(result).toMatchObject({ ok: false, error: /bytes: file too large/ });
    expect(dialogCalls).toEqual([]);
  });

  it('answers saved:false when the user cancels and writes nothing', async () => {
    const result = await createHandlers(deps())['file:save'](appEvent, {
      suggestedName: 'report.csv',
      extension: 'csv',
      bytes: new Uint8Array([65]),
    });
    expect(result).toEqual({ ok: true, value: { saved: false } });
    expect(await readdir(documentsDir)).toEqual([]);
  });

  it('reports a write failure as an error result', async () => {
    saveResult = { canceled: false, filePath: join(root, 'no-such-dir', 'r.md') };
    const result = await createHandlers(deps())['file:save'](appEvent, {
      suggestedName: 'r',
      extension: 'md',
      bytes: new Uint8Array([65]),
    });
    expect(result).toMatchObject({ ok: false, error: /ENOENT/ });
  });
});

describe('report:print-pdf', () => {
  it('asks where to save a .pdf, prints the HTML and writes the PDF there', async () => {
    const target = join(root, 'report.pdf');
    saveResult = { canceled: false, filePath: target };
    const result = await createHandlers(deps())['report:print-pdf'](appEvent, {
      suggestedName: 'dossier-report-2016-02-11.pdf',
      report,
    });
    expect(result).toEqual({ ok: true, value: { saved: true } });
    expect(printed).toEqual([report]);
    expect(await readFile(target, 'latin1')).toMatch(/^%PDF-1\.4\n/);
    expect(dialogCalls[0]?.options).toMatchObject({
      defaultPath: join(documentsDir, 'dossier-report-2016-02-11.pdf'),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
  });

  it('prints nothing when the user cancels the save dialog', async () => {
    const result = await createHandlers(deps())['report:print-pdf'](appEvent, {
      suggestedName: 'r.pdf',
      report,
    });
    expect(result).toEqual({ ok: true, value: { saved: false } });
    expect(printed).toEqual([]);
  });

  it('reports a failed print as an error result and leaves no file', async () => {
    const target = join(root, 'report.pdf');
    saveResult = { canceled: false, filePath: target };
    const handlers = createHandlers({
      ...deps(),
      printToPdf: () => Promise.reject(new Error('printing the report took longer than 300 s')),
    });
    const result = await handlers['report:print-pdf'](appEvent, { suggestedName: 'r', report });
    expect(result).toEqual({ ok: false, error: 'printing the report took longer than 300 s' });
    expect(await readdir(root)).not.toContain('report.pdf');
  });
});

describe('file:save', () => {
  it('writes the bytes where the user chose, offering only the file’s extension', async () => {
    const target = join(root, 'chosen', 'library.dossier');
    await mkdir(join(root, 'chosen'));
    saveResult = { canceled: false, filePath: target };
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4, 0, 255]);
    const result = await createHandlers(deps())['file:save'](appEvent, {
      suggestedName: '../Library 2026-01-02.dossier',
      bytes,
      extension: 'dossier',
    });
    expect(result).toEqual({ ok: true, value: { saved: true } });
    expect(new Uint8Array(await readFile(target))).toEqual(bytes);
    expect(dialogCalls[0]?.options).toMatchObject({
      defaultPath: join(documentsDir, 'Library 2026-01-02.dossier'),
      filters: [{ name: 'DOSSIER', extensions: ['dossier'] }],
    });
  });

  it('refuses an extension that is not a plain word, and bytes that are not bytes', async () => {
    const handlers = createHandlers(deps());
    for (const request of [
      { suggestedName: 'x', bytes: new Uint8Array(1), extension: '../exe' },
      { suggestedName: 'x', bytes: 'text', extension: 'dossier' },
    ]) {
      expect(await handlers['file:save'](appEvent, request)).toMatchObject({ ok: false });
    }
    expect(dialogCalls).toHaveLength(0);
  });
});

describe('safeFileName', () => {
  it.each([
    ['Dossier report 2013-05-16', 'md', 'Dossier report 2013-05-16.md'],
    ['report.md', 'md', 'report.md'],
    ['report.MD', 'md', 'report.md'],
    ['report.md', 'pdf', 'report.md.pdf'],
    ['dossier-report-2016.docx', 'docx', 'dossier-report-2016.docx'],
    ['a/b\\c:d*e?f"g<h>i|j', 'csv', 'a-b-c-d-e-f-g-h-i-j.csv'],
    ['..', 'html', 'dossier.html'],
    ['.bashrc', 'md', 'bashrc.md'],
    ['line\nbreak\u0000', 'md', 'line-break-.md'],
    ['CON', 'xlsx', '_CON.xlsx'],
    ['   ', 'md', 'report.md'],
  ])('%j as .%s -> %j', (input, extension, expected) => {
    expect(safeFileName(input, extension)).toBe(expected);
  });

  it('caps very long names', () => {
    expect(safeFileName('x'.repeat(200), 'pdf')).toBe(`${'x'.repeat(120)}.pdf`);
  });
});

describe('registerIpcHandlers', () => {
  it('registers one handler per contract channel, each answering with an IpcResult', async () => {
    const registered = new Map<
      string,
      (event: SenderEventLike, ...args: unknown[]) => Promise<unknown>
    >();
    registerIpcHandlers({
      ...deps(),
      ipcMain: { handle: (channel, fn) => registered.set(channel, fn) },
    });
    expect([...registered.keys()].sort()).toEqual(Object.keys(ipcContract).sort());
    expect(await registered.get('import:read')?.(foreignEvent, { id: 'x' })).toMatchObject({
      ok: false,
    });
  });
});
