import type { BrowserWindow, BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { describe, expect, it } from 'vitest';
import { createMainWindow } from './window';

/** Records what createMainWindow asks of Electron's BrowserWindow. */
class FakeWindow {
  static created: FakeWindow[] = [];
  static loadFails = false;
  readonly loaded: string[] = [];
  readonly once: (event: string, listener: () => void) => void;
  visible = false;

  constructor(readonly options: BrowserWindowConstructorOptions) {
    FakeWindow.created.push(this);
    this.once = (event, listener) => {
      if (event === 'ready-to-show') this.readyToShow = listener;
    };
  }
  readyToShow: (() => void) | undefined;
  loadFile(path: string) {
    this.loaded.push(`file:${path}`);
    return FakeWindow.loadFails ? Promise.reject(new Error('missing')) : Promise.resolve();
  }
  loadURL(url: string) {
    this.loaded.push(url);
    return Promise.resolve();
  }
  show() {
    this.visible = true;
  }
  isVisible() {
    return this.visible;
  }
  isDestroyed() {
    return false;
  }
}

function open(devServerUrl?: string, onLoadFailed?: (error: unknown) => void): FakeWindow {
  FakeWindow.created = [];
  createMainWindow({
    BrowserWindow: FakeWindow as unknown as typeof BrowserWindow,
    preloadPath: '/app/out/preload/index.cjs',
    rendererIndexPath: '/app/out/renderer/index.html',
    devServerUrl,
    onLoadFailed,
  });
  const [window] = FakeWindow.created;
  if (!window) throw new Error('no window was created');
  return window;
}

describe('createMainWindow', () => {
  const window = open();
  const prefs: WebPreferences = window.options.webPreferences ?? {};

  it('isolates and sandboxes the page and gives it no Node', () => {
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('keeps web security on and turns off webviews, insecure content and the spellchecker', () => {
    expect(prefs).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      spellcheck: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('loads the built page and shows the window only when it is ready', () => {
    expect(window.options.show).toBe(false);
    expect(window.loaded).toEqual(['file:/app/out/renderer/index.html']);
    expect(window.visible).toBe(false);
    window.readyToShow?.();
    expect(window.visible).toBe(true);
  });

  it('loads the dev server when given one', () => {
    expect(open('http://localhost:5173/').loaded).toEqual(['http://localhost:5173/']);
  });

  it('reports a page that cannot load and shows the window rather than leaving it invisible', async () => {
    FakeWindow.loadFails = true;
    const failures: unknown[] = [];
    try {
      const failed = open(undefined, (error) => failures.push(error));
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(failures).toHaveLength(1);
      expect(failed.visible).toBe(true);
    } finally {
      FakeWindow.loadFails = false;
    }
  });
});
