import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type BrowserContext, type Page, type Route } from '@playwright/test';
import { libraryCount, openFromLibrary, searchBox, searchFor, showView } from './helpers';
import {
  crashAndClose,
  expectWhole,
  newProfileDir,
  openProfile,
  storedFacts,
  type OpenProfile,
} from './profile';

// Each test starts Chromium on the same profile several times over, and imports 300 files.
test.describe.configure({ timeout: 300_000 });

const NOTES = 300;
/**
 * PDFs whose import the test can hold (they need pdf.js's CMaps): listed first, each keeps one
 * of the import's four lanes busy, so the notes go one at a time and are stored a batch a
 * second, and the import cannot finish while they are held.
 */
const PDFS = 3;
const TOTAL = NOTES + PDFS;
const CJK_PDF = fileURLToPath(
  new URL('../tests/fixtures/pdf-fonts/cjk-predefined-cmaps.pdf', import.meta.url),
);

const LOG =
  'Tide tables were checked against the harbour master’s book, the shelter on the quay was ' +
  'found locked again, and two crew lists did not match the port register for the week.\n\n';

async function harbourNotes(): Promise<string> {
  const folder = join(await mkdtemp(join(tmpdir(), 'dossier-crash-')), 'harbour-notes');
  await mkdir(folder);
  for (let i = 0; i < NOTES; i += 1) {
    await writeFile(
      join(folder, `note-${String(i).padStart(3, '0')}.txt`),
      `Harbour note ${i}\n\nThe lighthouse keeper logged the vessel kestrel${i} at dawn, ` +
        `and the ministry's inspector signed the register for berth ${i}.\n\n` +
        LOG.repeat(12),
    );
  }
  // Each a little different (a comment after the end), so none is a duplicate of another.
  const pdf = await readFile(CJK_PDF);
  for (let i = 0; i < PDFS; i += 1) {
    const copy = Buffer.concat([pdf, Buffer.from(`\n% copy ${i}\n`)]);
    await writeFile(join(folder, `0-report-${i}.pdf`), copy);
  }
  return folder;
}

/** Keeps the PDF's CMaps from loading, so the import cannot finish: it can only stop. */
async function holdPdf(context: BrowserContext) {
  const held: Route[] = [];
  await context.route('**/pdfjs/cmaps/**', (route) => void held.push(route));
}

const notice = (page: Page) =>
  page
    .getByRole('region', { name: 'Library notices' })
    .getByRole('status', { name: 'Interrupted import' });

/**
 * Waits until the progress panel shows at least `done` files of the import decided and
 * `stored` of them stored (documents are stored in batches, at least once a second).
 */
async function progressReaches(page: Page, at: { done: number; stored?: number }) {
  await page.waitForFunction(
    ({ done, stored = 0 }) => {
      const panel = document.querySelector('.import-progress')?.textContent ?? '';
      const decided = Number(/Importing (\d+) of/.exec(panel)?.[1] ?? -1);
      const kept = Number(/(\d+) stored in the library/.exec(panel)?.[1] ?? -1);
      return decided >= done && kept >= stored;
    },
    at,
    { polling: 50, timeout: 120_000 },
  );
}

/** The count of files the progress panel says are stored: a crash now must keep them all. */
async function toldStored(page: Page): Promise<number> {
  const text = await page.getByTestId('import-stored').innerText();
  return Number(/(\d+) stored in the library/.exec(text)?.[1] ?? Number.NaN);
}

async function chooseFolder(page: Page, button: Promise<void>, folder: string) {
  const chooser = page.waitForEvent('filechooser');
  await button;
  await (await chooser).setFiles(folder);
}

/**
 * Holds the next index update in the middle: the index worker's segment builders are started
 * as workers that never answer, so the update stays at "Indexing…" until the window closes.
 */
async function stallIndexUpdates(page: Page) {
  const index = page.workers().find((w) => /index\.worker/.test(w.url()));
  if (!index) throw new Error('the index worker is not running');
  await index.evaluate(() => {
    class Silent {
      onmessage: unknown = null;
      onerror: unknown = null;
      postMessage() {}
      terminate() {}
    }
    Object.assign(self, { Worker: Silent });
  });
}

const kestrelOf = (path: string) => `kestrel${Number(/note-(\d+)\.txt$/.exec(path)?.[1])}`;

/**
 * After a start on a profile whose last import was cut short: the app opens without error, the
 * notice says how many files were stored, that is what the library holds, each only once and
 * with its text, listed documents open with their text, and search agrees with the library.
 */
async function checkInterrupted(app: OpenProfile, told: number) {
  const { page } = app;
  await expect(notice(page)).toContainText(
    new RegExp(`The last import was interrupted: \\d+ of ${TOTAL} files stored\\.`),
  );
  const facts = await storedFacts(page);
  expectWhole(facts);
  // Every file the analyst was told is stored is in the library.
  expect(facts.documents).toBeGreaterThanOrEqual(told);
  await expect(notice(page)).toContainText(`${facts.documents} of ${TOTAL} files stored`);
  if (facts.documents === 0) {
    await expect(
      page.getByRole('button', { name: 'Load sample collection', exact: true }),
    ).toBeVisible();
  } else {
    await checkLibrary(page, facts.documents, facts.txtPaths);
  }
  expect(app.errors).toEqual([]);
  return facts;
}

async function checkLibrary(page: Page, documents: number, txtPaths: readonly string[]) {
  await showView(page, 'Library');
  await expect(libraryCount(page)).toHaveText(`${documents} documents`);
  const list = page.getByRole('list', { name: 'Documents' });
  const titles = await list
    .getByRole('button', { name: /Harbour note/ })
    .locator('.title')
    .allInnerTexts();
  for (const title of titles.slice(0, 3)) {
    // "Harbour note 1" alone, not "Harbour note 10".
    await openFromLibrary(page, new RegExp(`^${title.trim()}$`));
    const reader = page.getByRole('article', { name: 'Reader' });
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(title.trim());
    await expect(page.getByTestId('reader-body')).toContainText('The lighthouse keeper logged');
  }
  // The index catches up with the library at start; then search agrees with it.
  await expect(page.locator('.index-status')).toHaveText('', { timeout: 60_000 });
  const count = txtPaths.length;
  await searchFor(page, 'lighthouse', new RegExp(`^${count} documents? found`));
  for (const path of [txtPaths[0], txtPaths.at(-1)]) {
    await searchFor(page, kestrelOf(path ?? ''), /^1 document found/);
  }
  await searchBox(page).fill('');
}

test('an import cut short early, midway and late, and its index update, loses nothing and completes', async () => {
  const profile = await newProfileDir();
  const folder = await harbourNotes();

  // Early: the page's renderer dies a few files in.
  let app = await openProfile(profile);
  await holdPdf(app.context);
  await chooseFolder(
    app.page,
    app.page.getByRole('button', { name: 'Import folder' }).click(),
    folder,
  );
  await progressReaches(app.page, { done: 30 });
  let told = await toldStored(app.page);
  await crashAndClose(app);

  app = await openProfile(profile);
  const early = await checkInterrupted(app, told);

  // Midway, through Import the rest: the window is closed.
  await holdPdf(app.context);
  const rest = () => notice(app.page).getByRole('button', { name: 'Import the rest…' }).click();
  await chooseFolder(app.page, rest(), folder);
  await progressReaches(app.page, { done: 150, stored: 1 });
  told = await toldStored(app.page);
  await app.context.close();

  app = await openProfile(profile);
  const midway = await checkInterrupted(app, told);
  expect(midway.documents).toBeGreaterThanOrEqual(early.documents);

  // Late: the renderer dies again with most files stored.
  await holdPdf(app.context);
  await chooseFolder(app.page, rest(), folder);
  await progressReaches(app.page, { done: 270 });
  told = await toldStored(app.page);
  await crashAndClose(app);

  app = await openProfile(profile);
  const late = await checkInterrupted(app, told);
  expect(late.documents).toBeGreaterThanOrEqual(midway.documents);
  const stored = `stored before each stop: ${early.documents}, ${midway.documents}, ${late.documents}`;
  test.info().annotations.push({ type: 'interruptions', description: stored });

  // The rest completes; the index update after it is cut short by closing the window.
  await stallIndexUpdates(app.page);
  await chooseFolder(app.page, rest(), folder);
  const summary = app.page.getByRole('region', { name: 'Import summary' });
  // What the interrupted imports stored is skipped; at least the held PDFs are left to import.
  await expect(summary).toContainText(
    `${TOTAL} files: ${TOTAL - late.documents} imported, ${late.documents} duplicate.`,
    { timeout: 120_000 },
  );
  await summary.getByRole('button', { name: 'Show details' }).click();
  await expect(summary).toContainText('already imported before the interruption');
  await expect(app.page.locator('.index-status')).toHaveText('Indexing…');
  await app.context.close();

  app = await openProfile(profile);
  await expect(libraryCount(app.page)).toHaveText(`${TOTAL} documents`);
  await expect(notice(app.page)).toBeHidden();
  const done = await storedFacts(app.page);
  expectWhole(done);
  expect(done.documents).toBe(TOTAL);
  await checkLibrary(app.page, TOTAL, done.txtPaths);
  expect(app.errors).toEqual([]);
  await app.context.close();
});
