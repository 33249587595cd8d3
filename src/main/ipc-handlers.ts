import { join } from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { ZodError, ZodType } from 'zod';
import type { PrintedReport } from '@core/export/write-print-html';
import {
  ipcContract,
  type Diagnostics,
  type IpcChannel,
  type IpcRequest,
  type IpcResponse,
  type IpcResult,
} from '@core/ipc/contract';
import type { FileRegistry } from './file-registry';
import {
  readFileChecked,
  statFiles,
  walkFolder,
  writeFileAtomically,
  type FoundFile,
} from './files';
import { createRateLimitedLog, type LogFile } from './log-file';

/**
 * The main side of the IPC contract. Electron itself is injected (ipcMain, dialogs, the sender
 * check) so every handler is a plain async function that tests call with real files.
 */

export interface OpenDialogResult {
  canceled: boolean;
  filePaths: string[];
}

export interface SaveDialogResult {
  canceled: boolean;
  filePath?: string | undefined;
}

/** The OS dialogs, given the event so the real ones can be modal to the sender's window. */
export interface DialogFunctions<E> {
  showOpenDialog(event: E, options: OpenDialogOptions): Promise<OpenDialogResult>;
  showSaveDialog(event: E, options: SaveDialogOptions): Promise<SaveDialogResult>;
}

export interface HandlerDeps<E> {
  dialog: DialogFunctions<E>;
  registry: FileRegistry;
  /** Folder of the bundled sample collection. */
  samplesDir: string;
  /** Where the save dialog starts (the user's Documents folder). */
  defaultSaveDir: () => string;
  /** True only for messages from the app's own page. */
  isTrustedSender: (event: E) => boolean;
  /** Prints a report's parts to one PDF's bytes (hidden, offline windows in the app). */
  printToPdf: (report: PrintedReport) => Promise<Uint8Array>;
  /** The desktop log: the page's entries, and main's notes on requests it refused or failed. */
  log: Pick<LogFile, 'path' | 'write' | 'recent'>;
  /** Versions and platform, as main reports them (app.getVersion(), process.versions, os). */
  diagnostics: () => Omit<Diagnostics, 'logFile' | 'recentProblems'>;
  maxReadBytes?: number;
  /** Clock for the log's rate limit (tests). */
  now?: () => number;
}

/** Entries per minute the page may cause in the log, its own and main's notes on its requests. */
export const PAGE_LOG_ENTRIES_PER_MINUTE = 60;
const RECENT_PROBLEMS = 50;

export interface IpcMainLike<E> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => Promise<unknown>): void;
}

export type IpcHandler<E, C extends IpcChannel> = (
  event: E,
  raw: unknown,
) => Promise<IpcResult<IpcResponse<C>>>;

export type IpcHandlers<E> = { [C in IpcChannel]: IpcHandler<E, C> };

function describeIssues(error: ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.map(String).join('.') || '(request)'}: ${issue.message}`)
    .join('; ');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What the save dialog calls the file types the app writes; others go by their extension. */
const FILE_TYPE_NAMES: Partial<Record<string, string>> = {
  md: 'Markdown',
  html: 'HTML',
  pdf: 'PDF',
  docx: 'Word document',
  csv: 'CSV',
  xlsx: 'Excel workbook',
  jsonld: 'W3C Web Annotation',
  qdpx: 'REFI-QDA project',
};

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;
const MAX_NAME_CHARS = 120;

/**
 * Turns the renderer's suggestion into a bare file name: no directories, no characters any
 * common file system rejects, no hidden or reserved names, always ending in `.extension`.
 */
export function safeFileName(suggested: string, extension: string): string {
  let name = suggested
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.-]+|[\s.]+$/g, '');
  const ending = new RegExp(`\\.${extension}$`, 'i');
  name = name
    .replace(ending, '')
    .slice(0, MAX_NAME_CHARS)
    .replace(/[\s.]+$/, '');
  if (name === '') name = extension === 'md' ? 'report' : 'dossier';
  if (WINDOWS_RESERVED.test(name)) name = `_${name}`;
  return `${name}.${extension}`;
}

export function createHandlers<E>(deps: HandlerDeps<E>): IpcHandlers<E> {
  // One budget for everything the page can make main write, so a looping page cannot fill the disk.
  const pageLog = createRateLimitedLog(deps.log, {
    max: PAGE_LOG_ENTRIES_PER_MINUTE,
    windowMs: 60_000,
    now: deps.now,
  });
  const refused = (channel: IpcChannel, error: string) => {
    // The channel and the reason only: a request's content may hold document text.
    pageLog({ level: 'warn', source: 'main', message: `IPC ${channel}: ${error}`.slice(0, 500) });
    return { ok: false as const, error };
  };

  function guard<C extends IpcChannel>(
    channel: C,
    work: (request: IpcRequest<C>, event: E) => Promise<IpcResponse<C>>,
  ): IpcHandler<E, C> {
    const schema: ZodType = ipcContract[channel].request;
    return async (event, raw) => {
      try {
        if (!deps.isTrustedSender(event)) return refused(channel, `untrusted sender (${channel})`);
        const parsed = schema.safeParse(raw);
        if (!parsed.success) {
          return refused(channel, `invalid request: ${describeIssues(parsed.error)}`);
        }
        return { ok: true, value: await work(parsed.data as IpcRequest<C>, event) };
      } catch (error) {
        return refused(channel, messageOf(error));
      }
    };
  }

  const register = (files: readonly FoundFile[]) =>
    files.map((file) => deps.registry.register(file.absPath, file.relativePath, file.size));

  /** The save dialog for one file type; undefined when the user cancels. */
  const askWhereToSave = async (event: E, suggestedName: string, extension: string) => {
    const result = await deps.dialog.showSaveDialog(event, {
      title: 'Save',
      defaultPath: join(deps.defaultSaveDir(), safeFileName(suggestedName, extension)),
      filters: [
        { name: FILE_TYPE_NAMES[extension] ?? extension.toUpperCase(), extensions: [extension] },
      ],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    return result.canceled || !result.filePath ? undefined : result.filePath;
  };

  return {
    'import:pick': guard('import:pick', async ({ mode, extensions }, event) => {
      const options: OpenDialogOptions =
        mode === 'folder'
          ? { title: 'Import folder', properties: ['openDirectory'] }
          : mode === 'file'
            ? {
                title: 'Open file',
                properties: ['openFile'],
                filters: extensions?.length ? [{ name: extensions.join(', '), extensions }] : [],
              }
            : { title: 'Import files', properties: ['openFile', 'multiSelections'] };
      const result = await deps.dialog.showOpenDialog(event, options);
      const [first] = result.filePaths;
      if (result.canceled || first === undefined) return { cancelled: true, files: [] };
      const found = mode === 'folder' ? await walkFolder(first) : await statFiles(result.filePaths);
      return { cancelled: false, files: register(found) };
    }),

    'import:samples': guard('import:samples', async () => ({
      files: register(await walkFolder(deps.samplesDir)),
    })),

    'import:read': guard('import:read', async ({ id }) => {
      const path = deps.registry.resolve(id);
      if (path === undefined) throw new Error('Unknown file id: import the file again');
      return readFileChecked(path, deps.maxReadBytes);
    }),

    'log:write': guard('log:write', async (entry) => ({
      written: pageLog({ ...entry, source: 'renderer' }),
    })),

    'app:diagnostics': guard('app:diagnostics', async () => ({
      ...deps.diagnostics(),
      logFile: deps.log.path,
      recentProblems: deps.log.recent(RECENT_PROBLEMS, (record) => record.level !== 'info'),
    })),

    'file:save': guard('file:save', async ({ suggestedName, bytes, extension }, event) => {
      const path = await askWhereToSave(event, suggestedName, extension);
      if (path === undefined) return { saved: false };
      await writeFileAtomically(path, bytes);
      return { saved: true };
    }),

    'report:print-pdf': guard('report:print-pdf', async ({ suggestedName, report }, event) => {
      // Where first: a cancelled dialog costs no printing.
      const path = await askWhereToSave(event, suggestedName, 'pdf');
      if (path === undefined) return { saved: false };
      await writeFileAtomically(path, await deps.printToPdf(report));
      return { saved: true };
    }),
  };
}

export function registerIpcHandlers<E>(deps: HandlerDeps<E> & { ipcMain: IpcMainLike<E> }): void {
  const handlers = createHandlers(deps);
  for (const channel of Object.keys(handlers) as IpcChannel[]) {
    const handler: (event: E, raw: unknown) => Promise<unknown> = handlers[channel];
    deps.ipcMain.handle(channel, (event, raw) => handler(event, raw));
  }
}
