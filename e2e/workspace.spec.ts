import { expect, test, type Page } from '@playwright/test';
import {
  loadSamplesWithAnnotations,
  SAMPLE_ANNOTATIONS,
  showAnnotations,
  showView,
  libraryList,
} from './helpers';

const HOTLINE = 'A national referral hotline staffed around the clock from September 2015.';
const RECORDED = 'callers outside office hours reach a recorded message';

const views = (page: Page) => page.getByRole('navigation', { name: 'Views' });
const current = (page: Page) => views(page).locator('[aria-current="page"]');

async function openAnalysis(page: Page, tab: 'Matrix' | 'Timeline' | 'Gap queries') {
  await showView(page, 'Analysis');
  await page.getByRole('navigation', { name: 'Analysis' }).getByRole('link', { name: tab }).click();
}

async function gapQuery(page: Page, name: RegExp) {
  await openAnalysis(page, 'Gap queries');
  await page.getByRole('list', { name: 'Questions' }).getByRole('button', { name }).click();
  return page.getByRole('region', { name });
}

test('the samples with annotations open on the dossiers, and a dossier opens', async ({ page }) => {
  await loadSamplesWithAnnotations(page);
  await expect(current(page)).toHaveText('Dossiers');
  const table = page.getByRole('table', { name: 'Pledge chains' });
  await expect(page.getByRole('region', { name: 'Dossiers' }).getByRole('status')).toHaveText(
    '6 pledge chains',
  );
  const officials = table.getByRole('row').filter({ hasText: 'whatever their rank' });
  await expect(officials).toContainText('Teodor Malvane');
  await expect(officials).toContainText('2008-03-13');
  await expect(officials).toContainText('2016-04-11');
  await expect(officials).toContainText('1 for · 6 against');
  await officials.getByRole('link').click();
  await expect(page.getByRole('region', { name: 'Pledge dossier' })).toContainText(
    'Officials who collude with traffickers will be punished, whatever their rank',
  );
  await page.goBack();
  await expect(table).toBeVisible();
});

test('the matrix total equals the table count, and a cell lists its passages', async ({ page }) => {
  await loadSamplesWithAnnotations(page);
  await showAnnotations(page, 'All annotations');
  await expect(
    page.getByRole('region', { name: 'All annotations' }).getByRole('status'),
  ).toHaveText(`${SAMPLE_ANNOTATIONS} annotations`);
  await openAnalysis(page, 'Matrix');
  const total = page.getByTestId('matrix-total');
  await expect(total).toHaveText(String(SAMPLE_ANNOTATIONS));
  // Rows by year, columns by tag: still every passage once.
  await page.getByLabel('Rows').selectOption('year');
  await page.getByLabel('Columns').selectOption('tag');
  await expect(total).toHaveText(String(SAMPLE_ANNOTATIONS));
  await page.getByRole('button', { name: '5: 2008, Pledge' }).click();
  const passages = page.getByRole('region', { name: 'Passages in the cell' });
  await expect(passages.getByRole('listitem')).toHaveCount(5);
  await passages.getByRole('button', { name: /whatever their rank/ }).click();
  await expect(current(page)).toHaveText('Reader');
  await expect(page.getByRole('article', { name: 'Reader' }).locator('.hl-selected')).toContainText(
    'whatever their rank',
  );
});

test('a matrix of hundreds of rows draws the rows in view, and scrolls to the last', async ({
  page,
}) => {
  await loadSamplesWithAnnotations(page);
  // 300 more passages, each by an actor of its own: a matrix of over 300 rows.
  const added = 300;
  await page.evaluate(async (count) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('dossier');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction('annotations', 'readwrite');
    const store = tx.objectStore('annotations');
    const all = await new Promise<Record<string, unknown>[]>((resolve) => {
      const r = store.getAll();
      r.onsuccess = () => resolve(r.result as Record<string, unknown>[]);
    });
    const first = all.find((a) => a.tag === 'evidence');
    for (let i = 0; i < count; i += 1) {
      store.put({ ...first, id: `bulk-${i}`, actor: `Bulk actor ${String(i).padStart(3, '0')}` });
    }
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  }, added);
  await page.reload();
  await openAnalysis(page, 'Matrix');
  await page.getByLabel('Rows').selectOption('actor');
  await page.getByLabel('Columns').selectOption('tag');
  await expect(page.getByTestId('matrix-total')).toHaveText(String(SAMPLE_ANNOTATIONS + added));

  const table = page.getByRole('table', { name: /Passages by actor/ });
  const rowCount = Number(await table.getAttribute('aria-rowcount'));
  expect(rowCount).toBeGreaterThan(added + 2);
  // Only the rows in view and a few more are in the page.
  const drawn = table.locator('tbody tr:not(.matrix-spacer)');
  expect(await drawn.count()).toBeGreaterThan(5);
  expect(await drawn.count()).toBeLessThan(80);

  // The last actor's row comes into the page when scrolled to, and its count lists it.
  await table.locator('xpath=..').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await page.getByRole('button', { name: '1: Bulk actor 299, Evidence' }).click();
  const passages = page.getByRole('region', { name: 'Passages in the cell' });
  await expect(passages.getByRole('heading')).toHaveText('Bulk actor 299, Evidence: 1 passage');
  await expect(page.getByRole('button', { name: '1: Bulk actor 299, Evidence' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  // The row's total lists the same passage.
  await page.getByRole('button', { name: '1: Bulk actor 299, all' }).click();
  await expect(passages.getByRole('heading')).toHaveText('Bulk actor 299: 1 passage');
  // Columns keep their widths as other rows scroll in.
  const widths = () =>
    table
      .locator('thead th')
      .evaluateAll((ths) => ths.map((th) => th.getBoundingClientRect().width));
  const atEnd = await widths();
  await table.locator('xpath=..').evaluate((el) => el.scrollTo(0, 0));
  await expect(page.getByRole('rowheader', { name: 'Bulk actor 000' })).toBeVisible();
  expect(await widths()).toEqual(atEnd);
});

test('a gap query lists a pledge without evidence until evidence is linked to it', async ({
  page,
}) => {
  await loadSamplesWithAnnotations(page);
  let answer = await gapQuery(page, /^Pledges with no linked evidence/);
  await expect(answer.getByRole('button', { name: HOTLINE })).toBeVisible();

  // The unlinked evidence about the hotline, linked to it from the reader.
  answer = await gapQuery(page, /^Evidence not linked to any pledge/);
  await answer.getByRole('button', { name: RECORDED }).click();
  await expect(current(page)).toHaveText('Reader');
  await page.keyboard.press('l');
  const picker = page.getByRole('dialog', { name: 'Link to pledge' });
  await picker.getByLabel('Find a pledge').fill('hotline');
  await picker.getByLabel('Relation').selectOption('contradicts');
  await picker.getByRole('button', { name: new RegExp(HOTLINE.slice(0, 30)) }).click();
  await expect(picker).toBeHidden();

  answer = await gapQuery(page, /^Pledges with no linked evidence/);
  await expect(answer).toBeVisible();
  await expect(answer.getByRole('button', { name: HOTLINE })).toHaveCount(0);
  answer = await gapQuery(page, /^Open pledges whose latest linked item contradicts them/);
  await expect(answer.getByRole('button', { name: HOTLINE })).toBeVisible();
});

test('the timeline shows a chain in date order, its marks reachable by keyboard', async ({
  page,
}) => {
  await loadSamplesWithAnnotations(page);
  await openAnalysis(page, 'Timeline');
  const chart = page.getByRole('group', { name: 'Timeline chart' });
  const marks = chart.getByRole('button');
  await expect(marks.first()).toBeVisible();
  // 2008 pledge, the 2015 critique of it, and the same pledge repeated in 2015.
  await expect(
    chart.getByRole('button', { name: /^2008-03-13, Pledge: Officials who collude/ }),
  ).toHaveCount(1);
  await expect(
    chart.getByRole('button', { name: /^2015-01-20, Critique, contradicts: by our count/ }),
  ).toHaveCount(1);
  await expect(
    chart.getByRole('button', { name: /^2015-01-20, Pledge: Officials who collude/ }),
  ).toHaveCount(1);

  await page.getByRole('button', { name: 'Show as table' }).click();
  const rows = page
    .locator('.timeline-table tbody tr')
    .filter({ hasText: 'Teodor Malvane: Officials who collude' });
  const dates = await rows.locator('td:nth-child(2)').allTextContents();
  expect(dates.length).toBe(11);
  expect(dates).toEqual([...dates].sort());
  expect(dates[0]).toBe('2008-03-13');

  // Zoom to a period.
  await page.getByRole('button', { name: 'Show chart' }).click();
  await page.getByRole('textbox', { name: 'From' }).fill('2015-01-01');
  await page.getByRole('textbox', { name: 'To' }).fill('2015-12-31');
  await expect(chart.getByRole('button', { name: /^2009/ })).toHaveCount(0);
  const seventh = chart.getByRole('button', { name: /by our count, the seventh time/ });
  await seventh.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('article', { name: 'Reader' }).locator('.hl-selected')).toContainText(
    'the seventh time',
  );
});

test('deleting a document takes its annotations and links, and Undo brings them back', async ({
  page,
}) => {
  await loadSamplesWithAnnotations(page);
  const list = await libraryList(page);
  await list.getByRole('checkbox', { name: /Select Justice Minister Vows/ }).check();
  await page.getByRole('button', { name: 'Delete selected (1)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete document' });
  await expect(dialog).toContainText('Delete 1 document, with 3 annotations and 12 links?');
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Messages' })).toContainText(
    'Deleted 1 document, with 3 annotations and 12 links.',
  );
  await expect(page.getByRole('region', { name: 'Library' }).getByRole('status')).toHaveText(
    '12 documents',
  );
  await showAnnotations(page, 'All annotations');
  const count = page.getByRole('region', { name: 'All annotations' }).getByRole('status');
  await expect(count).toHaveText(`${SAMPLE_ANNOTATIONS - 3} annotations`);
  await showView(page, 'Dossiers');
  await expect(page.getByRole('table', { name: 'Pledge chains' })).not.toContainText(
    'whatever their rank,',
  );

  await page.getByRole('banner').getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Pledge chains' })).toContainText(
    '1 for · 6 against',
  );
  await showAnnotations(page, 'All annotations');
  await expect(count).toHaveText(`${SAMPLE_ANNOTATIONS} annotations`);
  await expect(
    page.getByRole('region', { name: 'Library' }).or(page.getByRole('main')),
  ).toBeVisible();
});

test('views switch by keys, keep their place in the address, and Back returns', async ({
  page,
}) => {
  await loadSamplesWithAnnotations(page);
  await page.keyboard.press('Alt+1');
  await expect(current(page)).toHaveText('Library');
  await expect(page).toHaveURL(/#\/library$/);
  await page.keyboard.press('Alt+5');
  await expect(current(page)).toHaveText('Analysis');
  await page.keyboard.press('Alt+3');
  await expect(current(page)).toHaveText('Annotations');
  await page.goBack();
  await expect(current(page)).toHaveText('Analysis');
  await page.goBack();
  await expect(current(page)).toHaveText('Library');
  await page.goForward();
  await expect(current(page)).toHaveText('Analysis');
  await page.reload();
  await expect(current(page)).toHaveText('Analysis');
  await expect(page.getByRole('region', { name: 'Matrix' })).toBeVisible();

  // Keys of the views behind a dialog do nothing while it is open.
  await page.keyboard.press('?');
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(shortcuts).toBeVisible();
  await page.keyboard.press('Alt+1');
  await expect(current(page)).toHaveText('Analysis');
  await page.keyboard.press('Escape');
  await expect(shortcuts).toBeHidden();
  await page.keyboard.press('Alt+1');
  await expect(current(page)).toHaveText('Library');
});
