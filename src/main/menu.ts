import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '@core/ipc/contract';

export interface MenuDeps {
  appName: string;
  isMac: boolean;
  isPackaged: boolean;
  /** Delivers a command to the renderer of the focused window. */
  send: (command: MenuCommand) => void;
  showAbout: () => void;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/**
 * The application menu as plain data; index.ts turns it into a Menu. Commands that need the
 * page's state (what to import into, what to export) are sent to the renderer rather than
 * handled here, so the menu and the page's own buttons take the same path.
 */
export function buildMenuTemplate(deps: MenuDeps): MenuItemConstructorOptions[] {
  const command = (label: string, accelerator: string | null, name: MenuCommand) => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => deps.send(name),
  });
  const about: MenuItemConstructorOptions = {
    label: `About ${deps.appName}`,
    click: deps.showAbout,
  };

  const appMenu: MenuItemConstructorOptions[] = deps.isMac
    ? [
        {
          label: deps.appName,
          submenu: [
            about,
            separator,
            { role: 'services' },
            separator,
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            separator,
            { role: 'quit' },
          ],
        },
      ]
    : [];

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      command('Import Files…', 'CmdOrCtrl+O', 'import-files'),
      command('Import Folder…', 'CmdOrCtrl+Shift+O', 'import-folder'),
      separator,
      command('Export Report…', 'CmdOrCtrl+E', 'export-report'),
      command('Verify Report…', 'CmdOrCtrl+Shift+E', 'verify-report'),
      separator,
      command('Back Up Library…', null, 'backup-library'),
      command('Restore Library…', null, 'restore-library'),
      command('Export Annotations…', null, 'export-annotations'),
      command('Import Annotations…', null, 'import-annotations'),
      command('Export Project…', null, 'export-project'),
      command('Import Project…', null, 'import-project'),
      command('About This Library', null, 'about-library'),
      separator,
      deps.isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'delete' },
      separator,
      { role: 'selectAll' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { role: 'reload' },
      // DevTools in a shipped app would hand anyone a console with the page's full powers.
      ...(deps.isPackaged
        ? []
        : [{ role: 'forceReload' } as const, { role: 'toggleDevTools' } as const]),
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };

  const window: MenuItemConstructorOptions = {
    label: 'Window',
    submenu: deps.isMac
      ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  };

  const help: MenuItemConstructorOptions = { role: 'help', submenu: [about] };

  return [...appMenu, file, edit, view, window, help];
}
