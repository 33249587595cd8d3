import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

/*
 * `npm run lint:electron` runs on the app itself in `npm test`; here the script is shown to fail
 * on a window that is not locked down, so a passing run means something.
 */

const root = resolve(import.meta.dirname, '..');
const script = join(root, 'scripts', 'lint-electron.mjs');
let dir: string;

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function lint(mainSource: string) {
  dir = mkdtempSync(join(tmpdir(), 'dossier-lint-electron-'));
  writeFileSync(join(dir, 'main.js'), mainSource);
  return spawnSync(process.execPath, [script, '--input', dir], { encoding: 'utf8' });
}

describe('lint:electron', () => {
  it('fails on a window without isolation, sandbox or navigation limits that loads http', () => {
    const run = lint(`
      const { BrowserWindow } = require('electron');
      const win = new BrowserWindow({
        webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false },
      });
      win.loadURL('http://example.com/');
    `);
    expect(run.status).toBe(1);
    for (const id of [
      'CONTEXT_ISOLATION_JS_CHECK',
      'SANDBOX_JS_CHECK',
      'HTTP_RESOURCES_JS_CHECK',
      'LIMIT_NAVIGATION_GLOBAL_CHECK',
    ]) {
      expect(run.stderr).toContain(id);
    }
  }, 60_000);

  it('keeps an allow-list whose every entry gives its reason', () => {
    const entries = JSON.parse(
      readFileSync(join(root, 'scripts', 'electronegativity-allow.json'), 'utf8'),
    ) as { id: string; file: string; reason: string }[];
    for (const entry of entries) expect(entry.reason.length).toBeGreaterThan(40);
  });
});
