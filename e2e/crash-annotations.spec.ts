import { expect, test, type Page } from '@playwright/test';
import {
  SAMPLE_COUNT,
  libraryCount,
  openDocument,
  searchBox,
  searchFor,
  selectInReader,
  showView,
} from './helpers';
import { crashAndClose, expectWhole, newProfileDir, openProfile, storedFacts } from './profile';

// Chromium is started three times on one profile, over the sample collection.
test.describe.configure({ timeout: 180_000 });

const PLEDGE = 'Officials who collude with traffickers will be punished, whatever their rank';
const CRITIQUE = 'complicit officials are never prosecuted';
const EVIDENCE = 'three public servants were convicted in connection with trafficking';
const NOTE = 'The deputy prosecutor said so on the record, twice';

const panelOf = (page: Page) => page.getByRole('complementary', { name: 'Annotations' });

/** Tags the phrase with the key and opens the picker of a link to the pledge. */
async function tagAndPick(page: Page, phrase: string, key: string) {
  await selectInReader(page, phrase);
  await page.keyboard.press(key);
  await expect(panelOf(page).getByRole('button', { name: 'Delete annotation' })).toBeVisible();
  await page.keyboard.press('l');
  const picker = page.getByRole('dialog', { name: 'Link to pledge' });
  await picker.getByLabel('Find a pledge').fill('collude rank');
  return picker.getByRole('button', { name: /Officials who collude/ });
}

/** After a start: the library opens whole, and search agrees with it. */
async function checkWhole(page: Page, errors: string[]) {
  await showView(page, 'Library');
  await expect(libraryCount(page)).toHaveText(`${SAMPLE_COUNT} documents`);
  const facts = await storedFacts(page);
  expectWhole(facts);
  expect(facts.documents).toBe(SAMPLE_COUNT);
  await expect(page.locator('.index-status')).toHaveText('', { timeout: 60_000 });
  await searchFor(page, 'collude traffickers', /^\d+ documents? found/);
  await searchBox(page).fill('');
  expect(errors).toEqual([]);
  return facts;
}

test('a note being typed and a link being made when the page dies lose nothing', async () => {
  const profile = await newProfileDir();
  let app = await openProfile(profile);
  const { page } = app;
  await page.getByRole('button', { name: 'Load sample collection', exact: true }).click();
  const summary = page.getByRole('region', { name: 'Import summary' });
  await expect(summary).toContainText(`${SAMPLE_COUNT} files: ${SAMPLE_COUNT} imported`, {
    timeout: 60_000,
  });
  await summary.getByRole('button', { name: 'Close import summary' }).click();

  await openDocument(page, /Justice Minister Vows Crackdown/);
  await selectInReader(page, PLEDGE);
  await page.keyboard.press('1');
  await openDocument(page, /Complicit Officials Are Never Prosecuted/);
  await (await tagAndPick(page, CRITIQUE, '3')).click();
  await expect(panelOf(page).getByRole('list', { name: 'Linked pledges' })).toContainText(
    /Officials who collude/,
  );
  // The note is typed but neither saved (Ctrl+Enter) nor left (blur) when the page dies.
  await page.keyboard.press('n');
  await expect(panelOf(page).getByLabel('Note')).toBeFocused();
  await page.keyboard.type(NOTE);
  await crashAndClose(app);

  app = await openProfile(profile);
  const library = app.page.getByRole('region', { name: 'Library notices' });
  await expect(library.getByRole('status', { name: 'Library check' })).toContainText(
    'The note you were typing when Dossier closed was saved (Undo takes it back).',
  );
  const first = await checkWhole(app.page, app.errors);
  expect(first.annotations).toBe(2);
  expect(first.links).toBe(1);
  expect(Object.values(first.notes)).toContain(NOTE);
  await openDocument(app.page, /Complicit Officials Are Never Prosecuted/);
  await panelOf(app.page)
    .getByRole('button', { name: /Critique.*complicit officials/ })
    .click();
  await expect(panelOf(app.page).locator('.note-rendered')).toHaveText(NOTE);

  // The page dies as the link to the pledge is chosen: the link is there whole, or not at all.
  await openDocument(app.page, /Trafficking Court Figures Finally Published/);
  const choice = await tagAndPick(app.page, EVIDENCE, '2');
  await choice.click({ noWaitAfter: true });
  await crashAndClose(app);

  app = await openProfile(profile);
  const second = await checkWhole(app.page, app.errors);
  expect(second.annotations).toBe(3);
  expect(second.links).toBeGreaterThanOrEqual(1);
  expect(second.notes).toEqual(expect.objectContaining(first.notes));
  // The note saved at the last start is not announced again.
  await expect(app.page.getByRole('status', { name: 'Library check' })).toBeHidden();
  await app.context.close();
});
