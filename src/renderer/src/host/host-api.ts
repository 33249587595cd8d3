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

export type HostCommand = 'import-files' | 'import-folder' | 'export-report';

export interface HostApi {
  readonly kind: 'electron' | 'browser';
  /** Asks the user for files; null when they cancel. */
  pickFiles(): Promise<SourceFile[] | null>;
  /** Asks the user for a folder, walked recursively; null when they cancel. */
  pickFolder(): Promise<SourceFile[] | null>;
  /** The bundled sample collection. */
  sampleFiles(): Promise<SourceFile[]>;
  /** Saves a text report; resolves false when the user cancels. */
  saveReport(suggestedName: string, content: string): Promise<boolean>;
  /** Commands from the host's own menus; returns an unsubscribe function. */
  onCommand(listener: (command: HostCommand) => void): () => void;
}
