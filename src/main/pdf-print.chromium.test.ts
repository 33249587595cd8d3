import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../tests/launch-chromium';
import { chromiumPdfWindows } from '../../tests/chromium-pdf-windows';
import { annotatedLibrary, libraryReport, reportItems } from '../../tests/report-library';
import { createPdfPrinter } from './pdf-print';
import { collapseWhitespace } from '../core/text/normalise';
import { citationLine, tagLabel } from '../core/export/report-text';
import type { Report } from '../core/export/report-types';
import { writePrintHtml } from '../core/export/write-print-html';

/**
 * The desktop app's PDF, made as the app makes it: the report written to print in parts,
 * printed by main's printer in parallel hidden windows (Chromium pages standing in for
 * Electron's windows; printToPDF is Chromium's PDF printer either way) and joined. Read back
 * with pdf.js: every quote with its citation, page numbers over the whole, the outline, and
 * contents entries that lead to their headings' pages.
 */
let browser: Browser | undefined;
let unavailable = '';
let report: Report;
let temp: string;

beforeAll(async () => {
  report = libraryReport(await annotatedLibrary(), 'document');
  temp = await mkdtemp(join(tmpdir(), 'dossier-pdf-join-'));
  ({ browser, unavailable } = await launchChromium("the PDF report's"));
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await rm(temp, { recursive: true, force: true });
});

/** Text as printed: emoji left out (a bare Linux has no glyph for them; pdf.js reads U+0000). */
const printable = (text: string) =>
  collapseWhitespace(text.replace(/\p{Extended_Pictographic}|\uFE0F|\u200D|\0/gu, ''));

describe('the PDF report printed in parts and joined', () => {
  it('holds every quote and citation, numbers every page, and has an outline and linked contents', async (context) => {
    if (!browser) return context.skip(unavailable);
    const printed = writePrintHtml(report, true, 4);
    expect(printed.parts.length).toBeGreaterThan(3);
    const windows = await chromiumPdfWindows(browser);
    const print = createPdfPrinter({ ...windows, tempDir: temp, windows: 2 });
    const pdf = await print(printed);
    // Two windows, each printing part after part.
    expect(windows.opened()).toBe(2);
    expect(windows.blocked).toEqual([]);
    await windows.close();
    expect(await readdir(temp)).toEqual([]);

    const doc = await pdfjs.getDocument({ data: pdf.slice(), verbosity: 0 }).promise;
    try {
      const pages: string[] = [];
      for (let n = 1; n <= doc.numPages; n += 1) {
        const content = await (await doc.getPage(n)).getTextContent();
        pages.push(
          printable(
            content.items.map((i) => ('str' in i ? i.str + (i.hasEOL ? ' ' : '') : '')).join(''),
          ),
        );
      }
      const all = pages.join(' ');
      for (const item of reportItems(report)) {
        expect(all).toContain(printable(item.quote));
        // The citation line breaks where the page is full: compared without spaces.
        expect(all.replace(/\s/g, '')).toContain(
          printable(citationLine(item.citation)).replace(/\s/g, ''),
        );
      }
      for (const tag of ['pledge', 'evidence', 'critique'] as const) {
        expect(all).toContain(tagLabel(tag));
      }
      // Numbered over the whole report, not part by part.
      pages.forEach((text, i) => expect(text).toContain(`Page ${i + 1} of ${doc.numPages}`));

      const outline = (await doc.getOutline()) ?? [];
      expect(outline.map((o) => o.title)).toEqual(['Dossier report']);
      const sections = outline[0]?.items ?? [];
      expect(sections.map((o) => o.title)).toEqual([
        'Contents',
        ...report.sections.map((s) => s.title),
        'Sources',
      ]);
      // Each bookmark leads to the page its heading is on.
      for (const entry of sections) {
        const [ref] = entry.dest as [{ num: number; gen: number }];
        const page = await doc.getPageIndex(ref);
        expect(pages[page], entry.title).toContain(printable(entry.title));
      }
      expect(sections.some((s) => s.items.length > 0)).toBe(true);

      // The contents entries lead there too, with the page number beside each.
      const links = await (await doc.getPage(1)).getAnnotations();
      const contents = links.filter((a) => a.subtype === 'Link' && Array.isArray(a.dest));
      expect(contents.length).toBeGreaterThanOrEqual(report.sections.length + 1);
      expect(links.some((a) => typeof a.url === 'string')).toBe(false);
      for (const link of contents) {
        const page = await doc.getPageIndex(link.dest[0]);
        expect(pages[0]).toMatch(new RegExp(`\\b${page + 1}\\b`));
      }
    } finally {
      await doc.loadingTask.destroy();
    }
  }, 120_000);
});
