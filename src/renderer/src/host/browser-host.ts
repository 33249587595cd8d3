import { logRepo } from '../db/log-repo';
import type { HostApi, HostDiagnostics, SourceFile } from './host-api';
import { printHtml } from './print-html';

const sampleUrls = import.meta.glob('../../../../resources/samples/*', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export function sourceFromFile(file: File, relativePath?: string): SourceFile {
  return {
    name: file.name,
    relativePath: relativePath ?? (file.webkitRelativePath || file.name),
    // Read only when asked: for a chosen folder each size is a file-system call.
    get size() {
      return file.size;
    },
    read: async () => new Uint8Array(await file.arrayBuffer()),
    blob: file,
  };
}

/** Opens the browser's file chooser; resolves null when the user cancels it. */
function chooseFiles(directory: boolean, accept?: string[]): Promise<SourceFile[] | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = !accept;
    if (accept) input.accept = accept.map((ext) => `.${ext}`).join(',');
    if (directory) input.webkitdirectory = true;
    input.style.display = 'none';
    const finish = (files: SourceFile[] | null) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => {
      finish(Array.from(input.files ?? [], (file) => sourceFromFile(file)));
    });
    input.addEventListener('cancel', () => finish(null));
    document.body.append(input);
    input.click();
  });
}

async function fetchSample(path: string, url: string): Promise<SourceFile> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Sample ${path} is missing from this build`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const name = path.split('/').pop() ?? path;
  return { name, relativePath: `samples/${name}`, size: bytes.byteLength, read: async () => bytes };
}

export function createBrowserHost(): HostApi {
  return {
    kind: 'browser',
    pickFiles: () => chooseFiles(false),
    pickFolder: () => chooseFiles(true),
    sampleFiles: () =>
      Promise.all(Object.entries(sampleUrls).map(([path, url]) => fetchSample(path, url))),
    saveFile: (suggestedName, bytes, mime) =>
      download(suggestedName, new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime })),
    pickFile: async (accept) => (await chooseFiles(false, accept))?.[0] ?? null,
    writeLog: async (entry) => {
      try {
        await logRepo().append({ ...entry, time: new Date().toISOString(), source: 'renderer' });
      } catch {
        // Storage full or blocked: the log must never add a problem of its own.
      }
    },
    diagnostics: browserDiagnostics,
    printPdf: (_suggestedName, report) => {
      if (!(report instanceof Uint8Array)) {
        throw new Error('the browser prints a report as one document');
      }
      return printHtml(report);
    },
    printsInParts: false,
    onCommand: () => () => undefined,
  };
}

/** Hands a file to the browser's downloads: the browser decides where it goes. */
async function download(suggestedName: string, blob: Blob): Promise<boolean> {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = suggestedName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download reads the blob after the click returns; a big one takes a while.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return true;
}

const RECENT_PROBLEMS = 50;

async function browserDiagnostics(): Promise<HostDiagnostics> {
  const repo = logRepo();
  const [logEntries, problems] = await Promise.all([
    repo.count().catch(() => null),
    repo.recent(RECENT_PROBLEMS, (r) => r.level !== 'info').catch(() => []),
  ]);
  const brands = (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData;
  return {
    appVersion: __DOSSIER_VERSION__,
    versions: { browser: navigator.userAgent },
    platform: brands?.platform || navigator.platform || 'unknown',
    logWhere: `the browser's IndexedDB database "dossier-log" for ${location.origin} (last 1,000 entries)`,
    logEntries,
    problems,
  };
}
