import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { moreCommand, openDocument } from './helpers';
import {
  CRITIQUE,
  CUSTOMS,
  download,
  EVIDENCE,
  PLEDGE,
  REPEAT,
  sample,
  sha256,
  tagSamples,
  text,
  UNLINKED,
} from './report-helpers';

test.describe.configure({ timeout: 240_000 });

test('Verify report lists a hand-edited quote and a re-imported source, and verifies the rest', async ({
  page,
}, testInfo) => {
  await tagSamples(page);
  const exported = await download(page, { scope: 'Whole library', format: 'HTML' });
  // One quote edited by hand in the file.
  const original = text(exported.bytes);
  const edited = original.replace(
    `>${CRITIQUE}</blockquote>`,
    `>complicit officials are rarely prosecuted</blockquote>`,
  );
  expect(edited).not.toBe(original);
  const reportPath = testInfo.outputPath('edited-report.html');
  await writeFile(reportPath, edited);

  // One cited source re-imported as a changed version.
  await openDocument(page, /Two Customs Officers Convicted/);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import new version…' }).click();
  await (
    await chooser
  ).setFiles({
    name: CUSTOMS,
    mimeType: 'text/plain',
    buffer: Buffer.from(
      `${readFileSync(sample(CUSTOMS), 'utf8')}\nThe ministry said it would appeal.\n`,
    ),
  });
  const summary = page.getByRole('region', { name: 'Import summary' });
  await expect(summary).toContainText('1 files: 1 updated');
  await summary.getByRole('button', { name: 'Close import summary' }).click();

  const picker = page.waitForEvent('filechooser');
  await moreCommand(page, 'Verify report');
  await (await picker).setFiles(reportPath);
  const results = page.getByRole('dialog', { name: 'Verify report' });
  await expect(results.getByRole('status')).toHaveText('HTML report, 5 quotes: 2 not verified.');
  const outcomes = results.getByRole('list', { name: 'Outcomes' });
  await expect(outcomes).toContainText('Verified: 3');
  await expect(outcomes).toContainText('Changed (quote differs): 1');
  await expect(outcomes).toContainText('Source not in this library: 1');
  await expect(outcomes).toContainText('Found elsewhere in the document: 0');
  const changed = results.locator('li[data-outcome="changed"]');
  await expect(changed).toContainText('complicit officials are rarely prosecuted');
  await expect(changed).toContainText(`Now at the cited place: ${CRITIQUE}`);
  const missing = results.locator('li[data-outcome="source-missing"]');
  await expect(missing).toContainText(UNLINKED);
  await expect(missing).toContainText(sha256(CUSTOMS));
  await expect(results.locator('li[data-outcome="verified"]')).toHaveCount(3);
  for (const quote of [PLEDGE, REPEAT, EVIDENCE]) {
    await expect(results.locator('li[data-outcome="verified"]', { hasText: quote })).toHaveCount(1);
  }

  // A library match opens its document at the cited words; the results wait to be shown again.
  await changed.getByRole('button', { name: 'Open in document' }).click();
  await expect(results).toBeHidden();
  const reader = page.getByRole('article', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(
    /Complicit Officials Are Never Prosecuted/,
  );
  await expect(reader.locator('.search-hit').first()).toHaveText(CRITIQUE);
  await moreCommand(page, 'Verification results');
  await expect(results.getByRole('status')).toHaveText('HTML report, 5 quotes: 2 not verified.');

  // A file without citations says so.
  const other = page.waitForEvent('filechooser');
  await results.getByRole('button', { name: 'Verify another report…' }).click();
  await (
    await other
  ).setFiles({ name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from('# Notes\n') });
  await expect(results.getByRole('alert')).toHaveText(
    'Could not verify “notes.md”: it holds no Dossier citations (is it a report exported by Dossier?)',
  );
});
