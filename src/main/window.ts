import type { BrowserWindow, WebContents } from 'electron';
import type { AppPolicy } from './app-policy';

/**
 * The main window. Only Electron *types* are imported here: the BrowserWindow class is handed in
 * by index.ts, so tests can load this module (and check the security flags) without Electron.
 */

/**
 * Hardening for every WebContents the app creates (index.ts applies it app-wide from
 * 'web-contents-created', which also covers windows created later): no popups, no webviews,
 * no navigation away from the app's own page.
 */
export function lockDownContents(contents: WebContents, policy: AppPolicy): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('will-navigate', (event) => {
    if (!policy.isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!policy.isAppUrl(event.url)) event.preventDefault();
  });
}

export interface MainWindowDeps {
  BrowserWindow: typeof BrowserWindow;
  preloadPath: string;
  rendererIndexPath: string;
  /** The electron-vite dev server; undefined in production and when packaged. */
  devServerUrl: string | undefined;
  /** Told when the page cannot be loaded at all (logged by index.ts). */
  onLoadFailed?: (error: unknown) => void;
}

/*
 * Content-Security-Policy: production pages carry CONTENT_SECURITY_POLICY as a <meta> tag injected
 * at build time (vite.renderer.config.ts), and file:// loads have no response headers to add it to
 * anyway. The dev server gets no CSP on purpose: Vite's hot reload and React refresh inject inline
 * script, which that policy forbids. The network filter in index.ts still confines dev to localhost.
 */
export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  // A literal `new BrowserWindow({...})` with every setting spelled out, so Electronegativity
  // (which only reads that form) checks the real settings; window.test.ts asserts them too.
  const { BrowserWindow } = deps;
  const window = new BrowserWindow({
    title: 'Dossier',
    width: 1280,
    height: 840,
    minWidth: 760,
    minHeight: 520,
    // Shown on ready-to-show, so the user never sees an empty white frame.
    show: false,
    webPreferences: {
      preload: deps.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // Middle-click on a link would ask for a new window: not a way out of the app.
      disableBlinkFeatures: 'Auxclick',
      enableWebSQL: false,
      // Dropping a file on the window must reach the page's drop handler, not replace the app.
      navigateOnDragDrop: false,
      safeDialogs: true,
      // The built-in spellchecker downloads dictionaries; the app stays offline.
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  const loaded = deps.devServerUrl
    ? window.loadURL(deps.devServerUrl)
    : window.loadFile(deps.rendererIndexPath);
  loaded.catch((error: unknown) => {
    deps.onLoadFailed?.(error);
    // A window that never became ready would otherwise stay invisible with nothing to close.
    if (!window.isDestroyed() && !window.isVisible()) window.show();
  });
  return window;
}
