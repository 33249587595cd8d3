import { createBrowserHost } from './browser-host';
import { createElectronHost } from './electron-host';
import type { HostApi } from './host-api';

let host: HostApi | null = null;

/** The host the renderer runs in: Electron when the preload API is present, else the browser. */
export function getHost(): HostApi {
  host ??= window.workbench ? createElectronHost(window.workbench) : createBrowserHost();
  return host;
}

export type { HostApi, HostCommand, SourceFile } from './host-api';
