import { join } from 'node:path';

/**
 * Where main finds its own files, as pure functions of what Electron reports, so a test can
 * check them against the packaging configuration (electron-builder.yml) without Electron.
 */

/** The folder, inside the app's resources, that electron-builder's extraResources copies the samples to. */
export const PACKAGED_SAMPLES_FOLDER = 'samples';

export interface AppLocation {
  /** app.isPackaged */
  isPackaged: boolean;
  /** process.resourcesPath: the installed app's resources folder. */
  resourcesPath: string;
  /**
   * The folder of the built main script (out/main). Used instead of app.getAppPath(), which is
   * out/main itself when Electron is started on the script (as the end-to-end tests do).
   */
  mainDir: string;
}

export function resolveSamplesDir(location: AppLocation): string {
  return location.isPackaged
    ? join(location.resourcesPath, PACKAGED_SAMPLES_FOLDER)
    : join(location.mainDir, '..', '..', 'resources', 'samples');
}

/** The log folder inside Electron's user-data folder. */
export function resolveLogDir(userDataDir: string): string {
  return join(userDataDir, 'logs');
}
