import type { Browser } from '@playwright/test';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../tests/launch-chromium';
import { annotatedLibrary, libraryReport } from '../../../tests/report-library';
import { collapseWhitespace } from '../text/normalise';
import type { Report } from './report-types';
import { writeReport } from './write-report';

/**
 * The HTML report as a browser shows and prints it: Chromium is what the web app prints with
 * and what Electron's printToPDF runs, so the report is opened and printed in it here.
 */
let browser: Browser | undefined;
let unavailable = '';
let report: Report;
let html: string;

beforeAll(async () => {
  report = libraryReport(await annotatedLibrary(), 'pledge');
  html = new TextDecoder().decode(await writeReport(report, 'html'));
  ({ browser, unavailable } = await launchChromium("the HTML report's"));
}, 60_000);
afterAll(() => browser?.close());

async function openReport() {
  const page = await browser!.newPage();
  const requests: string[] = [];
  const dialogs: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('data:') && r.url() !== 'about:blank') requests.push(r.url());
  });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.setContent(html, { waitUntil: 'load' });
  return { page, requests, dialogs, problems };
}

/**
 * Text as a printed PDF gives it back. Emoji are left out on both sides: a machine without an
 * emoji font (as a bare Linux) prints no glyph for them, which the text layer reads as U+0000.
 */
function printable(text: string): string {
  return collapseWhitespace(text.replace(/\p{Extended_Pictographic}|\uFE0F|\u200D|\0/gu, ''));
}

describe('the HTML report in Chromium', () => {
  it('opens without running anything or asking for anything, and its contents links work', async (context) => {
    if (!browser) return context.skip(unavailable);
    const { page, requests, dialogs, problems } = await openReport();
    expect(await page.evaluate('document.scripts.length')).toBe(0);
    expect(requests).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    const unlinked = page.getByRole('link', { name: 'Not linked to a pledge' });
    await unlinked.click();
    expect(await page.evaluate('location.hash')).toBe(`#${report.sections.at(-1)!.id}`);
    await expect
      .poll(() =>
        page.evaluate(
          `document.getElementById(${JSON.stringify(report.sections.at(-1)!.id)}).getBoundingClientRect().top`,
        ),
      )
      .toBeLessThan(5);
    await page.close();
  });

  it('prints to a PDF with an outline of its headings, in which every quote can be read', async (context) => {
    if (!browser) return context.skip(unavailable);
    const { page } = await openReport();
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      outline: true,
      tagged: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="font-size:8px;width:100%;text-align:center"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
    });
    await page.close();
    const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf) }).promise;
    try {
      let text = '';
      for (let n = 1; n <= doc.numPages; n += 1) {
        const content = await (await doc.getPage(n)).getTextContent();
        for (const item of content.items) {
          if ('str' in item) text += item.str + (item.hasEOL ? ' ' : '');
        }
        text += ' ';
      }
      const flat = printable(text);
      for (const item of report.sections.flatMap((s) => s.items)) {
        expect(flat).toContain(printable(item.quote));
      }
      // Chapters start on their own pages, each numbered in the footer.
      expect(doc.numPages).toBeGreaterThan(report.sections.length);
      expect(flat).toContain(`1 / ${doc.numPages}`);
      const outline = (await doc.getOutline()) ?? [];
      const titles = JSON.stringify(
        outline.map((o) => [o.title, ...(o.items ?? []).map((i) => i.title)]),
      );
      expect(titles).toContain('Not linked to a pledge');
      expect(titles).toContain('Sources');
    } finally {
      await doc.loadingTask.destroy();
    }
  }, 60_000);
});
