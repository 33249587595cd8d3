import { expect, test, type BrowserContext } from '@playwright/test';
import {
  downloadFromMore,
  libraryList,
  moreCommand,
  moreWithFile,
  loadSamplesWithAnnotations,
  openFromLibrary,
  showAnnotations,
  showView,
} from './helpers';
import { download } from './report-helpers';

/*
 * No request ever leaves the app: every request of the page and its workers is intercepted
 * while every view, search, dialog, export and exchange command runs, and any that is not to
 * the app's own origin (or a blob:/data: URL the app made) is refused and fails the test.
 */

test.describe.configure({ timeout: 240_000 });

interface Traffic {
  own: string[];
  foreign: string[];
}

async function intercept(context: BrowserContext, origin: string): Promise<Traffic> {
  const traffic: Traffic = { own: [], foreign: [] };
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || /^(blob|data):/.test(url)) {
      traffic.own.push(url);
      await route.continue();
    } else {
      traffic.foreign.push(url);
      await route.abort('blockedbyclient');
    }
  });
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !/^(blob|data):/.test(url)) {
      if (!traffic.foreign.includes(url)) traffic.foreign.push(url);
    }
  });
  return traffic;
}

test('every view, search, export and command runs without a request leaving the app', async ({
  page,
  context,
  baseURL,
}) => {
  const origin = baseURL ?? '';
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const traffic = await intercept(context, origin);

  await loadSamplesWithAnnotations(page);

  // The interception sees what workers ask for, not only the page.
  await page.evaluate(async () => {
    const source = `fetch(${JSON.stringify(new URL('favicon.svg?from-worker', location.href).href)}).then(() => postMessage('done'), () => postMessage('done'))`;
    const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
    await new Promise((resolve) => (worker.onmessage = resolve));
    worker.terminate();
  });
  expect(traffic.own.some((url) => url.endsWith('favicon.svg?from-worker'))).toBe(true);

  // Library, and a PDF in the reader: its pages, fonts and character maps, and its text.
  await libraryList(page);
  await openFromLibrary(page, /Audit of the National Shelter Programme/);
  const reader = page.getByRole('article', { name: 'Reader' });
  await expect(reader.locator('.pdf-page canvas').first()).toBeVisible({ timeout: 30_000 });
  await reader.getByRole('button', { name: 'Reading text' }).click();
  await reader.getByRole('button', { name: 'Find in document' }).click();
  await page.getByRole('searchbox', { name: 'Find text' }).fill('shelter');
  await page.keyboard.press('Escape');
  await openFromLibrary(page, /Justice Minister Vows/);

  // Searches, of documents and of annotations, and the syntax help.
  await page.getByRole('searchbox', { name: 'Search documents' }).fill('shelter -customs');
  await expect(
    page.getByRole('region', { name: 'Search results' }).getByRole('status'),
  ).toContainText('found');
  await page.getByRole('button', { name: 'Search syntax' }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('radio', { name: 'Annotations' }).check();
  await page.getByRole('searchbox', { name: 'Search annotations' }).fill('tag:pledge');
  await page.getByRole('searchbox', { name: 'Search annotations' }).fill('');
  await page.getByRole('radio', { name: 'Documents' }).check();
  await page.getByRole('searchbox', { name: 'Search documents' }).fill('');

  // Annotations, dossiers (on screen and printed) and each analysis.
  await showAnnotations(page, 'All annotations');
  await showAnnotations(page, 'Needs review');
  await showView(page, 'Dossiers');
  await page.getByRole('table', { name: 'Pledge chains' }).getByRole('link').first().click();
  await expect(page.getByRole('region', { name: 'Pledge dossier' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  for (const tab of ['Matrix', 'Timeline', 'Gap queries']) {
    await showView(page, 'Analysis');
    await page
      .getByRole('navigation', { name: 'Analysis' })
      .getByRole('link', { name: tab })
      .click();
  }
  await showView(page, 'Analysis');
  await page
    .getByRole('navigation', { name: 'Analysis' })
    .getByRole('link', { name: 'Timeline' })
    .click();
  for (const format of ['SVG', 'PNG']) {
    const saved = page.waitForEvent('download');
    await page
      .getByRole('button', { name: `Save as ${format}` })
      .first()
      .click();
    await saved;
  }

  // Every command of the More menu.
  for (const format of ['Markdown', 'HTML', 'Word (.docx)', 'CSV', 'Excel (.xlsx)'])
    await download(page, { format });
  await moreCommand(page, 'Last import');
  await page.getByRole('button', { name: 'Close import summary' }).click();
  const backup = await downloadFromMore(page, 'Back up library');
  const annotations = await downloadFromMore(page, 'Export annotations');
  const project = await downloadFromMore(page, 'Export project');
  await moreCommand(page, 'About this library');
  await page.getByRole('button', { name: 'Close about this library' }).click();
  await moreCommand(page, 'Keyboard shortcuts');
  await page.keyboard.press('Escape');
  await moreCommand(page, 'Copy diagnostic report');
  await expect(page.getByRole('list', { name: 'Messages' })).toContainText(
    'Diagnostic report copied',
  );

  await moreWithFile(page, 'Restore library', backup);
  const restored = page.getByRole('dialog', { name: 'Backup merged' });
  await expect(restored).toBeVisible({ timeout: 60_000 });
  await restored.getByRole('button', { name: 'Done' }).click();
  await moreWithFile(page, 'Import annotations', annotations);
  await page
    .getByRole('dialog', { name: 'Import annotations' })
    .getByRole('button', { name: 'Import', exact: true })
    .click();
  const imported = page.getByRole('dialog', { name: 'Annotations imported' });
  await expect(imported).toBeVisible();
  await imported.getByRole('button', { name: 'Done' }).click();
  await moreWithFile(page, 'Import project', project);
  await expect(page.getByRole('dialog', { name: 'Import project' })).toBeVisible({
    timeout: 30_000,
  });
  await page.keyboard.press('Escape');

  // Importing a file, and the app after a reload (the saved index, the stored library).
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'offline-note.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Offline note\n\nThe shelter in Tarsk reopened.\n'),
  });
  await expect(page.getByRole('region', { name: 'Import summary' })).toContainText('1 imported');
  await page.reload();
  await libraryList(page);

  expect(traffic.foreign).toEqual([]);
  expect(traffic.own.length).toBeGreaterThan(20);
});
