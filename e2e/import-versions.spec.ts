import { expect, test } from '@playwright/test';
import { selectInReader, openFromLibrary, libraryList } from './helpers';

const ARTICLE = `Shelter Deadline Missed Again
Source: The Harbour Gazette
Date: 2016-02-11

The ministry promised a shelter in every province by the end of 2015.

Only three of the nine provinces had an open shelter in January, inspectors said.
`;

const file = (name: string, text: string) => ({
  name,
  mimeType: 'text/plain',
  buffer: Buffer.from(text),
});

test('a new version replaces the text and keeps the annotations', async ({ page }) => {
  await page.goto('/');
  const summary = page.getByRole('region', { name: 'Import summary' });
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files' }).click();
  await (await chooser).setFiles(file('shelters.txt', ARTICLE));
  await expect(summary).toContainText('1 files: 1 imported', { timeout: 30_000 });
  await summary.getByRole('button', { name: 'Close import summary' }).click();

  await openFromLibrary(page, /Shelter Deadline Missed Again/);
  await selectInReader(page, 'Only three of the nine provinces');
  await page.keyboard.press('2');
  const reader = page.getByRole('article', { name: 'Reader' });
  const annotations = page.getByRole('complementary', { name: 'Annotations' });
  await expect(annotations).toContainText('Annotations (1)');

  const next = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import new version…' }).click();
  await (
    await next
  ).setFiles(file('download (1).txt', `${ARTICLE}\nThe ministry did not reply.\n`));
  await expect(summary).toContainText('1 files: 1 updated', { timeout: 30_000 });
  await summary.getByRole('button', { name: 'Show details' }).click();
  await expect(summary).toContainText('new version; 1 annotation carried over');
  await summary.getByRole('button', { name: 'Close import summary' }).click();

  await expect(reader).toContainText('The ministry did not reply.');
  await expect(reader).toContainText('version 2');
  await expect(reader.locator('.hl-evidence')).toContainText('Only three of the nine provinces');
  await expect(annotations).toContainText('Annotations (1)');
  await expect((await libraryList(page)).getByRole('listitem')).toHaveCount(1);
});
