import type { PrintedReport } from '@core/export/write-print-html';
import type { LogEntry, LogRecord } from '@core/ipc/contract';

/**
 * Everything the renderer needs from the place it runs in. One implementation over the Electron
 * preload API, one over plain browser features; nothing else in the renderer knows which it is.
 */
export interface SourceFile {
  name: string;
  /** Path relative to the chosen folder, '/' separated; the name for loose files. */
  relativePath: string;
  size: number;
  read(): Promise<Uint8Array>;
  /** The file itself where the host has one (browser), so a worker can read it directly. */
  blob?: Blob;
}

export type HostCommand =
  'import-files' | 'import-folder' | 'export-report' | 'verify-report' | ExchangeCommand;

/** The library's backup and exchange commands (File menu in the desktop app, Library menu on the web). */
export type ExchangeCommand =
  | 'backup-library'
  | 'restore-library'
  | 'export-annotations'
  | 'import-annotations'
  | 'export-project'
  | 'import-project'
  | 'about-library';

export interface HostApi {
  readonly kind: 'electron' | 'browser';
  /** Asks the user for files; null when they cancel. */
  pickFiles(): Promise<SourceFile[] | null>;
  /** Asks the user for a folder, walked recursively; null when they cancel. */
  pickFolder(): Promise<SourceFile[] | null>;
  /** The bundled sample collection. */
  sampleFiles(): Promise<SourceFile[]>;
  /**
   * Saves bytes to a file: the desktop app asks where (offering the name's extension), the web
   * app downloads it. Resolves false when the user cancels.
   */
  saveFile(suggestedName: string, bytes: Uint8Array, mime: string): Promise<boolean>;
  /** Asks the user for one file with one of these extensions (no dot); null when they cancel. */
  pickFile(accept: string[]): Promise<SourceFile | null>;
  /** Keeps an entry in the app's log (desktop: main's log file; web: IndexedDB). Never throws. */
  writeLog(entry: LogEntry): Promise<void>;
  /** What the host knows for a diagnostic report. */
  diagnostics(): Promise<HostDiagnostics>;
  /**
   * Makes a PDF of a report written to print: the desktop app prints it offline in parts
   * (`printsInParts`), joins them and asks where to save it; the web app opens the browser's
   * print dialog on its one document (Save as PDF), given as UTF-8 bytes, which move from the
   * export worker at no cost where a string of megabytes holds the page while it is copied.
   * False when cancelled.
   */
  printPdf(suggestedName: string, report: PrintedReport | Uint8Array): Promise<boolean>;
  /** Whether printPdf takes a report in parts (desktop) or as one document (web). */
  readonly printsInParts: boolean;
  /** Commands from the host's own menus; returns an unsubscribe function. */
  onCommand(listener: (command: HostCommand) => void): () => void;
}

export interface HostDiagnostics {
  appVersion: string;
  versions: Record<string, string>;
  platform: string;
  /** Where the log is kept, in words a user can follow. */
  logWhere: string;
  logEntries: number | null;
  /** The last warnings and errors in the log, oldest first. */
  problems: LogRecord[];
}
