import type { WorkbenchApi } from '@core/ipc/contract';

declare global {
  interface Window {
    /** Present only inside the Electron app (set by the preload script); absent on the web. */
    workbench?: WorkbenchApi;
  }
}

export {};
