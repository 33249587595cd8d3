import { VERIFIABLE_EXTENSIONS } from '@core/ipc/contract';
import type { HostApi, SavedFormat, SourceFile } from './host-api';
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

const MIME_TYPES: Record<SavedFormat, string> = {
  markdown: 'text/markdown;charset=utf-8',
  html: 'text/html;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

interface ChooseOptions {
  directory?: boolean;
  multiple?: boolean;
  accept?: string;
}

/** Opens the browser's file chooser; resolves null when the user cancels it. */
function chooseFiles({ directory, multiple, accept }: ChooseOptions): Promise<SourceFile[] | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = multiple ?? true;
    if (accept) input.accept = accept;
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
    pickFiles: () => chooseFiles({}),
    pickFolder: () => chooseFiles({ directory: true }),
    sampleFiles: () =>
      Promise.all(Object.entries(sampleUrls).map(([path, url]) => fetchSample(path, url))),
    async saveFile(suggestedName, bytes, format) {
      const url = URL.createObjectURL(new Blob([bytes], { type: MIME_TYPES[format] }));
      const link = document.createElement('a');
      link.href = url;
      link.download = suggestedName;
      document.body.append(link);
      link.click();
      link.remove();
      // The download reads the blob after the click returns; a big one takes a while.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return true;
    },
    printPdf: (_suggestedName, html) => printHtml(html),
    async pickReportFile() {
      const accept = VERIFIABLE_EXTENSIONS.map((e) => `.${e}`).join(',');
      const files = await chooseFiles({ multiple: false, accept });
      return files?.[0] ?? null;
    },
    onCommand: () => () => undefined,
  };
}
