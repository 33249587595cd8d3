/** Helpers shared by the export and verify end-to-end specs: tagged samples, the dialog. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import { loadSamples, openDocument, selectInReader, tagAndLink, moreCommand } from './helpers';

export const sample = (name: string) =>
  fileURLToPath(new URL(`../resources/samples/${name}`, import.meta.url));
export const sha256 = (name: string) =>
  createHash('sha256')
    .update(readFileSync(sample(name)))
    .digest('hex');

export const MINISTER = '2008-03-14-justice-minister-vows-crackdown.txt';
export const CUSTOMS = '2009-06-18-customs-officers-convicted-of-negligence.txt';
export const OPED = '2012-02-09-opinion-complicit-officials-never-prosecuted.txt';
export const PRIME = '2015-01-20-prime-minister-repeats-trafficking-pledge.txt';
export const COURT = '2015-09-03-court-statistics-published-twenty-months-late.txt';

export const PLEDGE =
  'Officials who collude with traffickers will be punished, whatever their rank';
export const REPEAT = 'There will be no protected posts and no untouchable names.';
export const CRITIQUE = 'complicit officials are never prosecuted';
export const EVIDENCE = 'three public servants were convicted in connection with trafficking';
export const UNLINKED = 'convicted on Wednesday by the Port Serein Municipal Court';
export const CHAIN = [PLEDGE, REPEAT, CRITIQUE, EVIDENCE];
export const ALL = [...CHAIN, UNLINKED];

/**
 * Tags five passages in five samples: a pledge, a later pledge repeating it, a critique and
 * evidence linked to it, and evidence linked to nothing.
 */
export async function tagSamples(page: Page): Promise<void> {
  await loadSamples(page);
  await openDocument(page, /Justice Minister Vows Crackdown/);
  await selectInReader(page, PLEDGE);
  await page.keyboard.press('1');
  const panel = page.getByRole('complementary', { name: 'Annotations' });
  await panel.getByLabel('Actor').fill('Teodor Malvane');
  await panel.getByLabel('Actor').press('Enter');
  await openDocument(page, /Prime Minister Repeats Pledge/);
  await tagAndLink(page, REPEAT, '1', 'repeats');
  await openDocument(page, /Complicit Officials Are Never Prosecuted/);
  await tagAndLink(page, CRITIQUE, '3', 'contradicts');
  await openDocument(page, /Trafficking Court Figures Finally Published/);
  await tagAndLink(page, EVIDENCE, '2', 'supports');
  await openDocument(page, /Two Customs Officers Convicted/);
  await selectInReader(page, UNLINKED);
  await page.keyboard.press('2');
  await expect(page.getByRole('article', { name: 'Reader' }).locator('.hl-evidence')).toHaveText(
    UNLINKED,
  );
}

export interface Choice {
  scope?: string;
  arrange?: string;
  format: string;
}

/** Opens Export report, makes the choices and exports; answers the dialog. */
export async function exportReport(page: Page, { scope, arrange, format }: Choice) {
  await moreCommand(page, 'Export report');
  const dialog = page.getByRole('dialog', { name: 'Export report' });
  if (scope) await dialog.getByLabel('Scope').selectOption({ label: scope });
  if (arrange) await dialog.getByLabel('Arrange by').selectOption({ label: arrange });
  await dialog.getByLabel('Format').selectOption({ label: format });
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  return dialog;
}

/** Exports and answers the downloaded file's name and bytes. */
export async function download(page: Page, choice: Choice) {
  const downloaded = page.waitForEvent('download');
  const dialog = await exportReport(page, choice);
  const file = await downloaded;
  await expect(dialog).toBeHidden();
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

export const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
