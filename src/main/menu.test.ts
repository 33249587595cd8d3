import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '@core/ipc/contract';
import { buildMenuTemplate, type MenuDeps } from './menu';

function build(overrides: Partial<MenuDeps> = {}) {
  const sent: MenuCommand[] = [];
  let aboutShown = 0;
  const template = buildMenuTemplate({
    appName: 'Dossier',
    isMac: false,
    isPackaged: true,
    send: (command) => sent.push(command),
    showAbout: () => (aboutShown += 1),
    ...overrides,
  });
  return { template, sent, aboutShown: () => aboutShown };
}

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return Array.isArray(item?.submenu) ? item.submenu : [];
}

function find(template: MenuItemConstructorOptions[], label: string) {
  return template.find((item) => item.label === label);
}

function roles(items: MenuItemConstructorOptions[]): unknown[] {
  return items.map((item) => item.role).filter(Boolean);
}

function click(item: MenuItemConstructorOptions | undefined): void {
  // Electron passes (menuItem, window, event); the template's handlers ignore them.
  (item?.click as (() => void) | undefined)?.();
}

describe('buildMenuTemplate', () => {
  it('has File, Edit, View, Window and Help on Windows and Linux', () => {
    const { template } = build();
    expect(template.map((item) => item.label ?? item.role)).toEqual([
      'File',
      'Edit',
      'View',
      'Window',
      'help',
    ]);
  });

  it('sends each File command to the renderer with its accelerator', () => {
    const { template, sent } = build();
    const file = submenu(find(template, 'File'));
    const items = file.filter((item) => item.accelerator);
    expect(items.map((item) => [item.label, item.accelerator])).toEqual([
      ['Import Files…', 'CmdOrCtrl+O'],
      ['Import Folder…', 'CmdOrCtrl+Shift+O'],
      ['Export Report…', 'CmdOrCtrl+E'],
      ['Verify Report…', 'CmdOrCtrl+Shift+E'],
    ]);
    items.forEach(click);
    expect(sent).toEqual(['import-files', 'import-folder', 'export-report', 'verify-report']);
    expect(file.at(-1)?.role).toBe('quit');
  });

  it('offers DevTools only in an unpackaged build', () => {
    const packaged = roles(submenu(find(build({ isPackaged: true }).template, 'View')));
    const dev = roles(submenu(find(build({ isPackaged: false }).template, 'View')));
    expect(packaged).not.toContain('toggleDevTools');
    expect(packaged).toEqual(expect.arrayContaining(['reload', 'zoomIn', 'zoomOut', 'resetZoom']));
    expect(dev).toContain('toggleDevTools');
  });

  it('gives Edit the standard clipboard roles', () => {
    const edit = roles(submenu(find(build().template, 'Edit')));
    expect(edit).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']),
    );
  });

  it('shows About from Help', () => {
    const built = build();
    const help = built.template.find((item) => item.role === 'help');
    click(submenu(help).find((item) => item.label === 'About Dossier'));
    expect(built.aboutShown()).toBe(1);
  });

  it('adds the app menu on macOS and closes rather than quits from File', () => {
    const { template } = build({ isMac: true });
    expect(template[0]?.label).toBe('Dossier');
    expect(roles(submenu(template[0]))).toContain('quit');
    expect(submenu(find(template, 'File')).at(-1)?.role).toBe('close');
  });
});
