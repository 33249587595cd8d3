import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import {
  SAMPLE_COUNT,
  loadSamples,
  selectInReader,
  openFromLibrary,
  showAnnotations,
} from './helpers';

// Whole sessions across two browser profiles, with imports, backups and restores.
test.describe.configure({ timeout: 180_000 });

const SAMPLES = new URL('../resources/samples/', import.meta.url);
const PLEDGE = 'Officials who collude with traffickers will be punished, whatever their rank';
const CRITIQUE = 'complicit officials are never prosecuted';
const OWN = 'published court statistics on trafficking cases for 2013 and 2014';

async function openDocument(page: Page, title: RegExp) {
  await openFromLibrary(page, title);
  await expect(
    page.getByRole('article', { name: 'Reader' }).getByRole('heading', { level: 1 }),
  ).toHaveText(title);
}

async function libraryCommand(page: Page, name: string) {
  await page.getByRole('button', { name: 'More', exact: true }).click();
  await page.getByRole('menu', { name: 'More commands' }).getByRole('menuitem', { name }).click();
}

/** Runs a Library command that opens a file chooser and answers it with `path`. */
async function withFile(page: Page, command: string, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await libraryCommand(page, command);
  await (await chooser).setFiles(path);
}

async function download(page: Page, command: string): Promise<string> {
  const started = page.waitForEvent('download');
  await libraryCommand(page, command);
  const file = await started;
  const path = join(mkdtempSync(join(tmpdir(), 'dossier-e2e-')), file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

test('back up, clear, restore: counts and a highlight back in place', async ({ page, browser }) => {
  await loadSamples(page);
  await openDocument(page, /Justice Minister Vows/);
  await selectInReader(page, PLEDGE);
  await page.keyboard.press('1');
  const reader = page.getByRole('article', { name: 'Reader' });
  await expect(reader.locator('.hl-pledge')).toHaveText(PLEDGE);

  // The menu works from the keyboard alone.
  await page.getByRole('button', { name: 'More', exact: true }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Export report' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Back up library' })).toBeFocused();
  await page.keyboard.press('Escape');

  const backup = await download(page, 'Back up library');
  expect(backup).toMatch(/\.dossier$/);
  await expect(page.getByRole('list', { name: 'Messages' })).toContainText('Library backed up.');

  // A cleared library: a fresh browser profile.
  const cleared = await browser.newContext();
  const fresh = await cleared.newPage();
  await fresh.goto('/');
  await expect(
    fresh.getByRole('button', { name: 'Load sample collection', exact: true }),
  ).toBeVisible();
  await withFile(fresh, 'Restore library', backup);
  const summary = fresh.getByRole('dialog', { name: 'Library restored' });
  await expect(summary).toContainText(`Documents: ${SAMPLE_COUNT} added`, { timeout: 60_000 });
  await expect(summary).toContainText('Annotations: 1 added');
  await summary.getByRole('button', { name: 'Done' }).click();

  await libraryCommand(fresh, 'About this library');
  const about = fresh.getByRole('dialog', { name: 'About this library' });
  await expect(about).toContainText(`Documents${SAMPLE_COUNT}`);
  await expect(about).toContainText('Annotations1');
  await about.getByRole('button', { name: 'Close about this library' }).click();

  await openDocument(fresh, /Justice Minister Vows/);
  await expect(fresh.getByRole('article', { name: 'Reader' }).locator('.hl-pledge')).toHaveText(
    PLEDGE,
  );
  // Search works on the restored library (its index was rebuilt).
  await fresh.getByRole('searchbox').fill('Malvane');
  await expect(fresh.getByText(/Justice Minister Vows/).first()).toBeVisible();

  // A damaged backup is refused and changes nothing.
  const damaged = join(mkdtempSync(join(tmpdir(), 'dossier-e2e-')), 'damaged.dossier');
  const bytes = readFileSync(backup);
  writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.byteLength / 2)));
  await withFile(fresh, 'Restore library', damaged);
  await expect(fresh.getByRole('list', { name: 'Messages' })).toContainText(
    /Restore refused: .*damaged or incomplete.*Nothing was changed/,
  );
  await cleared.close();
});

test('two analysts, no server: A’s annotations land on B’s copies of the documents', async ({
  page,
  browser,
}) => {
  // Analyst A tags and links passages, then exports annotations.
  await loadSamples(page);
  await openDocument(page, /Justice Minister Vows/);
  await selectInReader(page, PLEDGE);
  await page.keyboard.press('1');
  await openDocument(page, /Complicit Officials/);
  await selectInReader(page, CRITIQUE);
  await page.keyboard.press('3');
  const panel = page.getByRole('complementary', { name: 'Annotations' });
  await expect(panel.getByRole('button', { name: 'Delete annotation' })).toBeVisible();
  await page.keyboard.press('l');
  const picker = page.getByRole('dialog', { name: 'Link to pledge' });
  await picker.getByLabel('Find a pledge').fill('collude rank');
  await picker.getByLabel('Relation').selectOption('contradicts');
  await picker.getByRole('button', { name: /Officials who collude/ }).click();
  const exported = await download(page, 'Export annotations');
  expect(JSON.parse(readFileSync(exported, 'utf8'))).toMatchObject({
    type: 'AnnotationCollection',
    total: 3,
  });

  // Analyst B imported the same documents separately, under other names, one of them changed.
  const folder = mkdtempSync(join(tmpdir(), 'dossier-b-'));
  const files = readdirSync(SAMPLES).map((name) => {
    const path = join(folder, `b-copy-${name}`);
    if (name.startsWith('2012-02-09')) {
      const text = readFileSync(new URL(name, SAMPLES), 'utf8');
      writeFileSync(path, text.replace(CRITIQUE, 'complicit officals are never prosecuted'));
    } else copyFileSync(new URL(name, SAMPLES), path);
    return path;
  });
  const analystB = await browser.newContext();
  const b = await analystB.newPage();
  await b.goto('/');
  const chooser = b.waitForEvent('filechooser');
  await b.getByRole('button', { name: 'Import files' }).click();
  await (await chooser).setFiles(files);
  const imported = b.getByRole('region', { name: 'Import summary' });
  await expect(imported).toContainText(`${SAMPLE_COUNT} imported`, { timeout: 60_000 });
  await imported.getByRole('button', { name: 'Close import summary' }).click();
  await openDocument(b, /Trafficking Court Figures/);
  await selectInReader(b, OWN);
  await b.keyboard.press('2');

  await withFile(b, 'Import annotations', exported);
  const match = b.getByRole('dialog', { name: 'Import annotations' });
  await expect(match).toContainText('matched by content');
  // The changed version is proposed by its title; the analyst confirms it.
  await expect(match.getByLabel(/Library document for Complicit Officials/)).toHaveValue(/.+/);
  await match.getByRole('button', { name: 'Import', exact: true }).click();
  const summary = b.getByRole('dialog', { name: 'Annotations imported' });
  await expect(summary).toContainText('Annotations: 2 added, 0 matched');
  await expect(summary).toContainText('Links: 1 added');
  await expect(summary).toContainText('1 annotation(s) placed on changed text or not found');
  await summary.getByRole('button', { name: 'Done' }).click();

  await openDocument(b, /Justice Minister Vows/);
  await expect(b.getByRole('article', { name: 'Reader' }).locator('.hl-pledge')).toHaveText(PLEDGE);
  await openDocument(b, /Complicit Officials/);
  await expect(b.getByRole('article', { name: 'Reader' }).locator('.hl-critique')).toHaveText(
    'complicit officals are never prosecuted',
  );
  await openDocument(b, /Trafficking Court Figures/);
  await expect(b.getByRole('article', { name: 'Reader' }).locator('.hl-evidence')).toHaveText(OWN);
  await showAnnotations(b, 'Needs review');
  await expect(b.getByRole('main')).toContainText(CRITIQUE);

  // The same file again adds nothing.
  await withFile(b, 'Import annotations', exported);
  await b
    .getByRole('dialog', { name: 'Import annotations' })
    .getByRole('button', { name: 'Import', exact: true })
    .click();
  await expect(b.getByRole('dialog', { name: 'Annotations imported' })).toContainText(
    'Annotations: 0 added, 2 matched, 0 updated',
  );
  await analystB.close();
});
