import { randomBytes } from 'node:crypto';
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { recordForeignRequests, openFromLibrary, libraryList } from './helpers';

const COLLECTION = fileURLToPath(new URL('../tests/fixtures/collection', import.meta.url));

/** The fixture collection plus hostile files made on the spot (no need to commit megabytes). */
async function makeFolder(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'dossier-import-'));
  const folder = join(root, 'collection');
  await cp(COLLECTION, folder, { recursive: true });
  await mkdir(join(folder, 'hostile'));
  await mkdir(join(folder, 'copies'));
  await writeFile(join(folder, 'hostile', 'empty.txt'), '');
  await writeFile(join(folder, 'hostile', 'random-bytes.txt'), randomBytes(4 * 1024 * 1024));
  await writeFile(
    join(folder, 'hostile', 'budget.xlsx'),
    Buffer.from('PK\u0003\u0004 not a workbook'),
  );
  await writeFile(
    join(folder, 'hostile', 'latin1-notes.txt'),
    Buffer.from(
      'Field notes from Tarsk\n\nThe caf\xe9 owner said \x93nobody was charged\x94.\n',
      'latin1',
    ),
  );
  await writeFile(
    join(folder, 'hostile', 'utf16-memo.txt'),
    Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('Memo on shelters\n\nBelmire shelter reopened in May.\n', 'utf16le'),
    ]),
  );
  await cp(
    join(COLLECTION, 'valdoria-shelter-audit-2014.pdf'),
    join(folder, 'copies', 'audit-copy.pdf'),
  );
  return folder;
}

function outcomeOf(page: Page, path: string) {
  return page
    .getByRole('region', { name: 'Import summary' })
    .getByRole('listitem')
    .filter({ hasText: path });
}

test('a folder of good, duplicate, unsupported and hostile files imports in one go', async ({
  page,
  baseURL,
}) => {
  const foreign = recordForeignRequests(page, baseURL ?? '');
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const folder = await makeFolder();
  await page.goto('/');

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import folder' }).click();
  await (await chooser).setFiles(folder);

  const summary = page.getByRole('region', { name: 'Import summary' });
  // PDFs, a Word file and files in legacy encodings (whose detector loads on first use): a
  // machine busy with other work needs more than one expectation's default wait.
  await expect(summary).toContainText(
    '13 files: 7 imported, 1 duplicate, 2 unsupported, 3 failed',
    {
      timeout: 60_000,
    },
  );
  // The audit and its copy are read side by side: whichever is decided first is imported,
  // and the other is reported as a duplicate of it.
  const pair = ['valdoria-shelter-audit-2014.pdf', 'audit-copy.pdf'];
  const outcomes = await Promise.all(
    pair.map((path) => outcomeOf(page, path).getAttribute('data-outcome')),
  );
  expect([...outcomes].sort()).toEqual(['duplicate', 'imported']);
  const copy = outcomes[0] === 'duplicate' ? 0 : 1;
  await expect(outcomeOf(page, pair[copy] ?? '')).toContainText(
    /same content as “.+” in this import/,
  );
  const expectations: [string, string, RegExp][] = [
    ['scanned-letter.pdf', 'imported', /no text: scanned\?/],
    ['harbour-gazette-shelter-deadline.html', 'imported', /Imported/],
    ['courier-customs-trial.htm', 'imported', /Imported/],
    ['ministry-statement-2015.docx', 'imported', /Imported/],
    ['latin1-notes.txt', 'imported', /Imported/],
    ['utf16-memo.txt', 'imported', /Imported/],
    ['budget.xlsx', 'unsupported', /unsupported file type \.xlsx/],
    ['random-bytes.txt', 'unsupported', /binary content, not text/],
    ['protected-briefing.pdf', 'failed', /encrypted PDF: a password is needed/],
    ['truncated-report.pdf', 'failed', /damaged PDF/],
    ['empty.txt', 'failed', /file is empty/],
  ];
  for (const [path, outcome, text] of expectations) {
    const row = outcomeOf(page, path);
    await expect(row).toHaveAttribute('data-outcome', outcome);
    await expect(row).toContainText(text);
  }

  // The encrypted report can be imported with its password, from the summary.
  await outcomeOf(page, 'protected-briefing.pdf')
    .getByRole('button', { name: 'Enter password…' })
    .click();
  await page.getByLabel(/Password for/).fill('valdoria');
  await page.getByRole('button', { name: 'Import with password' }).click();
  await expect(summary).toContainText('1 files: 1 imported');
  await summary.getByRole('button', { name: 'Close import summary' }).click();

  const library = await libraryList(page);
  await expect(library.getByRole('listitem')).toHaveCount(8);

  // The reader shows the saved news page as text; nothing of its script ran or loaded.
  await library
    .getByRole('button', { name: /Shelter/ })
    .first()
    .click();
  await page.getByRole('searchbox', { name: 'Search documents' }).fill('Belmire locked');
  const results = page.getByRole('region', { name: 'Search results' });
  const audit = results
    .getByRole('listitem')
    .filter({ hasText: 'Audit of the National Shelter Programme' });
  // Its snippet names the page the hit is on.
  await expect(audit.getByRole('button', { name: /^Hit 1: p\. 2 / })).toContainText('p. 2');
  await audit.getByRole('button', { name: /Audit of the National Shelter Programme/ }).click();
  const reader = page.getByRole('article', { name: 'Reader' });
  const pdfHit = reader.locator('.pdf-mark.search-hit').first();
  await expect(pdfHit).toBeInViewport();
  expect(
    await pdfHit.evaluate((el) => el.closest<HTMLElement>('.pdf-page')?.dataset.pageNumber),
  ).toBe('2');
  // The same hit in the reading text, under its page's label.
  await reader.getByRole('button', { name: 'Reading text' }).click();
  const hit = reader.locator('.search-hit').first();
  await expect(hit).toBeInViewport();
  const pageOfHit = await hit.evaluate((el) => {
    const labels = [...document.querySelectorAll<HTMLElement>('.reader-body [data-page]')];
    const before = labels.filter(
      (l) => l.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING || l.contains(el),
    );
    return before[before.length - 1]?.dataset.page;
  });
  expect(pageOfHit).toBe('2');

  for (const name of [/Shelter Deadline/, /customs/i]) {
    await page.getByRole('searchbox', { name: 'Search documents' }).fill('');
    await (await libraryList(page)).getByRole('button', { name }).first().click();
    await expect(page.getByRole('article', { name: 'Reader' })).toBeVisible();
  }
  expect(
    await page.evaluate(() => (window as unknown as Record<string, unknown>).__dossierPwned),
  ).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(foreign).toEqual([]);
});

test('document details can be edited, are kept, and are searchable', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Load sample collection', exact: true }).click();
  await page
    .getByRole('region', { name: 'Import summary' })
    .getByRole('button', { name: 'Close import summary' })
    .click();
  await openFromLibrary(page, /Justice Minister/);
  await page.getByRole('button', { name: 'Edit details' }).click();
  const editor = page.getByRole('dialog', { name: 'Edit document details' });
  await editor.getByLabel('Source').fill('Gazette archive (microfilm)');
  await editor.getByLabel('Date').fill('2008-02-30');
  await editor.getByRole('button', { name: 'Save details' }).click();
  await expect(editor).toContainText(/date/i);
  await editor.getByLabel('Date').fill('2008-03-13');
  await editor.getByRole('button', { name: 'Save details' }).click();
  await expect(editor).toBeHidden();
  const reader = page.getByRole('article', { name: 'Reader' });
  await expect(reader).toContainText('Gazette archive (microfilm)');
  await expect(reader).toContainText('2008-03-13');

  await page.reload();
  await page.getByRole('searchbox', { name: 'Search documents' }).fill('source:microfilm');
  await expect(
    page
      .getByRole('region', { name: 'Search results' })
      .getByRole('button', { name: /Justice Minister/ }),
  ).toBeVisible();
});
