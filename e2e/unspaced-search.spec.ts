import { expect, test, type Page } from '@playwright/test';
import { searchFor as search, searchResults as results } from './helpers';
import {
  FOUND,
  NOT_FOUND,
  UNSPACED_DIR,
  unspacedFiles,
  unspacedTitle,
} from '../tests/unspaced-cases';

/** Imports the Khmer, Thai, Lao and Burmese news items through Import files. */
async function importUnspaced(page: Page) {
  await page.goto('/');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files' }).click();
  await (await chooser).setFiles(unspacedFiles().map((f) => UNSPACED_DIR + f));
  const summary = page.getByRole('region', { name: 'Import summary' });
  const count = unspacedFiles().length;
  await expect(summary).toContainText(`${count} files: ${count} imported`, { timeout: 30_000 });
  await summary.getByRole('button', { name: 'Close import summary' }).click();
}

test('words inside Khmer, Thai, Lao and Burmese sentences are found and marked in Chromium', async ({
  page,
}) => {
  await importUnspaced(page);
  for (const { word, file } of FOUND) {
    await search(page, word, '1 document found');
    await expect(results(page).locator('.result-item .title'), word).toHaveText([
      unspacedTitle(file),
    ]);
    await expect(results(page).locator('.snippet mark').first(), word).toHaveText(word);
  }

  for (const { word } of NOT_FOUND) {
    await search(page, word, 'No documents match.');
  }

  // The reader marks the word where it stands inside its chunk.
  const { word, file } = FOUND[0] ?? { word: '', file: '' };
  await search(page, word, '1 document found');
  await results(page)
    .getByRole('button', { name: unspacedTitle(file) })
    .click();
  const reader = page.getByRole('article', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(unspacedTitle(file));
  await expect(reader.locator('.search-hit')).toHaveText([word, word]);
});

test('the saved index answers words of these scripts after a reload', async ({ page }) => {
  await importUnspaced(page);
  await search(page, 'សំណូក', '1 document found');
  await page.reload();
  await search(page, 'ဝန်ထမ်း', '1 document found');
  await search(page, 'ชายแดน', '1 document found');
  // A phrase across Chromium's chunks "ទទួល" and "សំណូកពី".
  await search(page, '"ទទួលសំណូក"', '1 document found');
  await expect(results(page).locator('.snippet mark')).toHaveText(['ទទួលសំណូក']);
});
