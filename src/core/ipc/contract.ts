import { z } from 'zod';
import { REPORT_FORMATS, type ReportFormat } from '../export/report-types';

/**
 * The one contract between renderer and main. Each channel maps to a request and a response
 * schema; main validates every request against it and answers with an IpcResult, never a throw.
 */

/** A file the user chose (or a bundled sample), known to the renderer only by an opaque id. */
export const FileRefSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string(),
  /** Path relative to the chosen folder (or just the name for single files), '/' separated. */
  relativePath: z.string(),
  size: z.number().int().nonnegative(),
});
export type FileRef = z.infer<typeof FileRefSchema>;

/** The largest report the page may hand to main to save or print (a whole library's). */
export const MAX_REPORT_CHARS = 256 * 1024 * 1024;
export const MAX_SAVE_BYTES = 256 * 1024 * 1024;

export const ReportFormatSchema = z.enum(REPORT_FORMATS);

/** What the save dialog offers for each export format: its name and file extensions. */
export const SAVE_FILTERS: Record<ReportFormat, { name: string; extensions: string[] }> = {
  markdown: { name: 'Markdown', extensions: ['md'] },
  html: { name: 'HTML', extensions: ['html'] },
  pdf: { name: 'PDF', extensions: ['pdf'] },
  docx: { name: 'Word document', extensions: ['docx'] },
  csv: { name: 'CSV', extensions: ['csv'] },
  xlsx: { name: 'Excel workbook', extensions: ['xlsx'] },
};

/** Exported reports Verify report can read back. */
export const VERIFIABLE_EXTENSIONS = ['html', 'htm', 'md', 'markdown', 'docx', 'csv'] as const;

const SuggestedNameSchema = z.string().min(1).max(200);

export const ipcContract = {
  'import:pick': {
    request: z.object({ mode: z.enum(['files', 'folder']) }),
    response: z.object({ cancelled: z.boolean(), files: z.array(FileRefSchema) }),
  },
  'import:samples': {
    request: z.object({}),
    response: z.object({ files: z.array(FileRefSchema) }),
  },
  'import:read': {
    request: z.object({ id: z.string().min(1).max(100) }),
    response: z.instanceof(Uint8Array),
  },
  /** Asks where to save, with the format's extension, and writes the bytes there. */
  'report:save-file': {
    request: z.object({
      suggestedName: SuggestedNameSchema,
      format: ReportFormatSchema.exclude(['pdf']),
      bytes: z
        .instanceof(Uint8Array)
        .refine((b) => b.byteLength <= MAX_SAVE_BYTES, 'larger than the save limit'),
    }),
    response: z.object({ saved: z.boolean() }),
  },
  /** Asks where to save, prints the report's HTML to PDF offline, and writes it there. */
  'report:print-pdf': {
    request: z.object({
      suggestedName: SuggestedNameSchema,
      html: z.string().max(MAX_REPORT_CHARS),
    }),
    response: z.object({ saved: z.boolean() }),
  },
  /** Asks for one exported report to verify; its bytes are then read with import:read. */
  'report:pick': {
    request: z.object({}),
    response: z.object({ cancelled: z.boolean(), file: FileRefSchema.nullable() }),
  },
} as const;

export type IpcChannel = keyof typeof ipcContract;
export type IpcRequest<C extends IpcChannel> = z.infer<(typeof ipcContract)[C]['request']>;
export type IpcResponse<C extends IpcChannel> = z.infer<(typeof ipcContract)[C]['response']>;

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Commands main sends to the renderer from the application menu. */
export const MenuCommandSchema = z.enum([
  'import-files',
  'import-folder',
  'export-report',
  'verify-report',
]);
export type MenuCommand = z.infer<typeof MenuCommandSchema>;
export const MENU_COMMAND_CHANNEL = 'menu:command';

/** The API the preload script exposes as `window.workbench`. */
export interface WorkbenchApi {
  pickImport(req: IpcRequest<'import:pick'>): Promise<IpcResult<IpcResponse<'import:pick'>>>;
  sampleFiles(): Promise<IpcResult<IpcResponse<'import:samples'>>>;
  readFile(req: IpcRequest<'import:read'>): Promise<IpcResult<IpcResponse<'import:read'>>>;
  saveFile(
    req: IpcRequest<'report:save-file'>,
  ): Promise<IpcResult<IpcResponse<'report:save-file'>>>;
  printPdf(
    req: IpcRequest<'report:print-pdf'>,
  ): Promise<IpcResult<IpcResponse<'report:print-pdf'>>>;
  pickReport(): Promise<IpcResult<IpcResponse<'report:pick'>>>;
  /** Subscribes to menu commands; returns an unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
