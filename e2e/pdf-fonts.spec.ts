import { openFromLibrary } from './helpers';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';

// Imports PDFs and draws their pages: give a busy machine time.
test.describe.configure({ timeout: 120_000 });

const fixture = (name: string) =>
  fileURLToPath(new URL(`../tests/fixtures/pdf-fonts/${name}`, import.meta.url));

/** Every request the page or its workers make, to check that all stay on the app's origin. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.context().on('request', (request) => urls.push(request.url()));
  return urls;
}

async function importFile(page: Page, name: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files' }).click();
  await (await chooser).setFiles(fixture(name));
  const summary = page.getByRole('region', { name: 'Import summary' });
  await expect(summary).toContainText('1 files: 1 imported', { timeout: 60_000 });
  await expect(summary).not.toContainText('no text');
  await summary.getByRole('button', { name: 'Close import summary' }).click();
}

test('a CJK PDF whose fonts need predefined CMaps imports with its text, found by search and drawn in the reader', async ({
  page,
  baseURL,
}) => {
  const requests = recordRequests(page);
  await page.goto('/');
  await importFile(page, 'cjk-predefined-cmaps.pdf');

  await page.getByRole('searchbox', { name: 'Search documents' }).fill('庇护所');
  const results = page.getByRole('region', { name: 'Search results' });
  await results.getByRole('button', { name: /人身取引対策の強化を約束/ }).click();

  const reader = page.getByRole('article', { name: 'Reader' });
  const layer = reader.locator('.pdf-page[data-page-number="1"] .textLayer');
  await expect(layer).toContainText('人身取引は重大な犯罪であり');
  await expect(layer).toContainText('政府将在今年年底前在每个省开设受害者庇护所');
  await reader.getByRole('button', { name: 'Reading text' }).click();
  await expect(reader).toContainText('去年只有四起案件被起诉');

  // The CMaps came from the app itself, for the import (read by the page for its worker)
  // and for the reader alike; nothing went anywhere else.
  const cmaps = requests.filter((u) => u.includes('/pdfjs/cmaps/'));
  expect(cmaps).toContain(`${baseURL}/pdfjs/cmaps/UniJIS-UCS2-H.bcmap`);
  expect(cmaps).toContain(`${baseURL}/pdfjs/cmaps/Adobe-GB1-UCS2.bcmap`);
  expect(requests.filter((u) => !u.startsWith(`${baseURL}/`) && !/^(data|blob):/.test(u))).toEqual(
    [],
  );
});

test('a PDF in standard fonts it does not embed is drawn with the fonts the app ships', async ({
  page,
  baseURL,
}) => {
  const requests = recordRequests(page);
  await page.goto('/');
  await importFile(page, 'standard-fonts.pdf');
  await openFromLibrary(page, /Valdoria Pledges Shelters/);
  const pdfPage = page.locator('.pdf-page[data-page-number="1"]');
  await expect(pdfPage.locator('.textLayer')).toContainText('Trafficking is a grave');
  await expect(pdfPage.locator('.pdf-page-loading')).toHaveCount(0);
  for (const font of ['FoxitSerif.pfb', 'LiberationSans-Regular.ttf', 'LiberationSans-Bold.ttf']) {
    expect(requests).toContain(`${baseURL}/pdfjs/standard_fonts/${font}`);
  }
  // The page is drawn: its canvas holds ink.
  const inked = await pdfPage.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
    const context = canvas.getContext('2d');
    if (!context) return 0;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 128) dark += 1;
    return dark;
  });
  expect(inked).toBeGreaterThan(1000);
  expect(requests.filter((u) => !u.startsWith(`${baseURL}/`) && !/^(data|blob):/.test(u))).toEqual(
    [],
  );
});
