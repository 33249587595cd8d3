import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { createAppPolicy, isTrustedSenderEvent, type SenderEventLike } from './app-policy';
import { FileRegistry } from './file-registry';
import type { HandlerDeps } from './ipc-handlers';
import { createLogFile } from './log-file';

/**
 * A temporary world for IPC handler tests: the bundled samples, what the simulated user picks
 * or saves to (chosen/), their Documents folder, the app's log folder, and a folder the user
 * never chose (outside/) holding a secret that no request may read or change.
 * Used by tests only; every dependency a handler needs is built here in one place.
 */

export const APP_URL = 'file:///opt/dossier/out/renderer/index.html';
export const appEvent: SenderEventLike = {
  senderFrame: { url: `${APP_URL}#/library`, parent: null },
};

export interface DialogCall {
  kind: 'open' | 'save';
  options: OpenDialogOptions | SaveDialogOptions;
  answer: string[];
}

export interface HandlerTestKit {
  root: string;
  samplesDir: string;
  chosenDir: string;
  documentsDir: string;
  logsDir: string;
  outsideDir: string;
  deps: HandlerDeps<SenderEventLike>;
  dialogCalls: DialogCall[];
  dispose(): Promise<void>;
}

/** A save dialog's answer keeps a plain extension from the suggestion, as a user's would. */
function savedName(defaultPath: string | undefined): string {
  const ext = extname(defaultPath ?? '');
  return `saved${/^\.[A-Za-z0-9]{1,8}$/.test(ext) ? ext : ''}`;
}

export async function createHandlerTestKit(): Promise<HandlerTestKit> {
  const root = await mkdtemp(join(tmpdir(), 'dossier-ipc-kit-'));
  const dirs = {
    samplesDir: join(root, 'samples'),
    chosenDir: join(root, 'chosen'),
    documentsDir: join(root, 'Documents'),
    logsDir: join(root, 'logs'),
    outsideDir: join(root, 'outside'),
  };
  for (const dir of Object.values(dirs)) await mkdir(dir, { recursive: true });
  await writeFile(join(dirs.samplesDir, '2008-pledge.txt'), 'The minister vowed a crackdown.');
  await writeFile(join(dirs.samplesDir, '2014-audit.md'), '# Audit\n\nThree shelters of twelve.');
  await mkdir(join(dirs.chosenDir, 'folder'));
  await writeFile(join(dirs.chosenDir, 'picked.txt'), 'A file the user picked.');
  await writeFile(join(dirs.chosenDir, 'folder', 'report.md'), '# In a picked folder');
  await writeFile(join(dirs.outsideDir, 'secret.txt'), 'Never to be read.');

  const policy = createAppPolicy({ rendererIndexPath: '/opt/dossier/out/renderer/index.html' });
  const dialogCalls: DialogCall[] = [];
  const deps: HandlerDeps<SenderEventLike> = {
    dialog: {
      async showOpenDialog(_event, options) {
        const folder = options.properties?.includes('openDirectory');
        const answer = folder
          ? [join(dirs.chosenDir, 'folder')]
          : [join(dirs.chosenDir, 'picked.txt'), join(dirs.chosenDir, 'folder', 'report.md')];
        dialogCalls.push({ kind: 'open', options, answer });
        return { canceled: false, filePaths: answer };
      },
      async showSaveDialog(_event, options) {
        const answer = join(dirs.chosenDir, savedName(options.defaultPath));
        dialogCalls.push({ kind: 'save', options, answer: [answer] });
        return { canceled: false, filePath: answer };
      },
    },
    registry: new FileRegistry(),
    samplesDir: dirs.samplesDir,
    defaultSaveDir: () => dirs.documentsDir,
    isTrustedSender: (event) => isTrustedSenderEvent(policy, event),
    // Electron's printing is the OS boundary: a minimal real PDF stands in for its answer.
    printToPdf: async (report) =>
      new TextEncoder().encode(`%PDF-1.4\n% ${report.parts.length} parts\n%%EOF\n`),
    log: createLogFile({ dir: dirs.logsDir }),
    diagnostics: () => ({
      appVersion: '0.1.0',
      versions: { electron: '45.4.1', chrome: '142.0.0.0', node: '22.20.0' },
      platform: 'linux',
      arch: 'x64',
      osRelease: '6.1.0',
    }),
  };
  return {
    root,
    ...dirs,
    deps,
    dialogCalls,
    dispose: () => rm(root, { recursive: true, force: true }),
  };
}
