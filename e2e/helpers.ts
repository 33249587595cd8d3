import { expect, type Page } from '@playwright/test';

export const SAMPLE_COUNT = 13;

/** Loads the bundled samples into an empty library and waits for the import to finish. */
export async function loadSamples(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Load sample collection' }).click();
  const summary = page.getByRole('dialog', { name: 'Import summary' });
  // Thirteen files, a PDF among them: a machine busy with other work needs more than one
  // expectation's default wait.
  await expect(summary).toContainText(`${SAMPLE_COUNT} files: ${SAMPLE_COUNT} imported`, {
    timeout: 60_000,
  });
  await summary.getByRole('button', { name: 'Close import summary' }).click();
}

/**
 * Selects the first occurrence of `phrase` in the reader, as a user's drag would, with the
 * focus taken off any field (so that keys go to the reader); false when it is not there.
 */
function selectPhrase(page: Page, phrase: string): Promise<boolean> {
  return page.getByTestId('reader-body').evaluate((body, wanted) => {
    (document.activeElement as HTMLElement | null)?.blur();
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    const full = nodes.map((n) => n.data).join('');
    const at = full.indexOf(wanted);
    if (at < 0) return false;
    const locate = (offset: number, isEnd: boolean): [Text, number] => {
      let seen = 0;
      for (const node of nodes) {
        const len = node.data.length;
        if (offset < seen + len || (isEnd && offset === seen + len)) return [node, offset - seen];
        seen += len;
      }
      const last = nodes[nodes.length - 1] as Text;
      return [last, last.data.length];
    };
    const range = document.createRange();
    range.setStart(...locate(at, false));
    range.setEnd(...locate(at + wanted.length, true));
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    return true;
  }, phrase);
}

/** Selects the first occurrence of `phrase` in the reader and waits for the tag toolbar. */
export async function selectInReader(page: Page, phrase: string): Promise<void> {
  expect(await selectPhrase(page, phrase), `"${phrase}" should be in the reader`).toBe(true);
  await expect(page.getByRole('toolbar', { name: 'Tag selection' })).toBeVisible();
}

/** Opens a document from the library list and waits for the reader to show it. */
export async function openDocument(page: Page, title: RegExp): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: title })
    .click();
  await expect(
    page.getByRole('article', { name: 'Reader' }).getByRole('heading', { level: 1 }),
  ).toHaveText(title);
}

/** Every request the page makes must stay on the app's own origin: Dossier works offline. */
export function recordForeignRequests(page: Page, origin: string): string[] {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      foreign.push(url);
    }
  });
  return foreign;
}

export const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search documents' });
export const searchResults = (page: Page) => page.getByRole('region', { name: 'Search results' });

/** Types a document query and waits for its answer (not the previous query's). */
export async function searchFor(page: Page, query: string, found: string | RegExp) {
  await searchBox(page).fill(query);
  await expect(searchResults(page)).toHaveAttribute('aria-busy', 'false');
  await expect(searchResults(page).getByRole('status')).toContainText(found);
}
