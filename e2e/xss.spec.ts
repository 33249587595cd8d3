import { expect, test, type Page } from '@playwright/test';
import { Document, Packer, Paragraph } from 'docx';
import {
  ACTIVE_CONTENT,
  XSS_PAYLOADS,
  XSS_SHORT,
  XSS_TEXT,
  xssTextFile,
} from '../tests/xss-payloads';
import { libraryList, selectInReader, showAnnotations, showView } from './helpers';
import { download, text } from './report-helpers';

/*
 * Nothing let in: a corpus of known script-injection shapes goes into a text file's title,
 * source, author, URL and name, into imported HTML, Markdown and Word documents, and into a
 * note, an actor and a label. Every view, search, the printed dossier and the exported report
 * show them as text; nothing runs (no `window.__pwned`, no alert), nothing loads, and no active
 * element appears in the page.
 */

const SENTENCE = 'The minister promised a shelter in every province by 2012.';

function htmlFile(): string {
  const escaped = XSS_PAYLOADS.map(
    (p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`,
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Harbour watch &lt;script&gt;window.__pwned='html-title'&lt;/script&gt;</title>
<script>window.__pwned = 'html-head-script';</script>
<meta http-equiv="refresh" content="0;url=javascript:window.__pwned='html-refresh'">
<link rel="stylesheet" href="https://evil.example/site.css">
</head><body onload="window.__pwned='html-body'"><article>
<h1>Port inspections <img src=x onerror="window.__pwned='html-h1'"></h1>
<p>Inspectors said the port authority had promised weekly checks of every shelter in 2016, and that none took place.</p>
${XSS_PAYLOADS.map((p) => `<div>${p}</div>`).join('\n')}
${escaped.join('\n')}
<p>The authority promised again to inspect every shelter twice a year from 2017 onwards.</p>
</article></body></html>`;
}

function markdownFile(): string {
  return [
    '---',
    `title: "Markdown <script>window.__pwned='md-title'</script> memo"`,
    '---',
    '',
    '# Shelter memo <img src=x onerror=alert(1)>',
    '',
    'The committee promised an audit of every shelter before the end of 2013.',
    '',
    ...XSS_PAYLOADS.flatMap((p) => [p, '']),
  ].join('\n');
}

async function wordFile(): Promise<Buffer> {
  const doc = new Document({
    title: `Word ${XSS_SHORT.title}`,
    creator: XSS_SHORT.author,
    sections: [
      {
        children: [
          new Paragraph('The ministry promised that every victim would have a lawyer by 2014.'),
          ...XSS_PAYLOADS.map((p) => new Paragraph(p)),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

interface Watch {
  dialogs: string[];
  foreign: string[];
}

function watch(page: Page, origin: string): Watch {
  const w: Watch = { dialogs: [], foreign: [] };
  page.on('dialog', (dialog) => {
    w.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.context().on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !/^(blob|data):/.test(url)) w.foreign.push(url);
  });
  return w;
}

/** Nothing ran, nothing active is in the page, nothing was asked of the user. */
async function expectInert(page: Page, w: Watch, where: string): Promise<void> {
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned),
    where,
  ).toBeUndefined();
  expect(await page.locator(ACTIVE_CONTENT).count(), `active elements in ${where}`).toBe(0);
  expect(w.dialogs, where).toEqual([]);
}

test('script-injection payloads in files, metadata, notes, actors and labels show as text and never run', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const w = watch(page, baseURL ?? '');
  await page.goto('/');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files' }).click();
  await (
    await chooser
  ).setFiles([
    {
      name: XSS_SHORT.fileName,
      mimeType: 'text/plain',
      buffer: Buffer.from(xssTextFile(SENTENCE)),
    },
    { name: `<svg onload=alert(2)>.html`, mimeType: 'text/html', buffer: Buffer.from(htmlFile()) },
    {
      name: `"><script>alert(3)<\u2044script>.md`,
      mimeType: 'text/markdown',
      buffer: Buffer.from(markdownFile()),
    },
    {
      name: `<iframe srcdoc=x>.docx`,
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: await wordFile(),
    },
  ]);
  const summary = page.getByRole('region', { name: 'Import summary' });
  await expect(summary).toContainText('4 files: 4 imported', { timeout: 60_000 });
  await summary.getByRole('button', { name: 'Show details' }).click();
  await expect(summary).toContainText(XSS_SHORT.fileName);
  await expectInert(page, w, 'import summary');
  await summary.getByRole('button', { name: 'Close import summary' }).click();

  // The library lists the titles as typed.
  const library = await libraryList(page);
  await expect(library.getByRole('listitem')).toHaveCount(4);
  await expect(library).toContainText(`onerror="window.__pwned='title'"`);
  await expectInert(page, w, 'library');

  // Each document in the reader.
  const reader = page.getByRole('article', { name: 'Reader' });
  const readerText: string[] = [];
  for (let i = 0; i < 4; i += 1) {
    await (
      await libraryList(page)
    )
      .getByRole('listitem')
      .nth(i)
      .getByRole('button')
      .first()
      .click();
    await expect(reader).toBeVisible();
    readerText.push(await reader.innerText());
    await expectInert(page, w, `reader, document ${i + 1}`);
  }
  const all = readerText.join('\n');
  // The text file and the Word file hold every payload as a paragraph of text; the web page's
  // escaped copies come out as text too.
  for (const payload of XSS_PAYLOADS) {
    expect(readerText.filter((t) => t.includes(payload)).length, payload).toBeGreaterThanOrEqual(2);
  }
  expect(all).toContain(XSS_SHORT.url);
  expect(all).toContain(`Port inspections`);

  // Tag a passage of the text file, with a note, an actor and a label full of payloads.
  await (
    await libraryList(page)
  )
    .getByRole('button', { name: XSS_SHORT.title, exact: true })
    .click();
  await selectInReader(page, SENTENCE);
  await page.getByRole('button', { name: 'Pledge', exact: true }).click();
  const panel = page.getByRole('complementary', { name: 'Annotations' });
  // A new annotation is selected, with its details open.
  await panel.getByLabel('Note').fill(XSS_TEXT);
  await panel.getByLabel('Note').press('Control+Enter');
  await panel.getByLabel('Actor').fill(XSS_SHORT.actor);
  await panel.getByLabel('Actor').press('Enter');
  await panel.getByLabel('Labels').fill(XSS_SHORT.label);
  await panel.getByLabel('Labels').press('Enter');
  const rendered = panel.locator('.note-rendered');
  await expect(rendered).toContainText(`<script>window.__pwned='script'</script>`);
  await expect(rendered).toContainText(`<img src="x" onerror="alert('img-alert')">`);
  await expectInert(page, w, 'annotation panel');

  // The annotations table and annotation search.
  await showAnnotations(page, 'All annotations');
  const table = page.getByRole('region', { name: 'All annotations' });
  await expect(table).toContainText(XSS_SHORT.actor);
  await expect(table).toContainText(`window.__pwned='svg-onload'`);
  await expectInert(page, w, 'annotations table');
  await page.getByRole('radio', { name: 'Annotations' }).check();
  await page.getByRole('searchbox', { name: 'Search annotations' }).fill('minister');
  await expect(page.getByRole('main')).toContainText(XSS_SHORT.actor.slice(0, 20));
  await expectInert(page, w, 'annotation search');
  await page.getByRole('radio', { name: 'Documents' }).check();
  await page.getByRole('searchbox', { name: 'Search documents' }).fill('pwned');
  await expect(page.getByRole('region', { name: 'Search results' })).toContainText('__pwned');
  await expectInert(page, w, 'document search');
  await page.getByRole('searchbox', { name: 'Search documents' }).fill('');

  // The dossier, on screen and as printed.
  await showView(page, 'Dossiers');
  await page
    .getByRole('table', { name: 'Pledge chains' })
    .getByRole('row')
    .filter({ hasText: 'minister promised' })
    .getByRole('link')
    .click();
  const dossier = page.getByRole('region', { name: 'Pledge dossier' });
  await expect(dossier).toContainText(`<svg onload="window.__pwned='svg-onload'"></svg>`);
  await page.emulateMedia({ media: 'print' });
  await expect(dossier).toContainText(
    `<iframe srcdoc="<script>parent.__pwned='srcdoc'</script>"></iframe>`,
  );
  await page.pdf({ format: 'A4' });
  await expectInert(page, w, 'printed dossier');
  await page.emulateMedia({ media: 'screen' });

  for (const tab of ['Matrix', 'Timeline', 'Gap queries']) {
    await showView(page, 'Analysis');
    const link = page
      .getByRole('navigation', { name: 'Analysis' })
      .getByRole('link', { name: tab });
    if ((await link.count()) > 0) await link.click();
    await expectInert(page, w, `analysis ${tab}`);
  }

  // The exported report holds the payloads as escaped text.
  const markdown = text((await download(page, { format: 'Markdown' })).bytes);
  expect(markdown).not.toMatch(/<(script|img|svg|iframe|object|embed|style|link|meta|base)\b/i);
  expect(markdown).toContain('&lt;script&gt;');

  await expectInert(page, w, 'the end');
  expect(w.foreign).toEqual([]);
});

test('the CSP of the built page refuses inline script and inline handlers', async ({ page }) => {
  await page.goto('/');
  const csp =
    (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ??
    '';
  const scriptSrc = csp
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith('script-src'));
  // No 'unsafe-inline', no 'unsafe-eval', no other origin.
  expect(scriptSrc).toBe("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("connect-src 'self'");

  await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible();
  const outcome = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      violations.push(e.violatedDirective),
    );
    const inline = document.createElement('script');
    inline.textContent = "window.__pwned = 'inline-script';";
    document.body.append(inline);
    const handler = document.createElement('div');
    handler.setAttribute('onclick', "window.__pwned = 'inline-handler'");
    document.body.append(handler);
    handler.click();
    await new Promise((resolve) => setTimeout(resolve, 100));
    return {
      pwned: (window as unknown as { __pwned?: string }).__pwned,
      violations,
    };
  });
  expect(outcome.pwned).toBeUndefined();
  expect(outcome.violations).toEqual(expect.arrayContaining(['script-src-elem']));
});
