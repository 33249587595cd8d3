import type { WorkbenchApi } from '@core/ipc/contract';

declare global {
  interface Window {
    /** Present only inside the Electron app (set by the preload script); absent on the web. */
    workbench?: WorkbenchApi;
  }
  /** package.json's version, set by the build (vite.renderer.config.ts). */
  const __DOSSIER_VERSION__: string;
}

export {};
