import { expect, test } from '@playwright/test';
import JSZip from 'jszip';
import {
  ALL,
  CHAIN,
  COURT,
  CRITIQUE,
  CUSTOMS,
  download,
  EVIDENCE,
  exportReport,
  MINISTER,
  OPED,
  PLEDGE,
  PRIME,
  REPEAT,
  sha256,
  tagSamples,
  text,
  UNLINKED,
} from './report-helpers';
import { moreCommand, openDocument, showAnnotations } from './helpers';
import { flatText, pdfOutlineTitles, pdfPagesText } from './pdf-text';

// Whole working sessions over the samples, with an export per format: longer than the default.
test.describe.configure({ timeout: 240_000 });

/** The text of the XML parts of a zip package (Word or Excel), tags removed. */
async function zipText(bytes: Uint8Array, parts: RegExp): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => parts.test(n));
  expect(names.length, `parts ${parts} in the package`).toBeGreaterThan(0);
  const xml = await Promise.all(names.map((n) => zip.file(n)!.async('string')));
  return xml
    .join('\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'");
}

function expectCites(content: string, quotes: string[], hashes: string[]) {
  for (const quote of quotes) expect(content, quote).toContain(quote);
  for (const hash of hashes) expect(content, hash).toContain(hash);
}

test('every format through the dialog carries each quote with its tag and source hash', async ({
  page,
}) => {
  await tagSamples(page);
  const hashes = [MINISTER, PRIME, OPED, COURT, CUSTOMS].map(sha256);
  const banner = page.getByRole('list', { name: 'Messages' });

  const md = await download(page, {
    scope: 'Whole library',
    arrange: 'Pledge',
    format: 'Markdown',
  });
  expect(md.name).toMatch(/^dossier-report-\d{4}-\d{2}-\d{2}\.md$/);
  await expect(banner).toContainText('Report exported: 5 quotes (0 could not be verified)');
  const markdown = text(md.bytes);
  const blockQuotes = markdown
    .split('\n')
    .filter((l) => l.startsWith('> '))
    .map((l) => l.slice(2));
  for (const quote of ALL) expect(blockQuotes).toContain(quote);
  expectCites(markdown, ['Pledge', 'Evidence', 'Critique', '## Sources'], hashes);
  expect(markdown).toContain('[dossier:cite sha256=');

  // The last choices come back with the dialog.
  await moreCommand(page, 'Export report');
  const dialog = page.getByRole('dialog', { name: 'Export report' });
  await expect(dialog.getByLabel('Format')).toHaveValue('markdown');
  await expect(dialog.getByLabel('Arrange by')).toHaveValue('pledge');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  const html = await download(page, { arrange: 'Document', format: 'HTML' });
  expect(html.name).toMatch(/\.html$/);
  const page2 = text(html.bytes);
  expectCites(page2, ALL, hashes);
  // Self-contained: nothing to run, nothing to fetch; the contents link to their sections.
  expect(page2).not.toMatch(/<script|<link |src="http|url\(http/i);
  for (const [, anchor] of page2.matchAll(/<a href="#([^"]+)"/g)) {
    expect(page2, `anchor ${anchor}`).toContain(`id="${anchor}"`);
  }

  const csv = text((await download(page, { arrange: 'Tag', format: 'CSV' })).bytes);
  expectCites(csv, ALL, hashes);
  expect(csv.split('\n')[0]).toMatch(/quote/i);

  const docx = await download(page, { format: 'Word (.docx)' });
  expect(docx.name).toMatch(/\.docx$/);
  expectCites(await zipText(docx.bytes, /^word\/document\.xml$/), ALL, hashes);

  const xlsx = await download(page, { format: 'Excel (.xlsx)' });
  expect(xlsx.name).toMatch(/\.xlsx$/);
  expectCites(await zipText(xlsx.bytes, /^xl\/(sharedStrings|worksheets\/.*)\.xml$/), ALL, hashes);
});

test('PDF: the web build prints the report, and that HTML printed to PDF holds every quote', async ({
  page,
  browser,
}) => {
  await tagSamples(page);
  // What the app hands the browser to print: the frame's document as print() is called on it,
  // and how the frame is sandboxed.
  await page.evaluate(() => {
    const w = window as unknown as { __printed: { html: string; sandbox: string }[] };
    w.__printed = [];
    new MutationObserver((changes) => {
      for (const change of changes) {
        for (const node of change.addedNodes) {
          if (!(node instanceof HTMLIFrameElement) || !node.contentWindow) continue;
          const view = node.contentWindow;
          const sandbox = node.getAttribute('sandbox') ?? '';
          view.print = () => {
            const html = `<!DOCTYPE html>\n${view.document.documentElement.outerHTML}`;
            w.__printed.push({ html, sandbox });
          };
        }
      }
    }).observe(document.body, { childList: true });
  });
  const dialog = await exportReport(page, { scope: 'Whole library', format: 'PDF' });
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('list', { name: 'Messages' })).toContainText('5 quotes');
  const printed = await page.evaluate(
    () => (window as unknown as { __printed: { html: string; sandbox: string }[] }).__printed,
  );
  expect(printed).toHaveLength(1);
  const [{ html, sandbox }] = printed as [{ html: string; sandbox: string }];
  expect(sandbox.split(' ').sort()).toEqual(['allow-modals', 'allow-same-origin']);
  expect(html).toContain('<blockquote');
  expect(html).toContain('http-equiv="Content-Security-Policy"');

  // Chromium prints that HTML to PDF, as Electron's printToPDF does; pdf.js reads it back.
  const printer = await browser.newPage({ javaScriptEnabled: false });
  await printer.setContent(html);
  const pdf = await printer.pdf({
    format: 'A4',
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: '<div></div>',
    footerTemplate:
      '<div style="font-size:8px;width:100%;text-align:center">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
    outline: true,
    tagged: true,
  });
  await printer.close();
  const pages = await pdfPagesText(new Uint8Array(pdf));
  const all = flatText(pages.join('\n'));
  for (const quote of ALL) expect(all, quote).toContain(quote);
  expect(all).toContain(sha256(MINISTER));
  expect(flatText(pages[0] ?? '')).toContain(`Page 1 of ${pages.length}`);
  // The outline follows the report's headings.
  expect(await pdfOutlineTitles(new Uint8Array(pdf))).toEqual(
    expect.arrayContaining(['Dossier report', 'Sources']),
  );
});

test('a pledge dossier exports only that chain; other scopes say why they are unavailable', async ({
  page,
}) => {
  await tagSamples(page);
  // With only a document open, the dossier needs a pledge and the table is not shown.
  await moreCommand(page, 'Export report');
  const dialog = page.getByRole('dialog', { name: 'Export report' });
  const scope = dialog.getByLabel('Scope');
  await expect(scope.locator('option', { hasText: 'Pledge dossier' })).toBeDisabled();
  await expect(scope.locator('option', { hasText: 'Filtered annotations' })).toBeDisabled();
  await expect(scope.locator('option', { hasText: 'This document' })).toBeEnabled();
  await expect(dialog).toContainText(
    'Pledge dossier: Select a pledge in the reader, or open its dossier, first.',
  );
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();

  // From the pledge selected in the reader.
  await openDocument(page, /Justice Minister Vows Crackdown/);
  const panel = page.getByRole('complementary', { name: 'Annotations' });
  await panel.getByRole('button', { name: /Pledge.*Officials who collude/ }).click();
  const dossier = await download(page, {
    scope: 'Pledge dossier',
    arrange: 'Pledge',
    format: 'Markdown',
  });
  expect(dossier.name).toMatch(/^dossier-report-pledge-dossier-.*\.md$/);
  const markdown = text(dossier.bytes);
  for (const quote of CHAIN) expect(markdown, quote).toContain(`> ${quote}`);
  expect(markdown).not.toContain(UNLINKED);
  expect(markdown).not.toContain(sha256(CUSTOMS));
  await expect(page.getByRole('list', { name: 'Messages' })).toContainText('4 quotes');

  // From the pledge's dossier, the dialog starts on that dossier.
  await panel.getByRole('button', { name: 'Pledge dossier' }).click();
  await page
    .getByRole('region', { name: 'Pledge dossier' })
    .getByRole('button', { name: 'Export report…' })
    .click();
  const fromDossier = page.getByRole('dialog', { name: 'Export report' });
  await expect(fromDossier.getByLabel('Scope')).toHaveValue('dossier');
  await expect(fromDossier).toContainText('The pledge “Officials who collude');
  await fromDossier.getByRole('button', { name: 'Close', exact: true }).click();

  // What the All annotations table shows, in its order.
  await showAnnotations(page, 'All annotations');
  const view = page.getByRole('region', { name: 'All annotations' });
  await view.getByLabel('Tag').selectOption('evidence');
  await expect(view.getByRole('status')).toHaveText('2 of 5 annotations');
  const csv = text((await download(page, { scope: 'Filtered annotations', format: 'CSV' })).bytes);
  expect(csv).toContain(EVIDENCE);
  expect(csv).toContain(UNLINKED);
  for (const quote of [PLEDGE, REPEAT, CRITIQUE]) expect(csv).not.toContain(`,"${quote}"`);
});
