import { expect, test, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { loadSamplesWithAnnotations } from './helpers';
import { text } from './report-helpers';

/** Exports the open dossier from its own Export report button, in `format`. */
async function exportDossier(page: Page, format: string) {
  await page
    .getByRole('region', { name: 'Pledge dossier' })
    .getByRole('button', { name: 'Export report…' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Export report' });
  await expect(dialog.getByLabel('Scope')).toHaveValue('dossier');
  await dialog.getByLabel('Format').selectOption({ label: format });
  const downloaded = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const file = await downloaded;
  await expect(dialog).toBeHidden();
  const path = await file.path();
  const { readFile } = await import('node:fs/promises');
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

test('a pledge dossier report holds its timeline: inline SVG in HTML, a picture in Word', async ({
  page,
  context,
}) => {
  await loadSamplesWithAnnotations(page);
  const chains = page.getByRole('table', { name: 'Pledge chains' });
  await chains
    .getByRole('row')
    .filter({ hasText: 'whatever their rank' })
    .getByRole('link')
    .click();
  await expect(page.getByRole('region', { name: 'Pledge dossier' })).toContainText(
    'Officials who collude with traffickers will be punished, whatever their rank',
  );

  const html = await exportDossier(page, 'HTML');
  expect(html.name).toMatch(/^dossier-report-pledge-dossier-\d{4}-\d{2}-\d{2}\.html$/);
  const written = text(html.bytes);
  expect(written).not.toMatch(/<script/i);
  expect(written).toContain('<section class="chapter timeline" id="timeline">');

  // Opened as a reader would, scripts allowed: the chart is drawn and nothing loads.
  const reader = await context.newPage();
  const requests: string[] = [];
  reader.on('request', (r) => {
    if (!/^(data:|about:blank)/.test(r.url())) requests.push(r.url());
  });
  await reader.setContent(written, { waitUntil: 'load' });
  const timeline = reader.locator('#timeline');
  const chart = timeline.locator('figure svg[role="img"]');
  await expect(chart).toHaveAttribute('aria-label', /^Timeline of the pledge chain from /);
  const box = await chart.boundingBox();
  expect(box?.width).toBeGreaterThan(300);
  const marks = chart.locator('g[aria-label="dot"] > path');
  const rows = timeline.locator('table tbody tr');
  // One mark per dated item of the chain, each a row of the table, in date order.
  const count = await rows.count();
  expect(count).toBeGreaterThan(5);
  await expect(marks).toHaveCount(count);
  const dates = await rows.locator('td:first-child').allTextContents();
  expect(dates).toEqual([...dates].sort());
  await expect(rows.first()).toContainText('Officials who collude with traffickers');
  expect(requests).toEqual([]);
  await reader.close();

  // Word: the page drew the chart's PNG for the worker.
  const docx = await exportDossier(page, 'Word (.docx)');
  const zip = await JSZip.loadAsync(docx.bytes);
  const media = Object.keys(zip.files).filter((n) => n.startsWith('word/media/'));
  expect(media).toHaveLength(1);
  const png = await zip.file(media[0]!)!.async('uint8array');
  expect([...png.slice(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
  // Twice the chart's size, for print.
  const view = new DataView(png.buffer, png.byteOffset);
  expect(view.getUint32(16)).toBe(1280);
  const body = await zip.file('word/document.xml')!.async('string');
  expect(body).toMatch(/<wp:docPr [^>]*descr="Timeline of the pledge chain from /);
});
