import type { ReportFormat } from '@core/export/report-types';

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

export type HostCommand = 'import-files' | 'import-folder' | 'export-report' | 'verify-report';

/** Formats saved as the bytes the report writers make; PDF is printed from HTML instead. */
export type SavedFormat = Exclude<ReportFormat, 'pdf'>;

export interface HostApi {
  readonly kind: 'electron' | 'browser';
  /** Asks the user for files; null when they cancel. */
  pickFiles(): Promise<SourceFile[] | null>;
  /** Asks the user for a folder, walked recursively; null when they cancel. */
  pickFolder(): Promise<SourceFile[] | null>;
  /** The bundled sample collection. */
  sampleFiles(): Promise<SourceFile[]>;
  /**
   * Saves an exported file: the desktop app asks where (offering the format's extension), the
   * web app downloads it. Resolves false when the user cancels.
   */
  saveFile(
    suggestedName: string,
    bytes: Uint8Array<ArrayBuffer>,
    format: SavedFormat,
  ): Promise<boolean>;
  /**
   * Makes a PDF of a report's HTML: the desktop app prints it offline and asks where to save
   * it; the web app opens the browser's print dialog (Save as PDF). False when cancelled.
   */
  printPdf(suggestedName: string, html: string): Promise<boolean>;
  /** Asks for one exported report to verify; null when the user cancels. */
  pickReportFile(): Promise<SourceFile | null>;
  /** Commands from the host's own menus; returns an unsubscribe function. */
  onCommand(listener: (command: HostCommand) => void): () => void;
}
