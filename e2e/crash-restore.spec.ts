import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import {
  SAMPLE_COUNT,
  downloadFromMore,
  libraryCount,
  loadSamples,
  loadSamplesWithAnnotations,
  moreWithFile,
  openDocument,
  resultItem,
  searchBox,
  searchFor,
  selectInReader,
  showAnnotations,
  showView,
} from './helpers';
import {
  crashAndClose,
  expectWhole,
  newProfileDir,
  openProfile,
  storedFacts,
  type OpenProfile,
} from './profile';

// A library of a few hundred documents is built and backed up once, then restored into other
// profiles, each started several times over.
test.describe.configure({ mode: 'serial', timeout: 420_000 });

/** Enough documents that the restore writes several batches (of 200) in its transaction. */
const NOTES = 650;
const DOCUMENTS = SAMPLE_COUNT + NOTES;
/** A passage none of the sample annotations holds: the analyst's own evidence. */
const OWN = 'Four customs officers from the Tarsk post have been suspended on full pay';
const OWN_NOTE = 'Checked against the ministry’s own register';

const LEDGER =
  'The port auditor compared the quillwort cargo manifests with the customs ledger, found three ' +
  'containers listed twice and one never listed, and sent the discrepancy to the ministry.\n\n';

async function auditNotes(): Promise<string> {
  const folder = join(await mkdtemp(join(tmpdir(), 'dossier-restore-')), 'audit-notes');
  await mkdir(folder);
  for (let i = 0; i < NOTES; i += 1) {
    await writeFile(
      join(folder, `audit-${String(i).padStart(3, '0')}.txt`),
      `Audit note ${i}\n\nThe auditor stamped the gannet${i} file at berth ${i}.\n\n` +
        LEDGER.repeat(40),
    );
  }
  return folder;
}

/** The library as stored, read past the app's code and put in a fixed order to compare. */
interface Digest {
  documents: { id: string; title: string; contentHash: string; text: number }[];
  annotations: { id: string; docId: string; tag: string; note: string; updatedAt: number }[];
  links: { id: string; fromId: string; toId: string }[];
}

async function digest(page: Page): Promise<Digest> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('dossier');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
        request.onerror = () => reject(request.error);
      });
    const docs = await all<{ id: string; title: string; contentHash: string }>('documents');
    const texts = new Map(
      (await all<{ docId: string; text: string }>('contents')).map((c) => [c.docId, c.text]),
    );
    const annotations = await all<Digest['annotations'][number]>('annotations');
    const links = await all<Digest['links'][number]>('links');
    db.close();
    const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id);
    return {
      documents: docs
        .map((d) => ({
          id: d.id,
          title: d.title,
          contentHash: d.contentHash,
          text: texts.get(d.id)?.length ?? -1,
        }))
        .sort(byId),
      annotations: annotations
        .map((a) => ({
          id: a.id,
          docId: a.docId,
          tag: a.tag,
          note: a.note,
          updatedAt: a.updatedAt,
        }))
        .sort(byId),
      links: links.map((l) => ({ id: l.id, fromId: l.fromId, toId: l.toId })).sort(byId),
    };
  });
}

/** Starts restoring `backup` and waits until the progress dialog shows `phase`. */
async function restoreUntil(page: Page, backup: string, phase: RegExp) {
  await moreWithFile(page, 'Restore library', backup);
  await page.waitForFunction(
    (source) => {
      const dialog = document.querySelector('dialog[aria-label="Restore library"]');
      return new RegExp(source).test(dialog?.textContent ?? '');
    },
    phase.source,
    { polling: 10, timeout: 120_000 },
  );
}

/** Restores `backup` to the end and answers the summary dialog's text. */
async function restoreFully(page: Page, backup: string, title: string): Promise<string> {
  await moreWithFile(page, 'Restore library', backup);
  const summary = page.getByRole('dialog', { name: title });
  await expect(summary).toBeVisible({ timeout: 120_000 });
  const text = await summary.innerText();
  await summary.getByRole('button', { name: 'Done' }).click();
  return text;
}

/** What the analyst sees of the annotations and links: the views' own counts. */
async function shownCounts(page: Page) {
  await showAnnotations(page, 'All annotations');
  const annotations = await page
    .getByRole('region', { name: 'All annotations' })
    .getByRole('status')
    .innerText();
  await showView(page, 'Dossiers');
  const chains = page.getByRole('region', { name: 'Dossiers' }).getByRole('status');
  await expect(chains).not.toHaveText('Loading…');
  return { annotations, chains: await chains.innerText() };
}

/**
 * The library opens whole: the counts of the views match what is stored, documents open with
 * their text and their annotations anchored, and the search index agrees with the library.
 */
async function checkOpensWhole(page: Page, stored: Digest, notes: number) {
  await showView(page, 'Library');
  await expect(libraryCount(page)).toHaveText(`${stored.documents.length} documents`);
  expectWhole(await storedFacts(page));
  // Every annotation is in the library with its document, every link with both its ends.
  const docIds = new Set(stored.documents.map((d) => d.id));
  const annotationIds = new Set(stored.annotations.map((a) => a.id));
  expect(stored.documents.every((d) => d.text > 0)).toBe(true);
  expect(stored.annotations.every((a) => docIds.has(a.docId))).toBe(true);
  expect(stored.links.every((l) => annotationIds.has(l.fromId) && annotationIds.has(l.toId))).toBe(
    true,
  );
  for (const title of [/Justice Minister Vows Crackdown/, /Complicit Officials/]) {
    await openDocument(page, title);
    const doc = stored.documents.find((d) => title.test(d.title));
    const count = stored.annotations.filter((a) => a.docId === doc?.id).length;
    const panel = page.getByRole('complementary', { name: 'Annotations' });
    await expect(panel.getByRole('heading', { level: 2 })).toHaveText(`Annotations (${count})`);
    await expect(panel.getByText('Not found in the current text')).toBeHidden();
  }
  // The index catches up with the library at start; then search agrees with it.
  await expect(page.locator('.index-status')).toHaveText('', { timeout: 120_000 });
  await searchFor(page, 'collude traffickers', /^\d+ documents? found/);
  if (notes > 0) {
    await searchFor(page, 'quillwort', new RegExp(`^${notes} documents found`));
    await searchFor(page, `gannet${notes - 1}`, /^1 document found/);
    // A document far down the list opens with its text.
    await searchFor(page, 'gannet7', /^1 document found/);
    await resultItem(page, /Audit note 7/).click();
    await expect(
      page.getByRole('article', { name: 'Reader' }).getByRole('heading', { level: 1 }),
    ).toHaveText('Audit note 7');
    await expect(page.getByTestId('reader-body')).toContainText('The auditor stamped the gannet7');
  }
  await searchBox(page).fill('');
}

/** The start's notice that a restore was cut short before it wrote anything. */
async function expectInterruptedNotice(page: Page, backupName: string) {
  const check = page
    .getByRole('region', { name: 'Library notices' })
    .getByRole('status', { name: 'Library check' });
  await expect(check).toContainText(
    `The restore from “${backupName}” was interrupted when Dossier closed: nothing of it was written, and the library is as it was before.`,
  );
  await check.getByRole('button', { name: /Dismiss/ }).click();
  await expect(check).toBeHidden();
}

interface Stop {
  name: string;
  /** Stopped once the progress dialog shows this. */
  phase: RegExp;
  how: 'page dies' | 'window closed';
}

const EARLY: RegExp = /Checking: \d+ of/;
const LATE: RegExp = /Writing: [1-9]\d* of/;

/**
 * Starts restoring the backup, stops it at `stop` and starts the browser again: the library is
 * exactly as `before`, and the start says the restore was interrupted, or it holds the whole
 * backup (`whole` checks that). At a busy moment a restore can finish before the browser is
 * gone, so either may come; the test's notes say which did.
 */
async function restoreAndStop(
  app: OpenProfile,
  profile: string,
  stop: Stop,
  before: Digest,
  whole: (library: Digest) => void,
): Promise<{ app: OpenProfile; committed: boolean }> {
  await restoreUntil(app.page, backup, stop.phase);
  if (stop.how === 'page dies') await crashAndClose(app);
  else await app.context.close();
  const next = await reopen(profile);
  const now = await digest(next.page);
  const committed = !isDeepStrictEqual(now, before);
  if (committed) whole(now);
  else await expectInterruptedNotice(next.page, basename(backup));
  expect(next.errors).toEqual([]);
  const description = `${stop.how}: ${committed ? 'the restore had committed' : 'nothing written'}`;
  test.info().annotations.push({ type: `${stop.name} stop`, description });
  return { app: next, committed };
}

/** Starts the browser on the profile: the app opens without error. */
async function reopen(profile: string): Promise<OpenProfile> {
  const app = await openProfile(profile);
  await expect(app.page.getByRole('navigation', { name: 'Views' })).toBeVisible();
  return app;
}

let backup = '';
let source: Digest;
let sourceCounts: { annotations: string; chains: string };

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await loadSamplesWithAnnotations(page);
  const folder = await auditNotes();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import folder' }).click();
  await (await chooser).setFiles(folder);
  await expect(page.getByRole('region', { name: 'Import summary' })).toContainText(
    `${NOTES} files: ${NOTES} imported`,
    { timeout: 240_000 },
  );
  source = await digest(page);
  expect(source.documents).toHaveLength(DOCUMENTS);
  sourceCounts = await shownCounts(page);
  backup = await downloadFromMore(page, 'Back up library');
  await page.context().close();
});

test('a restore into an empty library cut short early and late leaves it empty or whole', async () => {
  const profile = await newProfileDir();
  let app = await reopen(profile);
  await expect(
    app.page.getByRole('button', { name: 'Load sample collection', exact: true }),
  ).toBeVisible();
  const empty = await digest(app.page);
  expect(empty).toEqual({ documents: [], annotations: [], links: [] });

  // Early, while the backup is checked: the page dies. Late, while its documents are
  // written in the restore's one transaction: the window is closed.
  const stops: Stop[] = [
    { name: 'early', phase: EARLY, how: 'page dies' },
    { name: 'late', phase: LATE, how: 'window closed' },
  ];
  let committed = false;
  for (const stop of stops) {
    if (committed) break;
    ({ app, committed } = await restoreAndStop(app, profile, stop, empty, (library) =>
      expect(library).toEqual(source),
    ));
  }
  if (!committed) {
    const text = await restoreFully(app.page, backup, 'Library restored');
    expect(text).toContain(`Documents: ${DOCUMENTS} added`);
  }

  const restored = await digest(app.page);
  expect(restored).toEqual(source);
  await checkOpensWhole(app.page, restored, NOTES);
  expect(await shownCounts(app.page)).toEqual(sourceCounts);
  expect(app.errors).toEqual([]);
  await app.context.close();
});

test('a merge into a library with its own work cut short early and late changes nothing or completes', async () => {
  const profile = await newProfileDir();
  let app = await reopen(profile);
  // The analyst's own library: the samples, with a passage tagged and a note on it.
  await loadSamples(app.page);
  await openDocument(app.page, /Justice Minister Vows Crackdown/);
  await selectInReader(app.page, OWN);
  await app.page.keyboard.press('2');
  const panel = app.page.getByRole('complementary', { name: 'Annotations' });
  await panel.getByRole('button', { name: 'Delete annotation' }).waitFor();
  await app.page.keyboard.press('n');
  await app.page.keyboard.type(OWN_NOTE);
  await app.page.keyboard.press('Control+Enter');
  await expect(panel.locator('.note-rendered')).toHaveText(OWN_NOTE);
  const before = await digest(app.page);

  // Merged: the library's own documents and annotation kept, the backup's added beside them.
  const isMerged = (merged: Digest) => {
    expect(merged.documents).toHaveLength(DOCUMENTS);
    expect(merged.documents).toEqual(expect.arrayContaining(before.documents));
    expect(merged.annotations).toEqual(expect.arrayContaining(before.annotations));
    expect(merged.annotations).toHaveLength(before.annotations.length + source.annotations.length);
    expect(merged.links).toHaveLength(source.links.length);
  };
  const stops: Stop[] = [
    { name: 'early', phase: EARLY, how: 'window closed' },
    { name: 'late', phase: LATE, how: 'page dies' },
  ];
  let committed = false;
  let stopped = before;
  for (const stop of stops) {
    if (committed) break;
    ({ app, committed } = await restoreAndStop(app, profile, stop, before, isMerged));
    stopped = await digest(app.page);
  }
  if (!committed) {
    const text = await restoreFully(app.page, backup, 'Backup merged');
    expect(text).toContain(`Documents: ${NOTES} added, ${SAMPLE_COUNT} matched`);
  }
  const merged = await digest(app.page);
  isMerged(merged);
  // A merge that had committed before the stop is the library found, unchanged since.
  if (committed) expect(merged).toEqual(stopped);
  await checkOpensWhole(app.page, merged, NOTES);
  expect(app.errors).toEqual([]);
  await app.context.close();
});
