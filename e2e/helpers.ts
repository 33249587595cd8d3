import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';

export const SAMPLE_COUNT = 13;

/** Loads the bundled samples into an empty library and waits for the import to finish. */
export async function loadSamples(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Load sample collection', exact: true }).click();
  const summary = page.getByRole('region', { name: 'Import summary' });
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

/** Opens a document from the library list and waits for the reader to show it. */
export async function openDocument(page: Page, title: RegExp): Promise<void> {
  await openFromLibrary(page, title);
  await expect(
    page.getByRole('article', { name: 'Reader' }).getByRole('heading', { level: 1 }),
  ).toHaveText(title);
}

/**
 * Tags `phrase` with the key ('1' pledge, '2' evidence, '3' critique) and links it to the
 * pledge the picker finds with `pledgeWords`, whose quote matches `pledge`.
 */
export async function tagAndLink(
  page: Page,
  phrase: string,
  key: string,
  relation: string,
  pledgeWords = 'collude rank',
  pledge = /Officials who collude/,
): Promise<void> {
  await selectInReader(page, phrase);
  await page.keyboard.press(key);
  const panel = page.getByRole('complementary', { name: 'Annotations' });
  await expect(panel.getByRole('button', { name: 'Delete annotation' })).toBeVisible();
  // The key and the button do the same.
  if (key === '3') await page.keyboard.press('l');
  else await panel.getByRole('button', { name: 'Link to pledge', exact: true }).click();
  const picker = page.getByRole('dialog', { name: 'Link to pledge' });
  await picker.getByLabel('Find a pledge').fill(pledgeWords);
  await picker.getByLabel('Relation').selectOption(relation);
  await picker.getByRole('button', { name: pledge }).click();
  await expect(picker).toBeHidden();
  await expect(panel.getByRole('list', { name: 'Linked pledges' })).toContainText(
    new RegExp(`${relation}.*${pledge.source}`, 'i'),
  );
}

export const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search documents' });
export const searchResults = (page: Page) => page.getByRole('region', { name: 'Search results' });
/** A document among the search results, by its title (not one of its snippets, named by their text). */
export const resultItem = (page: Page, title: RegExp) =>
  searchResults(page).getByRole('button', { name: title }).and(page.locator('.result-item'));

/** Types a document query and waits for its answer (not the previous query's). */
export async function searchFor(page: Page, query: string, found: string | RegExp) {
  await searchBox(page).fill(query);
  await expect(searchResults(page)).toHaveAttribute('aria-busy', 'false');
  await expect(searchResults(page).getByRole('status')).toContainText(found);
}

/** Switches to a view by the navigation bar. */
export async function showView(
  page: Page,
  name: 'Library' | 'Reader' | 'Annotations' | 'Dossiers' | 'Analysis',
): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name }).click();
  await expect(
    page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name }),
  ).toHaveAttribute('aria-current', 'page');
}

/** The Library view's list of documents (switching to the Library first). */
export async function libraryList(page: Page) {
  await showView(page, 'Library');
  return page.getByRole('list', { name: 'Documents' });
}

/** Opens a document in the reader from the Library. */
export async function openFromLibrary(page: Page, title: string | RegExp): Promise<void> {
  await (await libraryList(page)).getByRole('button', { name: title }).click();
  await expect(
    page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Reader' }),
  ).toHaveAttribute('aria-current', 'page');
}

/** Runs a command of the toolbar's More menu. */
export async function moreCommand(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'More', exact: true }).click();
  await page.getByRole('menu', { name: 'More commands' }).getByRole('menuitem', { name }).click();
}

/** The Library view's count of documents ("13 documents"). */
export const libraryCount = (page: Page) =>
  page.getByRole('region', { name: 'Library', exact: true }).getByRole('status');

/** Opens one of the annotation views: the table, or those that need review. */
export async function showAnnotations(page: Page, tab: 'All annotations' | 'Needs review') {
  await showView(page, 'Annotations');
  await page
    .getByRole('navigation', { name: 'Annotations' })
    .getByRole('link', { name: tab })
    .click();
}

export const SAMPLE_ANNOTATIONS = 37;

/** Loads the samples with the annotations written for them, and waits for both. */
export async function loadSamplesWithAnnotations(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Load sample collection with annotations' }).click();
  await expect(page.getByRole('region', { name: 'Import summary' })).toContainText(
    `${SAMPLE_COUNT} files: ${SAMPLE_COUNT} imported`,
    { timeout: 60_000 },
  );
  await expect(page.getByRole('list', { name: 'Messages' })).toContainText(
    `Loaded ${SAMPLE_ANNOTATIONS} sample annotations`,
  );
  await page.getByRole('button', { name: 'Close import summary' }).click();
}

/** Runs a More command that downloads a file, and answers where the file was saved. */
export async function downloadFromMore(page: Page, command: string): Promise<string> {
  const started = page.waitForEvent('download');
  await moreCommand(page, command);
  const file = await started;
  const path = join(mkdtempSync(join(tmpdir(), 'dossier-e2e-')), file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

/** Runs a More command that opens a file chooser, and answers it with `path`. */
export async function moreWithFile(page: Page, command: string, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await moreCommand(page, command);
  await (await chooser).setFiles(path);
}
