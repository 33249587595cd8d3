import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type FileChooser, type Page, type Route } from '@playwright/test';
import { resultItem } from './helpers';

test.describe.configure({ timeout: 120_000 });

const NOTES = 40;
const CJK_PDF = fileURLToPath(
  new URL('../tests/fixtures/pdf-fonts/cjk-predefined-cmaps.pdf', import.meta.url),
);

/**
 * A folder whose import cannot finish while the test holds back the CMaps its PDF needs, so
 * the next imports are surely asked for while it runs.
 */
async function bulkFolder(): Promise<string> {
  const folder = join(await mkdtemp(join(tmpdir(), 'dossier-queue-')), 'bulk');
  await mkdir(folder);
  const paragraph =
    'The ministry promised a shelter in every province, and inspectors found few of them open. ';
  for (let i = 0; i < NOTES; i += 1) {
    await writeFile(
      join(folder, `note-${i}.txt`),
      `Field note ${i}\n\n${paragraph.repeat(20)}Reference ${i}.\n`,
    );
  }
  await copyFile(CJK_PDF, join(folder, 'report.pdf'));
  return folder;
}

const note = (name: string, word: string) => ({
  name,
  mimeType: 'text/plain',
  buffer: Buffer.from(`${name}\n\nThe inspector wrote ${word} in the margin.\n`),
});

async function chooseFiles(
  page: Page,
  button: string,
  files: Parameters<FileChooser['setFiles']>[0],
) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles(files);
}

test('imports started while one runs wait their turn, are shown, can be dropped, and each gets a summary', async ({
  page,
}) => {
  const folder = await bulkFolder();
  const held: Route[] = [];
  let release = false;
  await page.route('**/pdfjs/cmaps/**', (route) =>
    release ? route.continue() : void held.push(route),
  );
  await page.goto('/');
  const progress = page.getByRole('status', { name: 'Import progress' });

  await chooseFiles(page, 'Import folder', folder);
  await expect(progress).toContainText(`Importing folder “bulk” (${NOTES + 1} files)`);
  await chooseFiles(page, 'Import files', [note('later.txt', 'quillwort')]);
  await expect(progress).toContainText('1 more import waiting: later.txt');
  await chooseFiles(page, 'Import files', [note('dropped.txt', 'bladderwrack')]);
  await expect(progress).toContainText('2 more imports waiting');
  const waiting = progress.getByRole('list', { name: 'Waiting imports' });
  await expect(waiting.getByRole('listitem')).toHaveText([/later\.txt/, /dropped\.txt/]);
  await progress.getByRole('button', { name: 'Cancel waiting import: dropped.txt' }).click();
  await expect(progress).toContainText('1 more import waiting: later.txt');
  await expect.poll(() => held.length).toBeGreaterThan(0);
  release = true;
  for (const route of held) await route.continue();

  // The folder's summary, then the waiting import's, each on its own.
  const summary = page.getByRole('region', { name: 'Import summary' });
  const first = summary.getByRole('region', { name: 'Import 1 of 2' });
  const second = summary.getByRole('region', { name: 'Import 2 of 2' });
  // Both went well: one line, with the details a click away.
  await expect(summary).toContainText('2 imports. Latest: 1 files: 1 imported', {
    timeout: 60_000,
  });
  await summary.getByRole('button', { name: 'Show details' }).click();
  await expect(second).toContainText('1 files: 1 imported', { timeout: 60_000 });
  await expect(second).toContainText('later.txt');
  await expect(first).toContainText(`${NOTES + 1} files: ${NOTES + 1} imported`);
  await expect(summary).not.toContainText('dropped.txt');
  await expect(progress).toBeHidden();

  await summary.getByRole('button', { name: 'Close import summary' }).click();
  const search = page.getByRole('searchbox', { name: 'Search documents' });
  const results = page.getByRole('region', { name: 'Search results' });
  await search.fill('quillwort');
  await expect(resultItem(page, /later\.txt/)).toBeVisible();
  await search.fill('bladderwrack');
  await expect(results).toContainText('No documents match.');
});
