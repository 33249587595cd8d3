import { release } from 'node:os';
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  session,
  type IpcMainInvokeEvent,
} from 'electron';
import { MENU_COMMAND_CHANNEL, type MenuCommand } from '@core/ipc/contract';
import { createAppPolicy, isPermissionGranted, isTrustedSenderEvent } from './app-policy';
import { FileRegistry } from './file-registry';
import { registerIpcHandlers, type DialogFunctions } from './ipc-handlers';
import {
  CRASH_WINDOW_MS,
  createChildGoneHandler,
  createCrashCounter,
  createMainErrorHandler,
  createRenderGoneHandler,
  focusExistingWindow,
} from './lifecycle';
import { createLogFile } from './log-file';
import { buildMenuTemplate } from './menu';
import { createPdfPrinter, PDF_PARTITION } from './pdf-print';
import { resolveLogDir, resolveSamplesDir } from './paths';
import { createMainWindow, lockDownContents } from './window';

const APP_NAME = 'Dossier';

// Built layout: out/main/index.js, out/preload/index.cjs, out/renderer/index.html.
const mainDir = import.meta.dirname;
const preloadPath = join(mainDir, '../preload/index.cjs');
const rendererIndexPath = join(mainDir, '../renderer/index.html');
const samplesDir = resolveSamplesDir({
  isPackaged: app.isPackaged,
  resourcesPath: process.resourcesPath,
  mainDir,
});
// The dev server is only ever trusted in an unpackaged build, whatever the environment says.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;

// Lets end-to-end runs use a throwaway profile; must happen before the lock and before ready.
const userDataOverride = process.env.DOSSIER_USER_DATA;
if (userDataOverride) app.setPath('userData', userDataOverride);

app.enableSandbox();

const policy = createAppPolicy({ rendererIndexPath, devServerUrl });
const log = createLogFile({ dir: resolveLogDir(app.getPath('userData')) });
const writeLog = (entry: Parameters<typeof log.write>[0]) => log.write(entry);
let mainWindow: BrowserWindow | undefined;

function askAfterCrashes(window: BrowserWindow, message: string, detail: string) {
  return dialog
    .showMessageBox(window, {
      type: 'error',
      title: APP_NAME,
      message,
      detail,
      buttons: ['Reload', 'Quit'],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
    })
    .then(({ response }) => (response === 1 ? ('quit' as const) : ('reload' as const)));
}

function openMainWindow(): BrowserWindow {
  const window = createMainWindow({
    BrowserWindow,
    preloadPath,
    rendererIndexPath,
    devServerUrl,
    onLoadFailed: (error) =>
      writeLog({
        level: 'error',
        source: 'main',
        message: `The window's page could not be loaded: ${String(error)}`,
      }),
  });
  const onRenderGone = createRenderGoneHandler({
    window: { isDestroyed: () => window.isDestroyed(), reload: () => window.webContents.reload() },
    log: writeLog,
    logFile: log.path,
    counter: createCrashCounter({ windowMs: CRASH_WINDOW_MS }),
    ask: (message, detail) => askAfterCrashes(window, message, detail),
    quit: () => app.quit(),
  });
  window.webContents.on('render-process-gone', (_event, details) => void onRenderGone(details));
  window.on('unresponsive', () =>
    writeLog({ level: 'warn', source: 'main', message: 'The window stopped responding' }),
  );
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = undefined;
  });
  mainWindow = window;
  return window;
}

function ownerOf(event: IpcMainInvokeEvent): BrowserWindow | null {
  return BrowserWindow.fromWebContents(event.sender);
}

const dialogs: DialogFunctions<IpcMainInvokeEvent> = {
  showOpenDialog(event, options) {
    const owner = ownerOf(event);
    return owner ? dialog.showOpenDialog(owner, options) : dialog.showOpenDialog(options);
  },
  showSaveDialog(event, options) {
    const owner = ownerOf(event);
    return owner ? dialog.showSaveDialog(owner, options) : dialog.showSaveDialog(options);
  },
};

function documentsDir(): string {
  try {
    return app.getPath('documents');
  } catch {
    // Some Linux desktops have no XDG documents directory.
    return app.getPath('home');
  }
}

function sendMenuCommand(command: MenuCommand): void {
  const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
  target?.webContents.send(MENU_COMMAND_CHANNEL, command);
}

function showAbout(): void {
  void dialog.showMessageBox({
    type: 'info',
    title: `About ${APP_NAME}`,
    message: `${APP_NAME} ${app.getVersion()}`,
    detail: 'An offline workbench for reading document collections. It never uses the network.',
  });
}

function secureSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(isPermissionGranted(permission)),
  );
  ses.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = policy.isAllowedRequest(details.url);
    if (!allowed) console.warn(`${APP_NAME}: blocked a network request to ${details.url}`);
    callback({ cancel: !allowed });
  });
}

function diagnostics() {
  return {
    appVersion: app.getVersion(),
    versions: {
      electron: process.versions.electron,
      chrome: process.versions.chrome,
      node: process.versions.node,
    },
    platform: process.platform,
    arch: process.arch,
    osRelease: release(),
  };
}

function start(): void {
  const onMainError = createMainErrorHandler({
    log: writeLog,
    logFile: log.path,
    showError: (title, content) => dialog.showErrorBox(title, content),
  });
  process.on('uncaughtException', (error) => onMainError(error, 'uncaughtException'));
  process.on('unhandledRejection', (reason) => onMainError(reason, 'unhandledRejection'));
  const onChildGone = createChildGoneHandler(writeLog);
  app.on('child-process-gone', (_event, details) => onChildGone(details));
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents, policy));

  app.on('second-instance', () => {
    if (!focusExistingWindow(mainWindow) && app.isReady()) openMainWindow();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    writeLog({ level: 'info', source: 'main', message: `${APP_NAME} ${app.getVersion()} started` });
    secureSession();
    registerIpcHandlers<IpcMainInvokeEvent>({
      ipcMain,
      dialog: dialogs,
      registry: new FileRegistry(),
      samplesDir,
      defaultSaveDir: documentsDir,
      isTrustedSender: (event) => isTrustedSenderEvent(policy, event),
      log,
      diagnostics,
      printToPdf: createPdfPrinter({
        BrowserWindow,
        session: session.fromPartition(PDF_PARTITION, { cache: false }),
      }),
    });
    const template = buildMenuTemplate({
      appName: APP_NAME,
      isMac: process.platform === 'darwin',
      isPackaged: app.isPackaged,
      send: sendMenuCommand,
      showAbout,
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
    openMainWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
    });
  });
}

// A second copy would open the same IndexedDB files: it hands over to the first and quits.
if (app.requestSingleInstanceLock()) start();
else app.quit();
