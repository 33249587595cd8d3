import type { FileRef, IpcResult, MenuCommand, WorkbenchApi } from '@core/ipc/contract';
import type { HostApi, HostCommand, SourceFile } from './host-api';

/** The HostApi inside Electron: every OS action goes through the preload's typed API to main. */

function unwrap<T>(result: IpcResult<T>): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

// A Record rather than a cast, so adding a menu command without a host command fails to compile.
const HOST_COMMANDS: Record<MenuCommand, HostCommand> = {
  'import-files': 'import-files',
  'import-folder': 'import-folder',
  'export-report': 'export-report',
  'verify-report': 'verify-report',
};

export function createElectronHost(api: WorkbenchApi): HostApi {
  const toSourceFile = (ref: FileRef): SourceFile => ({
    name: ref.name,
    relativePath: ref.relativePath,
    size: ref.size,
    read: async () => unwrap(await api.readFile({ id: ref.id })),
  });

  const pick = async (mode: 'files' | 'folder'): Promise<SourceFile[] | null> => {
    const picked = unwrap(await api.pickImport({ mode }));
    return picked.cancelled ? null : picked.files.map(toSourceFile);
  };

  return {
    kind: 'electron',
    pickFiles: () => pick('files'),
    pickFolder: () => pick('folder'),
    sampleFiles: async () => unwrap(await api.sampleFiles()).files.map(toSourceFile),
    saveFile: async (suggestedName, bytes, format) =>
      unwrap(await api.saveFile({ suggestedName, bytes, format })).saved,
    printPdf: async (suggestedName, html) =>
      unwrap(await api.printPdf({ suggestedName, html })).saved,
    async pickReportFile() {
      const picked = unwrap(await api.pickReport());
      return picked.cancelled || !picked.file ? null : toSourceFile(picked.file);
    },
    onCommand: (listener) => api.onMenuCommand((command) => listener(HOST_COMMANDS[command])),
  };
}
