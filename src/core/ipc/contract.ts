import { z } from 'zod';

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

/** The largest report HTML the page may hand to main to print (a whole library's). */
export const MAX_REPORT_CHARS = 256 * 1024 * 1024;
/** Parts of a report to print, and headings in it: far more than a library's report has. */
export const MAX_REPORT_PARTS = 10_000;
export const MAX_REPORT_HEADINGS = 1_000_000;

/** A report to print (write-print-html's PrintedReport): parts of HTML and their headings. */
export const PrintedReportSchema = z
  .object({
    title: z.string().max(1000),
    parts: z.array(z.string().max(MAX_REPORT_CHARS)).min(1).max(MAX_REPORT_PARTS),
    headings: z
      .array(
        z.object({
          id: z.string().min(1).max(200),
          title: z.string().max(10_000),
          level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
        }),
      )
      .max(MAX_REPORT_HEADINGS),
  })
  .refine(
    (r) => r.parts.reduce((n, part) => n + part.length, 0) <= MAX_REPORT_CHARS,
    'report too large',
  );
/** Exported reports Verify report can read back. */
export const VERIFIABLE_EXTENSIONS = ['html', 'htm', 'md', 'markdown', 'docx', 'csv'] as const;
/** Backups of big libraries run to hundreds of megabytes. */
export const MAX_SAVE_BYTES = 2 * 1024 * 1024 * 1024;

/*
 * The desktop log (a file in the user-data folder). Entries say what went wrong, never what a
 * document or note says: a message and a few short context values (a file's extension, a count,
 * an error's name), all length-limited here so a page cannot fill the disk or the report.
 */
export const LOG_LEVELS = ['error', 'warn', 'info'] as const;
export const MAX_LOG_MESSAGE_CHARS = 2000;
export const MAX_LOG_CONTEXT_KEYS = 20;
export const MAX_LOG_CONTEXT_VALUE_CHARS = 500;
/** Plain identifiers only: no __proto__, constructor or other keys that mean something to objects. */
const LOG_CONTEXT_KEY = /^(?!(?:constructor|prototype)$)[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
export const LogContextSchema = z
  .record(
    z.string().regex(LOG_CONTEXT_KEY),
    z.union([z.string().max(MAX_LOG_CONTEXT_VALUE_CHARS), z.number(), z.boolean(), z.null()]),
  )
  .refine((context) => Object.keys(context).length <= MAX_LOG_CONTEXT_KEYS, {
    message: `at most ${MAX_LOG_CONTEXT_KEYS} context values`,
  });
export type LogContext = z.infer<typeof LogContextSchema>;
export const LogEntrySchema = z.object({
  level: z.enum(LOG_LEVELS),
  message: z.string().min(1).max(MAX_LOG_MESSAGE_CHARS),
  context: LogContextSchema.optional(),
});
export type LogEntry = z.infer<typeof LogEntrySchema>;
/** An entry as the log file keeps it. */
export const LogRecordSchema = LogEntrySchema.extend({
  time: z.string(),
  source: z.enum(['main', 'renderer']),
});
export type LogRecord = z.infer<typeof LogRecordSchema>;

/** What main knows for a diagnostic report: versions, platform, the log file, recent problems. */
export const DiagnosticsSchema = z.object({
  appVersion: z.string(),
  versions: z.object({ electron: z.string(), chrome: z.string(), node: z.string() }),
  platform: z.string(),
  arch: z.string(),
  osRelease: z.string(),
  logFile: z.string(),
  /** The last warnings and errors in the log, oldest first. */
  recentProblems: z.array(LogRecordSchema),
});
export type Diagnostics = z.infer<typeof DiagnosticsSchema>;

export const ipcContract = {
  'import:pick': {
    request: z.object({
      mode: z.enum(['files', 'folder', 'file']),
      /** For 'file': the extensions (no dot) the dialog offers. */
      extensions: z
        .array(z.string().regex(/^[a-z0-9]{1,10}$/))
        .max(10)
        .optional(),
    }),
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
  /** Appends an entry to the desktop log; written is false when too many arrived in a minute. */
  'log:write': {
    request: LogEntrySchema,
    response: z.object({ written: z.boolean() }),
  },
  'app:diagnostics': {
    request: z.object({}),
    response: DiagnosticsSchema,
  },
  'file:save': {
    request: z.object({
      suggestedName: z.string().min(1).max(200),
      bytes: z
        .instanceof(Uint8Array)
        .refine((b) => b.byteLength <= MAX_SAVE_BYTES, 'file too large'),
      extension: z.string().regex(/^[a-z0-9]{1,10}$/),
    }),
    response: z.object({ saved: z.boolean() }),
  },
  /** Asks where to save, prints the report's parts to one PDF offline, and writes it there. */
  'report:print-pdf': {
    request: z.object({
      suggestedName: z.string().min(1).max(200),
      report: PrintedReportSchema,
    }),
    response: z.object({ saved: z.boolean() }),
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
  'backup-library',
  'restore-library',
  'export-annotations',
  'import-annotations',
  'export-project',
  'import-project',
  'about-library',
]);
export type MenuCommand = z.infer<typeof MenuCommandSchema>;
export const MENU_COMMAND_CHANNEL = 'menu:command';

/** The API the preload script exposes as `window.workbench`. */
export interface WorkbenchApi {
  pickImport(req: IpcRequest<'import:pick'>): Promise<IpcResult<IpcResponse<'import:pick'>>>;
  sampleFiles(): Promise<IpcResult<IpcResponse<'import:samples'>>>;
  readFile(req: IpcRequest<'import:read'>): Promise<IpcResult<IpcResponse<'import:read'>>>;
  /** Writes an error, warning or note to the desktop log (never document text or notes). */
  writeLog(req: IpcRequest<'log:write'>): Promise<IpcResult<IpcResponse<'log:write'>>>;
  /** Versions, platform, the log file's path and recent problems, for a diagnostic report. */
  diagnostics(): Promise<IpcResult<IpcResponse<'app:diagnostics'>>>;
  saveFile(req: IpcRequest<'file:save'>): Promise<IpcResult<IpcResponse<'file:save'>>>;
  /** Asks where to save, prints the report's HTML to PDF offline, and writes it there. */
  printPdf(
    req: IpcRequest<'report:print-pdf'>,
  ): Promise<IpcResult<IpcResponse<'report:print-pdf'>>>;
  /** Subscribes to menu commands; returns an unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
