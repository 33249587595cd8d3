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
  'backup-library': 'backup-library',
  'restore-library': 'restore-library',
  'export-annotations': 'export-annotations',
  'import-annotations': 'import-annotations',
  'export-project': 'export-project',
  'import-project': 'import-project',
  'about-library': 'about-library',
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
    saveFile: async (suggestedName, bytes, _mime) => {
      const extension = /\.([a-z0-9]{1,10})$/i.exec(suggestedName)?.[1]?.toLowerCase() ?? 'bin';
      return unwrap(
        await api.saveFile({ suggestedName, bytes: bytes as Uint8Array<ArrayBuffer>, extension }),
      ).saved;
    },
    pickFile: async (accept) => {
      const picked = unwrap(await api.pickImport({ mode: 'file', extensions: accept }));
      const [first] = picked.files;
      return picked.cancelled || !first ? null : toSourceFile(first);
    },
    writeLog: async (entry) => {
      try {
        await api.writeLog(entry);
      } catch {
        // Main is gone or refused: the log must never add a problem of its own.
      }
    },
    diagnostics: async () => {
      const d = unwrap(await api.diagnostics());
      return {
        appVersion: d.appVersion,
        versions: d.versions,
        platform: `${d.platform} ${d.arch} (${d.osRelease})`,
        logWhere: d.logFile,
        logEntries: null,
        problems: d.recentProblems,
      };
    },
    printPdf: async (suggestedName, report) => {
      if (report instanceof Uint8Array) throw new Error('the desktop app prints a report in parts');
      return unwrap(await api.printPdf({ suggestedName, report })).saved;
    },
    printsInParts: true,
    onCommand: (listener) => api.onMenuCommand((command) => listener(HOST_COMMANDS[command])),
  };
}
