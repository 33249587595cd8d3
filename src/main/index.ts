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
import { buildMenuTemplate } from './menu';
import { createPdfPrinter, PDF_PARTITION } from './pdf-print';
import { createMainWindow, lockDownContents } from './window';

const APP_NAME = 'Dossier';

// Built layout: out/main/index.js, out/preload/index.cjs, out/renderer/index.html.
const mainDir = import.meta.dirname;
const preloadPath = join(mainDir, '../preload/index.cjs');
const rendererIndexPath = join(mainDir, '../renderer/index.html');
const samplesDir = app.isPackaged
  ? join(process.resourcesPath, 'samples')
  : join(mainDir, '../../resources/samples');
// The dev server is only ever trusted in an unpackaged build, whatever the environment says.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;

// Lets end-to-end runs use a throwaway profile; must happen before the lock and before ready.
const userDataOverride = process.env.DOSSIER_USER_DATA;
if (userDataOverride) app.setPath('userData', userDataOverride);

app.enableSandbox();

const policy = createAppPolicy({ rendererIndexPath, devServerUrl });
let mainWindow: BrowserWindow | undefined;

function openMainWindow(): BrowserWindow {
  const window = createMainWindow({ BrowserWindow, preloadPath, rendererIndexPath, devServerUrl });
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

function start(): void {
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents, policy));

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    secureSession();
    registerIpcHandlers<IpcMainInvokeEvent>({
      ipcMain,
      dialog: dialogs,
      registry: new FileRegistry(),
      samplesDir,
      defaultSaveDir: documentsDir,
      isTrustedSender: (event) => isTrustedSenderEvent(policy, event),
      printToPdf: createPdfPrinter({
        createWindow: (options) => new BrowserWindow(options),
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

if (app.requestSingleInstanceLock()) start();
else app.quit();
