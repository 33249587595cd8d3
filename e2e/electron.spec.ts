import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { SAMPLE_COUNT } from './helpers';

/*
 * The desktop app end to end. Electron's binary is downloaded lazily by require('electron'),
 * which fails where GitHub is unreachable, so its presence is checked by looking at the files
 * and the spec skips (saying why) rather than triggering that download.
 */

const root = resolve(import.meta.dirname, '..');
const mainEntry = join(root, 'out', 'main', 'index.js');

function missingElectronReason(): string | undefined {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    return existsSync(override)
      ? undefined
      : `Electron spec skipped: ELECTRON_OVERRIDE_DIST_PATH=${override} does not exist`;
  }
  const electronDir = join(root, 'node_modules', 'electron');
  const pathFile = join(electronDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (executable && existsSync(join(electronDir, 'dist', executable))) return undefined;
  return (
    'Electron spec skipped: no Electron binary in node_modules/electron/dist ' +
    '(downloads are blocked on this machine); set ELECTRON_OVERRIDE_DIST_PATH to run it'
  );
}

const reason = missingElectronReason();
if (reason) console.log(reason);
test.skip(reason !== undefined, reason);

interface Running {
  app: ElectronApplication;
  page: Page;
  userData: string;
  /** Every URL the page and its workers asked for. */
  requests: string[];
}

/** A fresh profile per test: an empty library, and no clash with a copy of the app already open. */
async function launch(): Promise<Running> {
  expect(existsSync(mainEntry), `${mainEntry} is missing: run "npm run build" first`).toBe(true);
  const userData = mkdtempSync(join(tmpdir(), 'dossier-e2e-'));
  const app = await _electron.launch({
    args: [mainEntry, `--user-data-dir=${userData}`],
    cwd: root,
    env: { ...process.env, DOSSIER_USER_DATA: userData },
  });
  const requests: string[] = [];
  app.context().on('request', (request) => requests.push(request.url()));
  const page = await app.firstWindow();
  return { app, page, userData, requests };
}

async function close(running: Running): Promise<void> {
  await running.app.close();
  rmSync(running.userData, { recursive: true, force: true });
}

async function loadSamples(page: Page): Promise<void> {
  const loadSamplesButton = page.getByRole('button', {
    name: 'Load sample collection',
    exact: true,
  });
  await expect(loadSamplesButton).toBeVisible();
  await loadSamplesButton.click();
  // The samples come from resources/samples through main's IPC, not from the renderer bundle.
  const summary = page.getByRole('region', { name: 'Import summary' });
  await expect(summary).toContainText(`${SAMPLE_COUNT} files: ${SAMPLE_COUNT} imported`, {
    timeout: 30_000,
  });
  await summary.getByRole('button', { name: 'Close import summary' }).click();
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('link', { name: 'Library' })
    .click();
  await expect(libraryItems(page)).toHaveCount(SAMPLE_COUNT);
}

const libraryItems = (page: Page) =>
  page.getByRole('list', { name: 'Documents' }).getByRole('listitem');

function logRecords(userData: string): { level: string; source: string; message: string }[] {
  const path = join(userData, 'logs', 'dossier.log');
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { level: string; source: string; message: string });
}

/** Crashes the window's renderer as a fault in Chromium would. */
async function crashRenderer(app: ElectronApplication): Promise<void> {
  await app.evaluate(({ BrowserWindow }) => {
    BrowserWindow.getAllWindows()[0]?.webContents.forcefullyCrashRenderer();
  });
}

/** Waits until main has reloaded the page after a crash, and answers the page to use. */
async function reloadedPage(app: ElectronApplication): Promise<Page> {
  await expect
    .poll(
      () =>
        app.evaluate(({ BrowserWindow }) => {
          const contents = BrowserWindow.getAllWindows()[0]?.webContents;
          return Boolean(contents && !contents.isCrashed() && !contents.isLoading());
        }),
      { timeout: 30_000 },
    )
    .toBe(true);
  const [page] = app.windows();
  if (!page) throw new Error('the window is gone');
  return page;
}

test('opens, loads the sample collection and finds a document by search', async () => {
  const running = await launch();
  try {
    const { page } = running;
    await loadSamples(page);
    await page.getByRole('searchbox', { name: 'Search documents' }).fill('shelter');
    const results = page.getByRole('region', { name: 'Search results' });
    await expect(results.getByRole('status')).toContainText('found');
    await expect(results.getByRole('listitem').first()).toContainText(/shelter/i);
  } finally {
    await close(running);
  }
});

test('reloads the window after a renderer crash, with the library intact, and logs it', async () => {
  const running = await launch();
  try {
    await loadSamples(running.page);
    await crashRenderer(running.app);
    const page = await reloadedPage(running.app);
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('link', { name: 'Library' })
      .click();
    await expect(libraryItems(page)).toHaveCount(SAMPLE_COUNT, { timeout: 30_000 });
    expect(logRecords(running.userData)).toContainEqual(
      expect.objectContaining({ level: 'error', message: 'The window’s page stopped (crashed)' }),
    );
  } finally {
    await close(running);
  }
});

test('asks the user instead of reloading on the third crash in a minute', async () => {
  const running = await launch();
  try {
    const { app } = running;
    // The question is a native dialog: answer it from main, as a click on Reload would.
    await app.evaluate(({ dialog }) => {
      const asked = globalThis as { dossierAsked?: string[] };
      asked.dossierAsked = [];
      dialog.showMessageBox = (async (...args: unknown[]) => {
        const options = args.at(-1) as { message: string };
        asked.dossierAsked?.push(options.message);
        return { response: 0, checkboxChecked: false };
      }) as typeof dialog.showMessageBox;
    });
    for (let crash = 0; crash < 3; crash += 1) {
      await reloadedPage(app);
      await crashRenderer(app);
    }
    await expect
      .poll(() => app.evaluate(() => (globalThis as { dossierAsked?: string[] }).dossierAsked))
      .toEqual(['The Dossier window keeps stopping']);
    const page = await reloadedPage(app);
    await expect(
      page.getByRole('button', { name: 'Load sample collection', exact: true }),
    ).toBeVisible();
  } finally {
    await close(running);
  }
});

test('writes the page’s log entries and answers diagnostics through the preload API', async () => {
  const running = await launch();
  try {
    const { page, userData } = running;
    await expect(
      page.getByRole('button', { name: 'Load sample collection', exact: true }),
    ).toBeVisible();
    const answers = await page.evaluate(async () => {
      const api = (
        window as unknown as { workbench: import('../src/core/ipc/contract').WorkbenchApi }
      ).workbench;
      const written = await api.writeLog({
        level: 'error',
        message: 'Reader failed to draw page 3',
      });
      const refused = await api.writeLog({ level: 'error', message: 'x'.repeat(5000) });
      const diagnostics = await api.diagnostics();
      return { written, refused, diagnostics };
    });
    expect(answers.written).toEqual({ ok: true, value: { written: true } });
    expect(answers.refused).toMatchObject({ ok: false });
    expect(answers.diagnostics).toMatchObject({
      ok: true,
      value: { logFile: join(userData, 'logs', 'dossier.log'), platform: process.platform },
    });
    expect(logRecords(userData)).toContainEqual(
      expect.objectContaining({ source: 'renderer', message: 'Reader failed to draw page 3' }),
    );
  } finally {
    await close(running);
  }
});

test('sends no request out of the app while importing, searching and reading', async () => {
  const running = await launch();
  try {
    const { page, requests } = running;
    await loadSamples(page);
    await page.getByRole('searchbox', { name: 'Search documents' }).fill('audit');
    const results = page.getByRole('region', { name: 'Search results' });
    await results.getByRole('listitem').first().click();
    // A page trying to reach the network anyway is stopped by main's request filter and the CSP.
    const fetched = await page.evaluate(() =>
      fetch('https://example.com/collect').then(
        () => 'reached',
        () => 'blocked',
      ),
    );
    expect(fetched).toBe('blocked');
    const local = /^(file|blob|data|devtools|chrome-devtools):/;
    const outgoing = requests.filter(
      (url) => !local.test(url) && url !== 'https://example.com/collect',
    );
    expect(outgoing).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
  } finally {
    await close(running);
  }
});
