import { expect, test, type Page } from '@playwright/test';
import { breakStoreReads, UNREADABLE_KEY } from './faults';
import { loadSamplesWithAnnotations, moreCommand, showView, SAMPLE_COUNT } from './helpers';

/*
 * Errors are shown and kept: a view that fails shows what happened and "Reload view" while the
 * rest of the app works; errors nobody caught, on the page and in workers, reach the log; and
 * "Copy diagnostic report" gives versions, counts and the last errors, never document text or
 * notes. The failure is real, not a hook in the app: the test makes IndexedDB refuse to read
 * one table, as a damaged or locked database would.
 */

async function copyReport(page: Page): Promise<string> {
  await moreCommand(page, 'Copy diagnostic report');
  await expect(page.getByRole('list', { name: 'Messages' })).toContainText(
    'Diagnostic report copied',
  );
  return page.evaluate(() => navigator.clipboard.readText());
}

test('a failing view shows the error and Reload view; the other views keep working', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.addInitScript(breakStoreReads);
  await loadSamplesWithAnnotations(page);
  await showView(page, 'Library');

  // The links table becomes unreadable; reloaded, so nothing comes from a cache.
  await page.evaluate((key) => sessionStorage.setItem(key, 'links'), UNREADABLE_KEY);
  await page.reload();
  await showView(page, 'Dossiers');
  const failed = page.getByRole('alert', { name: 'Dossiers view stopped' });
  await expect(failed).toContainText('Dossiers view stopped because of an error');
  await expect(failed).toContainText('The links table cannot be read');
  await expect(failed.getByRole('button', { name: 'Reload view' })).toBeVisible();

  // The navigation and the other views work meanwhile.
  await showView(page, 'Library');
  await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(
    SAMPLE_COUNT,
  );
  await showView(page, 'Dossiers');
  await expect(failed).toBeVisible();

  // Once the table reads again, Reload view brings the view back.
  await page.evaluate((key) => sessionStorage.removeItem(key), UNREADABLE_KEY);
  await failed.getByRole('button', { name: 'Reload view' }).click();
  await expect(failed).toHaveCount(0);
  await expect(page.getByRole('main', { name: 'Dossiers' })).toContainText('Officials who collude');

  const report = await copyReport(page);
  expect(report).toContain('Dossier diagnostic report');
  expect(report).toMatch(/Dossiers view: DataError: The links table cannot be read/);
  expect(report).toContain(`${SAMPLE_COUNT} documents`);
});

test('uncaught errors on the page and in workers are logged and shown; the report has no document text or notes', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await loadSamplesWithAnnotations(page);
  await showView(page, 'Library');

  await page.evaluate(() => {
    setTimeout(() => {
      throw new Error('Page error for the log');
    });
    void Promise.reject(new Error('Page rejection for the log'));
  });
  await expect(page.getByRole('list', { name: 'Messages' })).toContainText('Something went wrong');

  // Inside the search index's worker, an error and a rejection no job catches.
  const index = page.workers().find((w) => /index\.worker/.test(w.url()));
  expect(index, 'the index worker runs').toBeDefined();
  await index!.evaluate(() => {
    setTimeout(() => {
      throw new Error('Worker error for the log');
    });
    void Promise.reject(new Error('Worker rejection for the log'));
  });

  let report = '';
  await expect(async () => {
    report = await copyReport(page);
    expect(report).toContain('Worker rejection for the log');
  }).toPass({ timeout: 15_000 });
  expect(report).toContain('page: Error: Page error for the log');
  expect(report).toContain('page, unhandled promise: Error: Page rejection for the log');
  expect(report).toContain('index worker: Error: Worker error for the log');
  expect(report).toContain('index worker, unhandled promise: Error: Worker rejection for the log');
  expect(report).toMatch(/browser: Mozilla\/5\.0/);
  expect(report).toContain(`${SAMPLE_COUNT} documents`);
  expect(report).toMatch(/\d+ annotations/);

  // Not a word of any document, title or note: every stored string of 12 characters or more
  // is looked for in the report.
  const stored = await page.evaluate(async () => {
    const open = indexedDB.open('dossier');
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = (store: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = database.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const [documents, contents, annotations] = await Promise.all([
      all('documents'),
      all('contents'),
      all('annotations'),
    ]);
    database.close();
    const strings: string[] = [];
    const walk = (value: unknown) => {
      if (typeof value === 'string') strings.push(value);
      else if (value && typeof value === 'object') Object.values(value).forEach(walk);
    };
    walk(documents.map((d) => ({ ...(d as object), id: '', contentHash: '', format: '' })));
    walk(contents);
    walk(annotations.map((a) => (a as { note: string; labels?: string[] }).note));
    return strings;
  });
  const words = stored
    .flatMap((s) => s.split(/\n+/))
    .map((s) => s.trim())
    .filter((s) => s.length >= 12);
  expect(words.length).toBeGreaterThan(100);
  expect(words.filter((s) => report.includes(s))).toEqual([]);
});
