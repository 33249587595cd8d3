import { expect, test, type Page } from '@playwright/test';
import {
  loadSamples,
  searchBox as box,
  searchFor as search,
  searchResults as results,
  selectInReader,
  openFromLibrary,
  resultItem,
} from './helpers';

const OPED = 'Complicit Officials Are Never Prosecuted. I Know Why.';
const AUDIT = 'Audit of the National Shelter Programme';
const DEADLINE = 'Valdoria Misses Its Own Shelter Deadline for Trafficking Survivors';
const NETWORK = 'Statement on the National Shelter Network for Survivors of Trafficking';

const titles = (page: Page) => results(page).locator('.result-item .title');

test('each operator of the query language, the syntax help and messages for bad queries', async ({
  page,
}) => {
  await loadSamples(page);

  await page.getByRole('button', { name: 'Search syntax' }).click();
  const help = page.getByRole('dialog', { name: 'Search syntax' });
  await expect(help).toContainText('date:2008..2015');
  await expect(help).toContainText('goverment~1');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await search(page, '+shelter -tarsk', '3 documents found');
  // Ranking decides the order; the set is what is known.
  expect((await titles(page).allTextContents()).sort()).toEqual([AUDIT, DEADLINE, NETWORK].sort());
  await expect(results(page).locator('.snippet mark').first()).toHaveText(/^shelters?$/i);

  // The op-ed's file breaks "my experience" over two lines.
  await search(page, '"my experience"', '1 document found');
  const oped = results(page).locator('li', { hasText: OPED });
  await expect(oped.locator('.snippet mark')).toHaveText(['my experience']);

  await search(page, 'goverment~1', '9 documents found');
  await expect(results(page).locator('.snippet mark').first()).toHaveText(/^government/i);
  await search(page, 'traff* date:..2009', '3 documents found');
  await expect(results(page).locator('.snippet mark').first()).toHaveText(/^traffick/i);
  await search(page, 'author:marchetti', '4 documents found');
  await search(page, 'date:2015', '3 documents found');
  await search(page, 'title:"shelter programme"', /^2 documents found/);

  await box(page).fill('date:2015..2008');
  await expect(page.getByRole('alert')).toHaveText(
    'Cannot read this query at character 6: the range ends (2008) before it starts (2015)',
  );
  await expect(box(page)).toHaveAttribute('aria-invalid', 'true');
  await box(page).fill('+"end trafficking');
  await expect(page.getByRole('alert')).toContainText(
    'character 2: this quotation mark is never closed',
  );
  await search(page, 'complicit', '9 documents found');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('facets count the results; ticking combines filters and Clear filters removes them', async ({
  page,
}) => {
  await loadSamples(page);
  await openFromLibrary(page, /Complicit Officials/);
  await selectInReader(page, 'complicit officials are never prosecuted');
  await page.getByRole('button', { name: 'Critique', exact: true }).click();

  await search(page, 'complicit', '9 documents found');
  const filters = page.getByRole('complementary', { name: 'Filters' });
  const type = filters.getByRole('group', { name: 'Type' });
  await expect(type.getByRole('checkbox', { name: 'Text 5' })).toBeVisible();
  await expect(type.getByRole('checkbox', { name: 'Markdown 4' })).toBeVisible();
  await expect(filters.getByRole('group', { name: 'Year' }).getByRole('checkbox')).toHaveCount(8);
  await expect(filters.getByRole('checkbox', { name: 'Critique 1' })).toBeVisible();

  await type.getByRole('checkbox', { name: /^Text/ }).check();
  await expect(results(page).getByRole('status')).toContainText('5 documents found');
  // The ticked group still offers its other values; the other groups count what is left.
  await expect(type.getByRole('checkbox', { name: 'Markdown 4' })).toBeVisible();
  const year = filters.getByRole('group', { name: 'Year' });
  await expect(year.getByRole('checkbox', { name: '2015 2' })).toBeVisible();
  await year.getByRole('checkbox', { name: /^2015/ }).check();
  await expect(results(page).getByRole('status')).toContainText('2 documents found');
  // No Markdown file of 2015 mentions the word, so that value is not offered now.
  await expect(type.getByRole('checkbox', { name: /^Markdown/ })).toHaveCount(0);
  await year.getByRole('checkbox', { name: /^2012/ }).check();
  await expect(results(page).getByRole('status')).toContainText('3 documents found');
  await type.getByRole('checkbox', { name: /^Text/ }).uncheck();
  await expect(results(page).getByRole('status')).toContainText('3 documents found');
  await expect(type.getByRole('checkbox', { name: 'Text 3' })).not.toBeChecked();

  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await expect(results(page).getByRole('status')).toContainText('9 documents found');
  await filters.getByRole('checkbox', { name: /^Critique/ }).check();
  await expect(results(page).getByRole('status')).toContainText('1 document found');
  await expect(titles(page)).toHaveText([OPED]);
  await expect(filters.getByRole('button', { name: 'Clear filters' })).toBeEnabled();
});

test('keys move through results; a snippet opens the reader with the hits marked', async ({
  page,
}) => {
  await loadSamples(page);
  await search(page, '"my experience"', '1 document found');
  await box(page).press('ArrowDown');
  const first = results(page).locator('[data-result-nav]').first();
  await expect(first).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(results(page).locator('[data-result-nav]').nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(box(page)).toBeFocused();

  const oped = results(page).locator('li', { hasText: OPED });
  await oped.getByRole('button', { name: /^Hit 1/ }).focus();
  await page.keyboard.press('Enter');
  const reader = page.getByRole('article', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(OPED);
  const hit = reader.locator('.search-hit');
  await expect(hit).toHaveText(['my experience']);
  await expect(hit.first()).toBeInViewport();

  await search(page, 'complicit prosecuted', /documents found/);
  await resultItem(page, new RegExp(OPED.slice(0, 30))).click();
  await expect(reader.locator('.search-hit').first()).toHaveText(/complicit|prosecuted/i);
  expect(await reader.locator('.search-hit').count()).toBeGreaterThanOrEqual(4);
});

test('annotation search finds quotes, notes and actors, and opens the highlight', async ({
  page,
}) => {
  await loadSamples(page);
  await openFromLibrary(page, /Justice Minister Vows Crackdown/);
  const pledge = 'Officials who collude with traffickers will be punished, whatever their rank';
  await selectInReader(page, pledge);
  await page.keyboard.press('1');
  const panel = page.getByRole('complementary', { name: 'Annotations' });
  await panel.getByLabel('Note').fill('First time the minister makes this promise.');
  await panel.getByLabel('Note').press('Control+Enter');
  await page.keyboard.press('Escape');
  await openFromLibrary(page, /Eight Years After Tarsk/);

  await page.getByRole('radio', { name: 'Annotations' }).check();
  const annotationBox = page.getByRole('searchbox', { name: 'Search annotations' });
  await annotationBox.fill('punish promises');
  const found = page.getByRole('region', { name: 'Annotation results' });
  await expect(found.getByRole('status')).toContainText('1 annotation found');
  const item = found.getByRole('button', { name: /Pledge/ });
  await expect(item.locator('mark')).toHaveText(['punished', 'promise']);
  await expect(item).toContainText('Justice Minister Vows Crackdown');

  await annotationBox.fill('tag:critique');
  await expect(found.getByRole('status')).toContainText('No annotations match.');
  await annotationBox.fill('tag:pledge date:2008');
  await expect(found.getByRole('status')).toContainText('1 annotation found');
  await found.getByRole('button', { name: /Pledge/ }).click();
  const reader = page.getByRole('article', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1 })).toContainText('Justice Minister');
  await expect(reader.locator('.hl-pledge')).toBeInViewport();
  await expect(panel.getByLabel('Note')).toHaveValue('First time the minister makes this promise.');

  await annotationBox.fill('colour:red');
  await expect(page.getByRole('alert')).toContainText('unknown field "colour:"');
});

test('a long result list shows its best 20, and Show more results adds the rest', async ({
  page,
}) => {
  await page.goto('/');
  // Thirty short field reports, each naming a different province and month.
  const reports = Array.from({ length: 30 }, (_, i) => ({
    name: `field-report-${String(i + 1).padStart(2, '0')}.txt`,
    mimeType: 'text/plain',
    buffer: Buffer.from(
      `Field Report ${i + 1}\nSource: Monitor of Province ${i + 1}\n` +
        `Date: 2016-${String((i % 12) + 1).padStart(2, '0')}-15\n\n` +
        `Inspectors visited the shelter of province ${i + 1} and counted ${i + 3} residents. ` +
        `${'The register was kept. '.repeat(i % 5)}\n`,
    ),
  }));
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files' }).click();
  await (await chooser).setFiles(reports);
  const summary = page.getByRole('region', { name: 'Import summary' });
  await expect(summary).toContainText('30 files: 30 imported', { timeout: 30_000 });
  await summary.getByRole('button', { name: 'Close import summary' }).click();

  await search(page, 'inspectors', '30 documents found');
  await expect(results(page).getByRole('status')).toContainText('showing the best 20');
  await expect(titles(page)).toHaveCount(20);
  await results(page).getByRole('button', { name: 'Show more results' }).click();
  await expect(titles(page)).toHaveCount(30);
  await expect(results(page).getByRole('status')).not.toContainText('showing the best');
  await expect(results(page).getByRole('button', { name: 'Show more results' })).toHaveCount(0);
  // Every report is listed once, and each shows its hit.
  const listed = await titles(page).allTextContents();
  expect(new Set(listed).size).toBe(30);
  await expect(results(page).locator('.snippet mark')).toHaveCount(30);

  // Thirty sources: the first ten are listed, the rest behind Show all; a ticked one stays.
  const sources = page.getByRole('group', { name: 'Source' });
  await expect(sources.getByRole('checkbox')).toHaveCount(10);
  await sources.getByRole('button', { name: 'Show all 30' }).click();
  await expect(sources.getByRole('checkbox')).toHaveCount(30);
  await sources.getByRole('checkbox', { name: /Monitor of Province 30\b/ }).check();
  await expect(results(page).getByRole('status')).toContainText('1 document found');
  await sources.getByRole('button', { name: 'Show fewer' }).click();
  await expect(sources.getByRole('checkbox', { name: /Monitor of Province 30\b/ })).toBeChecked();
});
