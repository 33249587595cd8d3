import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  loadSamplesWithAnnotations,
  libraryList,
  openFromLibrary,
  SAMPLE_COUNT,
  showView,
} from './helpers';

/** The text of one column of every row shown, in order. */
async function column(rows: Locator, selector: string): Promise<string[]> {
  return (await rows.locator(selector).allTextContents()).map((t) => t.trim());
}

const libraryRows = (page: Page) =>
  page.getByRole('list', { name: 'Documents' }).getByRole('listitem');
const libraryCount = (page: Page) =>
  page.getByRole('region', { name: 'Library' }).getByRole('status');

test('the toolbar and the navigation bar each fit one row at 1280 px', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await loadSamplesWithAnnotations(page);
  for (const bar of [
    page.locator('header.toolbar'),
    page.getByRole('navigation', { name: 'Views' }),
  ]) {
    const row = await bar.evaluate((el) => {
      const boxes = [...el.querySelectorAll('button, a, input, .app-name')]
        .filter((c) => (c as HTMLElement).offsetParent !== null)
        .map((c) => c.getBoundingClientRect());
      // One row: a horizontal line crosses every control.
      const lowestTop = Math.max(...boxes.map((b) => b.top));
      const highestBottom = Math.min(...boxes.map((b) => b.bottom));
      return { crossed: highestBottom - lowestTop, overflow: el.scrollWidth - el.clientWidth };
    });
    expect(row.crossed, 'every control on one row').toBeGreaterThan(0);
    expect(row.overflow, 'nothing cut off at the right').toBeLessThanOrEqual(0);
  }
});

test('the Library sorts and filters by date, source, type and annotations', async ({ page }) => {
  await loadSamplesWithAnnotations(page);
  await libraryList(page);
  await expect(libraryCount(page)).toHaveText(`${SAMPLE_COUNT} documents`);
  const rows = libraryRows(page);
  const filters = page.getByRole('form', { name: 'Library filters' });

  // Date, newest first: undated documents stay last either way.
  await page.getByRole('button', { name: /^Sort by date/ }).click();
  await expect(page.getByRole('button', { name: 'Sort by date, descending' })).toBeVisible();
  const dates = (await column(rows, '.cell-date')).filter((d) => d !== 'undated');
  expect(dates.length).toBeGreaterThan(1);
  expect(dates).toEqual([...dates].sort().reverse());

  // Source: every row shown has the source picked.
  const source = (await column(rows, '.cell-source'))[0] ?? '';
  await filters.getByLabel('Source').fill(source);
  const sources = await column(rows, '.cell-source');
  expect(new Set(sources)).toEqual(new Set([source]));
  await expect(libraryCount(page)).toHaveText(`${sources.length} of ${SAMPLE_COUNT} documents`);
  await page.getByRole('button', { name: 'Clear filters' }).click();

  // Type.
  await filters.getByLabel('Type').selectOption('pdf');
  const types = await column(rows, '.cell-type');
  expect(types.length).toBeGreaterThan(0);
  for (const t of types) expect(t).toMatch(/^PDF/);
  await filters.getByLabel('Type').selectOption('');

  // Has annotations, and none: the two add up to the whole library.
  const annotations = filters.getByLabel('Annotations');
  await annotations.selectOption('yes');
  const annotated = await column(rows, '.cell-annotations');
  for (const n of annotated) expect(n).toMatch(/^\d+ annotations?$/);
  await annotations.selectOption('no');
  const bare = await column(rows, '.cell-annotations');
  for (const n of bare) expect(n).toBe('—');
  expect(annotated.length + bare.length).toBe(SAMPLE_COUNT);
  await annotations.selectOption('');

  // A period: only documents dated inside it.
  await filters.getByLabel('From date').fill('2015-01-01');
  await filters.getByLabel('To date').fill('2015-12-31');
  const inside = await column(rows, '.cell-date');
  expect(inside.length).toBeGreaterThan(0);
  for (const d of inside) expect(d).toMatch(/^2015-/);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(libraryCount(page)).toHaveText(`${SAMPLE_COUNT} documents`);
});

test('the dossiers sort and filter by status, actor, date and balance', async ({ page }) => {
  await loadSamplesWithAnnotations(page);
  await showView(page, 'Dossiers');
  const table = page.getByRole('table', { name: 'Pledge chains' });
  const rows = table.getByRole('rowgroup').getByRole('row');
  const cells = (n: number) => column(rows, `[role="cell"]:nth-child(${n})`);
  const count = page.getByRole('region', { name: 'Dossiers' }).getByRole('status');
  await expect(count).toHaveText('6 pledge chains');
  const filters = page.getByRole('form', { name: 'Dossier filters' });

  await filters.getByLabel('Status').selectOption('broken');
  const statuses = await cells(5);
  expect(statuses.length).toBeGreaterThan(0);
  expect(statuses.length).toBeLessThan(6);
  for (const s of statuses) expect(s).toBe('Broken');
  await filters.getByLabel('Status').selectOption('');

  await filters.getByLabel('Actor').fill('malvane');
  for (const a of await cells(2)) expect(a).toBe('Teodor Malvane');
  await filters.getByLabel('Actor').fill('');

  await filters.getByLabel('Stated from').fill('2015-01-01');
  for (const last of await cells(4)) expect(last >= '2015-01-01').toBe(true);
  await filters.getByLabel('Stated from').fill('');

  const balance = async () =>
    (await cells(6)).map((b) => {
      const m = /(\d+) for · (\d+) against/.exec(b);
      return m ? Number(m[1]) - Number(m[2]) : null;
    });
  await filters.getByLabel('Balance').selectOption('contradicted');
  const against = await balance();
  expect(against.length).toBeGreaterThan(0);
  for (const b of against) expect(b).toBeLessThan(0);
  await filters.getByLabel('Balance').selectOption('');

  // Sorted by balance, most contradicted first.
  await table.getByRole('button', { name: 'Balance' }).click();
  const sorted = (await balance()).filter((b): b is number => b !== null);
  expect(sorted).toEqual([...sorted].sort((a, b) => a - b));
  await expect(table.getByRole('columnheader', { name: /Balance/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  // By first statement, newest first.
  await table.getByRole('button', { name: 'First stated' }).click();
  await table.getByRole('button', { name: /First stated/ }).click();
  const firsts = (await cells(3)).filter((d) => d !== 'undated');
  expect(firsts).toEqual([...firsts].sort().reverse());
});

test('a chart shows its numbers as a table and saves as SVG and PNG', async ({ page }) => {
  await loadSamplesWithAnnotations(page);
  await showView(page, 'Analysis');
  const chart = page.getByRole('figure', { name: 'Passages counted' });
  // The matrix opens as its table; the chart is one click away.
  await expect(chart.getByRole('table')).toBeVisible();
  const total = await chart.getByTestId('matrix-total').textContent();
  await chart.getByRole('button', { name: 'Show chart' }).click();
  await expect(chart.getByRole('table')).toHaveCount(0);

  const svgDownload = page.waitForEvent('download');
  await chart.getByRole('button', { name: 'Save as SVG' }).click();
  const svgFile = await svgDownload;
  expect(svgFile.suggestedFilename()).toMatch(/\.svg$/);
  const svg = await readFile(await svgFile.path(), 'utf8');
  expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  // Standalone: its style travels inline, nothing is linked.
  expect(svg).toContain('fill:');
  expect(svg).not.toMatch(/href="https?:/);
  // The file is an image a browser draws.
  const drawn = await page.evaluate(async (text) => {
    const image = new Image();
    image.src = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
    await image.decode();
    return image.naturalWidth;
  }, svg);
  expect(drawn).toBeGreaterThan(100);

  const pngDownload = page.waitForEvent('download');
  await chart.getByRole('button', { name: 'Save as PNG' }).click();
  const pngFile = await pngDownload;
  expect(pngFile.suggestedFilename()).toMatch(/\.png$/);
  const png = await readFile(await pngFile.path());
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // Twice the chart's size on screen, for print.
  const box = await chart.locator('svg').first().boundingBox();
  expect(png.readUInt32BE(16)).toBe(Math.ceil((box?.width ?? 0) * 2));

  await chart.getByRole('button', { name: 'Show as table' }).click();
  await expect(chart.getByRole('table')).toBeVisible();
  await expect(chart.getByTestId('matrix-total')).toHaveText(total ?? '');
  await expect(chart.getByRole('button', { name: 'Save as SVG' })).toHaveCount(0);
});

test('a side panel resizes by keys and by dragging, and keeps its width after a reload', async ({
  page,
}) => {
  await loadSamplesWithAnnotations(page);
  await openFromLibrary(page, /Justice Minister Vows/);
  const handle = page.getByRole('separator', { name: 'Resize annotations panel' });
  const panel = page.getByRole('complementary', { name: 'Annotations' });
  const start = Number(await handle.getAttribute('aria-valuenow'));
  const before = (await panel.boundingBox())?.width ?? 0;
  // The panel lies right of its handle: Left widens it.
  await handle.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(handle).toHaveAttribute('aria-valuenow', String(start + 48));
  expect((await panel.boundingBox())?.width ?? 0).toBeGreaterThan(before + 40);

  const box = await handle.boundingBox();
  if (!box) throw new Error('the handle is not drawn');
  await page.mouse.move(box.x + box.width / 2, box.y + 100);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 60, box.y + 100, { steps: 4 });
  await page.mouse.up();
  await expect(handle).toHaveAttribute('aria-valuenow', String(start + 48 - 60));

  await page.reload();
  await expect(page.getByRole('separator', { name: 'Resize annotations panel' })).toHaveAttribute(
    'aria-valuenow',
    String(start - 12),
  );
});
