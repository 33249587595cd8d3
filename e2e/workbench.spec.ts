import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import {
  loadSamples,
  recordForeignRequests,
  SAMPLE_COUNT,
  selectInReader,
  openFromLibrary,
  libraryList,
  resultItem,
} from './helpers';
import { download, text } from './report-helpers';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

const OPED = 'Complicit Officials Are Never Prosecuted. I Know Why.';
const PLEDGE = 'Officials who collude with traffickers will be punished, whatever their rank';
const EVIDENCE = 'Four customs officers from the Tarsk post have been suspended on full pay';
const CRITIQUE = 'A uniform is not a shield.';

test('an empty library offers the sample collection, and search finds and opens a hit', async ({
  page,
  baseURL,
}) => {
  const foreign = recordForeignRequests(page, baseURL ?? '');
  await loadSamples(page);
  await expect((await libraryList(page)).getByRole('listitem')).toHaveCount(SAMPLE_COUNT);

  await page.getByRole('searchbox', { name: 'Search documents' }).fill('prosecuted');
  const results = page.getByRole('region', { name: 'Search results' });
  await expect(results.getByRole('status')).toContainText('found');
  const hit = resultItem(page, new RegExp(OPED.slice(0, 30)));
  await expect(hit.locator('mark').first()).toHaveText(/prosecuted/i);
  await hit.click();

  const reader = page.getByRole('article', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(OPED);
  const firstHit = reader.locator('.search-hit').first();
  await expect(firstHit).toHaveText(/prosecuted/i);
  await expect(firstHit).toBeInViewport();

  await page.getByRole('searchbox', { name: 'Search documents' }).fill('title:');
  await expect(page.getByRole('alert')).toContainText('Cannot read this query');
  expect(foreign).toEqual([]);
});

test('tag a passage of each kind, note it, reload, undo a delete, and export the report', async ({
  page,
}) => {
  await loadSamples(page);
  await openFromLibrary(page, /Justice Minister Vows Crackdown/);
  const reader = page.getByRole('article', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1 })).toContainText('Justice Minister');

  await selectInReader(page, PLEDGE);
  await page.getByRole('button', { name: 'Pledge', exact: true }).click();
  await expect(reader.locator('.hl-pledge')).toHaveText(PLEDGE);

  await selectInReader(page, EVIDENCE);
  await page.keyboard.press('2');
  await expect(reader.locator('.hl-evidence')).toHaveText(EVIDENCE);

  await selectInReader(page, CRITIQUE);
  await page.getByRole('button', { name: 'Critique', exact: true }).click();
  await expect(reader.locator('.hl-critique')).toHaveText(CRITIQUE);

  const panel = page.getByRole('complementary', { name: 'Annotations' });
  await panel.getByRole('button', { name: /Pledge.*Officials who collude/ }).click();
  const note = panel.getByLabel('Note');
  await note.fill('First time the minister makes this promise.');
  await note.press('Control+Enter');
  await expect(panel.locator('.note-preview')).toHaveText(
    'First time the minister makes this promise.',
  );

  // Re-tag the critique as evidence, then back, through the panel.
  await panel.getByRole('button', { name: /Critique.*A uniform/ }).click();
  await panel.getByLabel('Tag').selectOption('evidence');
  await expect(reader.locator('.hl-evidence')).toHaveCount(2);
  await panel.getByLabel('Tag').selectOption('critique');
  await expect(reader.locator('.hl-critique')).toHaveText(CRITIQUE);

  await page.reload();
  await openFromLibrary(page, /Justice Minister Vows Crackdown/);
  await expect(reader.locator('.hl-pledge')).toHaveText(PLEDGE);
  await expect(reader.locator('.hl-evidence')).toHaveText(EVIDENCE);
  await expect(reader.locator('.hl-critique')).toHaveText(CRITIQUE);
  await expect(panel.locator('.note-preview')).toHaveText(
    'First time the minister makes this promise.',
  );

  // Delete with the keyboard, then undo and redo.
  await reader.locator('.hl-evidence').click();
  await page.keyboard.press('Delete');
  await expect(reader.locator('.hl-evidence')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(reader.locator('.hl-evidence')).toHaveText(EVIDENCE);
  await page.keyboard.press('Control+Shift+z');
  await expect(reader.locator('.hl-evidence')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(reader.locator('.hl-evidence')).toHaveText(EVIDENCE);

  // The report of this document, arranged by document: each quote as it was tagged, with its note.
  const report = await download(page, {
    scope: 'This document',
    arrange: 'Document',
    format: 'Markdown',
  });
  expect(report.name).toMatch(/^dossier-report.*-\d{4}-\d{2}-\d{2}\.md$/);
  const markdown = text(report.bytes);
  expect(markdown).toContain('Justice Minister Vows Crackdown');
  const quotes = markdown
    .split('\n')
    .filter((line) => line.startsWith('> '))
    .map((line) => line.slice(2));
  for (const quote of [PLEDGE, EVIDENCE, CRITIQUE]) expect(quotes).toContain(quote);
  expect(markdown).toContain('First time the minister makes this promise.');
});

test('Import files reports a supported and an unsupported file, and the app goes on', async ({
  page,
}) => {
  await loadSamples(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files' }).click();
  await (
    await chooser
  ).setFiles([fixture('harbour-patrol-report.txt'), fixture('budget-2016.xlsx')]);

  const summary = page.getByRole('region', { name: 'Import summary' });
  await expect(summary).toContainText('2 files: 1 imported, 1 unsupported');
  await expect(summary.locator('li[data-outcome="imported"]')).toContainText(
    'harbour-patrol-report.txt',
  );
  await expect(summary.locator('li[data-outcome="unsupported"]')).toContainText(
    'budget-2016.xlsx: unsupported file type .xlsx',
  );
  await summary.getByRole('button', { name: 'Close import summary' }).click();

  const library = await libraryList(page);
  await expect(library.getByRole('listitem')).toHaveCount(SAMPLE_COUNT + 1);

  // The new document is searchable once the index has been updated.
  await page.getByRole('searchbox', { name: 'Search documents' }).fill('unopened containers');
  await expect(resultItem(page, /Harbour Patrol Logs/)).toBeVisible();

  // Importing the same file again is reported as a duplicate, not stored twice.
  const again = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files' }).click();
  await (await again).setFiles([fixture('harbour-patrol-report.txt')]);
  await expect(summary).toContainText('1 files: 1 duplicate');
  await page.getByRole('searchbox', { name: 'Search documents' }).fill('');
  await expect((await libraryList(page)).getByRole('listitem')).toHaveCount(SAMPLE_COUNT + 1);
});

test('the saved search index is reloaded on start, not rebuilt', async ({ page }) => {
  await loadSamples(page);
  await page.getByRole('searchbox', { name: 'Search documents' }).fill('shelter');
  await expect(
    page.getByRole('region', { name: 'Search results' }).getByRole('status'),
  ).toContainText('found');
  const builtAt = () =>
    page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('dossier');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const get = open.result
              .transaction('searchIndex')
              .objectStore('searchIndex')
              .get('main');
            get.onsuccess = () => {
              resolve((get.result as { builtAt: number }).builtAt);
              open.result.close();
            };
          };
        }),
    );
  const before = await builtAt();
  await page.reload();
  await page.getByRole('searchbox', { name: 'Search documents' }).fill('shelter');
  await expect(
    page.getByRole('region', { name: 'Search results' }).getByRole('status'),
  ).toContainText('found');
  expect(await builtAt()).toBe(before);
});
