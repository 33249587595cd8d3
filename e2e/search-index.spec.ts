import { expect, test, type Page } from '@playwright/test';
import { loadSamples } from './helpers';

/** Script URLs of the workers the page starts, nested ones included. */
function recordWorkers(page: Page): string[] {
  const urls: string[] = [];
  page.on('worker', (worker) => urls.push(worker.url()));
  return urls;
}

const builders = (urls: readonly string[]) => urls.filter((u) => /segment\.worker/.test(u));

test('segments are built in builder workers after an import, and not after a reload', async ({
  page,
}) => {
  const workers = recordWorkers(page);
  await loadSamples(page);
  const results = page.getByRole('region', { name: 'Search results' });
  await page.getByRole('searchbox', { name: 'Search documents' }).fill('shelter');
  await expect(results.getByRole('status')).toContainText('12 documents found');
  await expect(page.locator('.index-status')).toHaveText('');
  expect(builders(workers).length).toBeGreaterThanOrEqual(1);

  // The saved index is loaded as it is: no segment is built, so no builder is started.
  workers.length = 0;
  await page.reload();
  await page.getByRole('searchbox', { name: 'Search documents' }).fill('shelter');
  await expect(results.getByRole('status')).toContainText('12 documents found');
  expect(workers.some((u) => /index\.worker/.test(u))).toBe(true);
  expect(builders(workers)).toEqual([]);
});
