import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import {
  loadSamplesWithAnnotations,
  openFromLibrary,
  searchFor,
  showAnnotations,
  showView,
} from './helpers';

/** axe-core's serious and critical findings on the page as it is now, in a readable list. */
async function seriousViolations(page: Page, where: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map((n) => `${where}: ${v.id} (${v.impact}) ${v.help} at ${n.target.join(' ')}`),
    );
}

test('no serious or critical accessibility violation in any view, with a search and a dialog open', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const found: string[] = [];
  await page.goto('/');
  found.push(...(await seriousViolations(page, 'empty library')));
  await loadSamplesWithAnnotations(page);
  found.push(...(await seriousViolations(page, 'Dossiers')));
  await page
    .getByRole('table', { name: 'Pledge chains' })
    .getByRole('link', { name: /whatever their rank/ })
    .click();
  await expect(page.getByRole('region', { name: 'Pledge dossier' })).toBeVisible();
  found.push(...(await seriousViolations(page, 'Pledge dossier')));

  await showView(page, 'Library');
  found.push(...(await seriousViolations(page, 'Library')));

  await openFromLibrary(page, /Justice Minister Vows/);
  await page
    .getByRole('complementary', { name: 'Annotations' })
    .getByRole('button')
    .first()
    .click();
  found.push(...(await seriousViolations(page, 'Reader')));
  await searchFor(page, 'shelter', /documents? found/);
  found.push(...(await seriousViolations(page, 'Reader with search results')));
  await page.getByRole('radio', { name: 'Annotations' }).check();
  found.push(...(await seriousViolations(page, 'Reader with annotation results')));
  await page.getByRole('radio', { name: 'Documents' }).check();
  await page.getByRole('searchbox', { name: 'Search documents' }).fill('');

  await showAnnotations(page, 'All annotations');
  found.push(...(await seriousViolations(page, 'All annotations')));
  await showAnnotations(page, 'Needs review');
  await expect(
    page.getByRole('region', { name: 'Needs review' }).getByRole('status'),
  ).toContainText('to review');
  found.push(...(await seriousViolations(page, 'Needs review')));

  for (const tab of ['Matrix', 'Timeline', 'Gap queries'] as const) {
    await showView(page, 'Analysis');
    await page
      .getByRole('navigation', { name: 'Analysis' })
      .getByRole('link', { name: tab })
      .click();
    if (tab === 'Gap queries') {
      await page.getByRole('button', { name: /^Pledges with no linked evidence/ }).click();
    }
    if (tab === 'Matrix')
      await page
        .getByRole('button', { name: /: Pledge, / })
        .first()
        .click();
    found.push(...(await seriousViolations(page, tab)));
    if (tab !== 'Gap queries') {
      await page.getByRole('button', { name: /^Show (as table|chart)$/ }).click();
      found.push(...(await seriousViolations(page, `${tab}, other view`)));
    }
  }

  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  found.push(...(await seriousViolations(page, 'Keyboard shortcuts dialog')));
  await page.keyboard.press('Escape');
  await showView(page, 'Library');
  await page.getByRole('checkbox', { name: /Select Justice Minister Vows/ }).check();
  await page.getByRole('button', { name: 'Delete selected (1)' }).click();
  await expect(page.getByRole('dialog', { name: 'Delete document' })).toBeVisible();
  found.push(...(await seriousViolations(page, 'Delete dialog')));

  expect(found, found.join('\n')).toEqual([]);
});
