import { expect, test, type Locator, type Page } from '@playwright/test';
import { loadSamples, selectInReader, openFromLibrary } from './helpers';

// Each test imports the samples and draws PDF pages: give a busy machine time.
test.describe.configure({ timeout: 120_000 });

const AUDIT = /Audit of the National Shelter Programme/;
// On page 2 of the audit report, set across two lines of the PDF.
const SENTENCE =
  'On each occasion a notice on the door referred callers to a telephone number that was not answered.';
const PAGE_1_PHRASE = 'five shelters were operating, two of them only in part';

async function openAudit(page: Page): Promise<Locator> {
  await openFromLibrary(page, AUDIT);
  const reader = page.getByRole('article', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(AUDIT);
  return reader;
}

/** The words of a drawn PDF page's text layer, once pdf.js has laid it out. */
function pdfPage(reader: Locator, n: number): Locator {
  return reader.locator(`.pdf-page[data-page-number="${n}"]`);
}

/** Selects `phrase` in a page's text layer as a drag would, across the spans of its lines. */
async function selectInPdfPage(page: Page, reader: Locator, n: number, phrase: string) {
  const layer = pdfPage(reader, n).locator('.textLayer');
  await expect(layer.locator('span').first()).toBeAttached();
  const found = await layer.evaluate((root, wanted) => {
    const nodes: { node: Text; at: number }[] = [];
    let joined = '';
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      // Lines are separate spans; a reader sees a space between them.
      if (joined && !/\s$/.test(joined)) joined += ' ';
      nodes.push({ node: n as Text, at: joined.length });
      joined += (n as Text).data;
    }
    const start = joined.indexOf(wanted);
    if (start < 0) return false;
    const end = start + wanted.length;
    const locate = (offset: number): [Text, number] => {
      const hit = [...nodes].reverse().find((e) => e.at <= offset) ?? nodes[0]!;
      return [hit.node, Math.min(offset - hit.at, hit.node.data.length)];
    };
    const range = document.createRange();
    range.setStart(...locate(start));
    range.setEnd(...locate(end));
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    return true;
  }, phrase);
  expect(found, `"${phrase}" should be on page ${n}`).toBe(true);
  await expect(page.getByRole('toolbar', { name: 'Tag selection' })).toBeVisible();
}

/** The text-layer words that lie under a page's highlight boxes of one tag. */
async function wordsUnderMarks(reader: Locator, n: number, tag: string): Promise<string> {
  return pdfPage(reader, n).evaluate((pageEl, cls) => {
    const marks = [...pageEl.querySelectorAll(`.pdf-mark.hl-${cls}`)].map((m) =>
      m.getBoundingClientRect(),
    );
    const words: string[] = [];
    for (const span of pageEl.querySelectorAll<HTMLElement>('.textLayer span')) {
      const node = span.firstChild;
      if (!node?.textContent) continue;
      // Character by character, so a line only half covered gives only its covered words.
      let out = '';
      for (let i = 0; i < node.textContent.length; i += 1) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const r = range.getBoundingClientRect();
        const x = r.left + r.width / 2;
        const y = r.top + r.height / 2;
        const inside = marks.some((m) => x > m.left && x < m.right && y > m.top && y < m.bottom);
        out += inside ? node.textContent[i] : '\n';
      }
      words.push(...out.split('\n').filter((w) => w.trim() !== ''));
    }
    return words.join(' ').replace(/\s+/g, ' ').trim();
  }, tag);
}

async function storedSelectors(page: Page): Promise<unknown[]> {
  return page.evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('dossier');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result
            .transaction('annotations')
            .objectStore('annotations')
            .getAll();
          request.onsuccess = () =>
            resolve(request.result.map((a: { target: { selectors: unknown } }) => a.target));
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

test('a sentence selected on page 2 of a PDF is tagged, and after a reload is drawn over the same words', async ({
  page,
}) => {
  await loadSamples(page);
  let reader = await openAudit(page);
  await expect(reader.getByRole('button', { name: 'PDF pages' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(reader.locator('.pdf-page')).toHaveCount(3);
  await reader.getByLabel('Go to page').fill('2');
  await reader.getByLabel('Go to page').press('Enter');
  await selectInPdfPage(page, reader, 2, SENTENCE);
  await page.getByRole('button', { name: 'Evidence', exact: true }).click();
  await expect(pdfPage(reader, 2).locator('.pdf-mark.hl-evidence').first()).toBeVisible();
  // The page may still be redrawing for a panel that opened beside it: wait for it to settle.
  await expect.poll(() => wordsUnderMarks(reader, 2, 'evidence')).toBe(SENTENCE);

  const [target] = (await storedSelectors(page)) as {
    selectors: { type: string; exact?: string; index?: number }[];
  }[];
  expect(target?.selectors).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ type: 'TextQuoteSelector', exact: SENTENCE }),
      expect.objectContaining({ type: 'TextPositionSelector' }),
      { type: 'PageSelector', index: 1 },
    ]),
  );

  await page.reload();
  reader = await openAudit(page);
  await reader.getByLabel('Go to page').fill('2');
  await reader.getByLabel('Go to page').press('Enter');
  await expect(pdfPage(reader, 2).locator('.pdf-mark.hl-evidence').first()).toBeVisible();
  await expect(pdfPage(reader, 1).locator('.pdf-mark.hl-evidence')).toHaveCount(0);
  // The page may still be redrawing for a panel that opened beside it: wait for it to settle.
  await expect.poll(() => wordsUnderMarks(reader, 2, 'evidence')).toBe(SENTENCE);

  // Zoomed in, the page is redrawn larger and the highlight still covers the same words.
  const width = (await pdfPage(reader, 2).boundingBox())?.width ?? 0;
  await reader.getByRole('button', { name: 'Zoom in' }).click();
  await expect
    .poll(async () => (await pdfPage(reader, 2).boundingBox())?.width ?? 0)
    .toBeGreaterThan(width * 1.1);
  await expect.poll(() => wordsUnderMarks(reader, 2, 'evidence')).toBe(SENTENCE);
  await reader.getByRole('button', { name: 'Fit width' }).click();
  await expect.poll(async () => (await pdfPage(reader, 2).boundingBox())?.width).toBe(width);

  // Clicking the highlight selects it; clicking plain text lets go of it.
  await pdfPage(reader, 2).locator('.pdf-mark.hl-evidence').first().click({ force: true });
  await expect(pdfPage(reader, 2).locator('.pdf-mark.hl-selected').first()).toBeVisible();
  await pdfPage(reader, 2).getByText('3.1 Funding').click();
  await expect(reader.locator('.pdf-mark.hl-selected')).toHaveCount(0);

  // The same annotation in the reading text.
  await reader.getByRole('button', { name: 'Reading text' }).click();
  await expect(reader.locator('.hl-evidence')).toHaveText(SENTENCE);
});

test('Find in document counts and steps through matches in both views; j and k move between highlights', async ({
  page,
}) => {
  await loadSamples(page);
  const search = page.getByRole('searchbox', { name: 'Search documents' });
  await search.fill('ledgers');
  await page
    .getByRole('region', { name: 'Search results' })
    .getByRole('button', { name: AUDIT })
    .click();
  const reader = page.getByRole('article', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(AUDIT);
  await expect(reader.locator('.pdf-mark.search-hit.current')).toBeInViewport();

  // Opened from a search result, the find bar steps through the search's hits.
  await reader.getByRole('button', { name: 'Find in document' }).click();
  const box = reader.getByRole('searchbox', { name: 'Find text' });
  await expect(box).toBeFocused();
  const count = reader.getByRole('search', { name: 'Find in document' }).getByRole('status');
  await expect(count).toHaveText(/^Search hit 1 of \d+$/);
  await box.press('Enter');
  await expect(count).toHaveText(/^Search hit 2 of \d+$/);
  await search.fill('');

  await box.fill('ledgers');
  await expect(count).toHaveText(/^1 of (\d+)$/);
  const total = Number((await count.textContent())?.match(/of (\d+)/)?.[1]);
  expect(total).toBeGreaterThan(2);
  await expect(reader.locator('.pdf-mark.search-hit.current')).toBeVisible();
  await box.press('Enter');
  await expect(count).toHaveText(`2 of ${total}`);
  await box.press('Shift+Enter');
  await box.press('Shift+Enter');
  await expect(count).toHaveText(`${total} of ${total}`);
  // The last match is on page 2: its box is drawn there, in view.
  await expect(pdfPage(reader, 2).locator('.pdf-mark.search-hit.current')).toBeInViewport();
  await box.press('Escape');
  await expect(reader.getByRole('search', { name: 'Find in document' })).toHaveCount(0);

  await reader.getByRole('button', { name: 'Reading text' }).click();
  await page.keyboard.press('Control+f');
  await expect(box).toBeFocused();
  await box.fill('intake ledgers');
  await expect(count).toHaveText('1 of 1');
  // The search's own hit on "ledgers" cuts the match in two spans; together they read as typed.
  await expect
    .poll(async () => (await reader.locator('.search-hit.current').allTextContents()).join(''))
    .toBe('intake ledgers');
  await box.fill('no such words anywhere');
  await expect(count).toHaveText('No matches');
  await box.press('Escape');

  // Two highlights, then j / k between them, in reading order.
  await selectInReader(page, SENTENCE);
  await page.keyboard.press('3');
  await expect(reader.locator('.hl-critique')).toHaveText(SENTENCE);
  await selectInReader(page, PAGE_1_PHRASE);
  await page.keyboard.press('1');
  await expect(reader.locator('.hl-pledge')).toHaveText(PAGE_1_PHRASE);
  await page.keyboard.press('Escape');
  await expect(reader.locator('.hl-selected')).toHaveCount(0);
  await page.keyboard.press('j');
  await expect(reader.locator('.hl-selected')).toHaveText(PAGE_1_PHRASE);
  await page.keyboard.press('j');
  await expect(reader.locator('.hl-selected')).toHaveText(SENTENCE);
  await expect(reader.locator('.hl-selected')).toBeInViewport();
  await page.keyboard.press('k');
  await expect(reader.locator('.hl-selected')).toHaveText(PAGE_1_PHRASE);

  // In the PDF pages too: what was shown stays in view (the selected highlight, not the search
  // hit before it on the page), and j shows the highlight on page 2.
  await reader.getByRole('button', { name: 'PDF pages' }).click();
  await expect(pdfPage(reader, 1).locator('.pdf-mark.hl-selected').first()).toBeInViewport();
  await page.keyboard.press('j');
  await expect(pdfPage(reader, 2).locator('.pdf-mark.hl-selected').first()).toBeInViewport();
});
