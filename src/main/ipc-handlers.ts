import { join } from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { ZodError, ZodType } from 'zod';
import type { ReportFormat } from '@core/export/report-types';
import {
  ipcContract,
  SAVE_FILTERS,
  VERIFIABLE_EXTENSIONS,
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
  /** Prints a report's HTML to PDF bytes (a hidden, offline window in the app). */
  printToPdf: (html: string) => Promise<Uint8Array>;
  maxReadBytes?: number;
}

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
  if (name === '') name = 'report';
  if (WINDOWS_RESERVED.test(name)) name = `_${name}`;
  return `${name}.${extension}`;
}

export function createHandlers<E>(deps: HandlerDeps<E>): IpcHandlers<E> {
  function guard<C extends IpcChannel>(
    channel: C,
    work: (request: IpcRequest<C>, event: E) => Promise<IpcResponse<C>>,
  ): IpcHandler<E, C> {
    const schema: ZodType = ipcContract[channel].request;
    return async (event, raw) => {
      try {
        if (!deps.isTrustedSender(event))
          return { ok: false, error: `untrusted sender (${channel})` };
        const parsed = schema.safeParse(raw);
        if (!parsed.success) {
          return { ok: false, error: `invalid request: ${describeIssues(parsed.error)}` };
        }
        return { ok: true, value: await work(parsed.data as IpcRequest<C>, event) };
      } catch (error) {
        return { ok: false, error: messageOf(error) };
      }
    };
  }

  const register = (files: readonly FoundFile[]) =>
    files.map((file) => deps.registry.register(file.absPath, file.relativePath, file.size));

  /** The save dialog for one export format; undefined when the user cancels. */
  const askWhereToSave = async (event: E, suggestedName: string, format: ReportFormat) => {
    const filter = SAVE_FILTERS[format];
    const result = await deps.dialog.showSaveDialog(event, {
      title: 'Export report',
      defaultPath: join(
        deps.defaultSaveDir(),
        safeFileName(suggestedName, filter.extensions[0] ?? format),
      ),
      filters: [filter],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    return result.canceled || !result.filePath ? undefined : result.filePath;
  };

  return {
    'import:pick': guard('import:pick', async ({ mode }, event) => {
      const options: OpenDialogOptions =
        mode === 'folder'
          ? { title: 'Import folder', properties: ['openDirectory'] }
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

    'report:save-file': guard(
      'report:save-file',
      async ({ suggestedName, format, bytes }, event) => {
        const path = await askWhereToSave(event, suggestedName, format);
        if (path === undefined) return { saved: false };
        await writeFileAtomically(path, bytes);
        return { saved: true };
      },
    ),

    'report:print-pdf': guard('report:print-pdf', async ({ suggestedName, html }, event) => {
      // Where first: a cancelled dialog costs no printing.
      const path = await askWhereToSave(event, suggestedName, 'pdf');
      if (path === undefined) return { saved: false };
      await writeFileAtomically(path, await deps.printToPdf(html));
      return { saved: true };
    }),

    'report:pick': guard('report:pick', async (_request, event) => {
      const result = await deps.dialog.showOpenDialog(event, {
        title: 'Verify report',
        properties: ['openFile'],
        filters: [
          { name: 'Dossier reports', extensions: [...VERIFIABLE_EXTENSIONS] },
          { name: 'All files', extensions: ['*'] },
        ],
      });
      const [first] = result.filePaths;
      if (result.canceled || first === undefined) return { cancelled: true, file: null };
      const [found] = await statFiles([first]);
      if (!found) throw new Error('The chosen report is not a readable file');
      return { cancelled: false, file: register([found])[0] ?? null };
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
