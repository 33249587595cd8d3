import type { Browser } from '@playwright/test';
import { marked } from 'marked';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../tests/launch-chromium';
import { TestLibrary, importedDoc, libraryReport } from '../../../tests/report-library';
import { openInChromium as openPage } from '../../../tests/open-in-chromium';
import { XSS_PAYLOADS, XSS_SHORT, XSS_TEXT, xssTextFile } from '../../../tests/xss-payloads';
import { writeReport } from './write-report';

/**
 * The script-injection corpus in every field of a report (title, source, author, URL, file
 * name, quote, note, actor, label, rationale), written as Markdown, HTML and CSV and opened as a
 * reader would: the HTML report in Chromium, the Markdown rendered to HTML by a Markdown
 * renderer that passes HTML through (as many viewers do) and opened in Chromium, the CSV
 * parsed. Every payload must come out as the characters typed, and nothing may run or load.
 */

const SENTENCE = 'The minister promised a shelter in every province by 2012.';
let browser: Browser | undefined;
let unavailable = '';
let lib: TestLibrary;

beforeAll(async () => {
  lib = new TestLibrary();
  const text = xssTextFile(SENTENCE);
  lib.add(await importedDoc({ name: XSS_SHORT.fileName, bytes: new TextEncoder().encode(text) }));
  const quoteWithPayload = XSS_PAYLOADS[6]!;
  const pledge = lib.annotate(XSS_SHORT.fileName, SENTENCE, 'pledge', {
    note: XSS_TEXT,
    actor: XSS_SHORT.actor,
    labels: [XSS_SHORT.label],
    status: 'broken',
    rationale: XSS_PAYLOADS[3]!,
  });
  const evidence = lib.annotate(XSS_SHORT.fileName, quoteWithPayload, 'evidence', {
    note: XSS_PAYLOADS[10]!,
  });
  lib.link(evidence, pledge, 'contradicts');
  ({ browser, unavailable } = await launchChromium("the report corpus's"));
}, 60_000);
afterAll(() => browser?.close());

const openInChromium = (html: string) => openPage(browser!, html);

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('the script-injection corpus in reports', () => {
  it('HTML: shown as typed, nothing runs or loads', async (context) => {
    if (!browser) return context.skip(unavailable);
    const html = decode(await writeReport(libraryReport(lib, 'pledge'), 'html'));
    const opened = await openInChromium(html);
    expect(opened.pwned).toBeUndefined();
    expect(opened.active).toBe(0);
    expect(opened.dialogs).toEqual([]);
    expect(opened.requests).toEqual([]);
    for (const payload of XSS_PAYLOADS) expect(opened.text, payload).toContain(payload);
    expect(opened.text).toContain(XSS_SHORT.actor);
    expect(opened.text).toContain(XSS_SHORT.label);
  });

  it('Markdown: rendered with HTML passed through, shown as typed, nothing runs', async (context) => {
    if (!browser) return context.skip(unavailable);
    const written = decode(await writeReport(libraryReport(lib, 'document'), 'markdown'));
    for (const markdown of [written]) {
      const html = marked.parse(markdown, { async: false, gfm: true });
      const opened = await openInChromium(`<!doctype html><body>${html}</body>`);
      expect(opened.pwned).toBeUndefined();
      expect(opened.active).toBe(0);
      expect(opened.dialogs).toEqual([]);
      expect(opened.requests).toEqual([]);
      for (const payload of XSS_PAYLOADS) expect(opened.text, payload).toContain(payload);
      expect(opened.text).toContain(XSS_SHORT.title);
      expect(opened.text).toContain(XSS_SHORT.url);
    }
  });

  it('CSV: every field as typed', async () => {
    const csv = decode(await writeReport(libraryReport(lib, 'pledge'), 'csv')).replace(
      /^\uFEFF/,
      '',
    );
    const rows = Papa.parse<Record<string, string>>(csv, { header: true }).data.filter(
      (r) => r.Tag,
    );
    const pledge = rows.find((r) => r.Tag === 'Pledge');
    expect(pledge?.Note).toBe(XSS_TEXT);
    expect(pledge?.Actor).toBe(XSS_SHORT.actor);
    expect(pledge?.Labels).toBe(XSS_SHORT.label);
    expect(pledge?.['Document title']).toBe(XSS_SHORT.title);
    expect(pledge?.URL).toBe(XSS_SHORT.url);
    expect(pledge?.['File name']).toBe(XSS_SHORT.fileName);
  });
});
