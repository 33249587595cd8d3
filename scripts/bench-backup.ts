/**
 * Backup and restore benchmark: fills a library in Chromium with generated documents and
 * annotations (written straight into IndexedDB), then times **Back up library** and
 * **Restore library** through the real menu and worker, and prints the times (targets: backup
 * <= 30 s, restore <= 60 s), the file's size and the longest main-thread task.
 * Options: --docs 5000 --annotations 20000. Port: DOSSIER_E2E_PORT (default 5198).
 */
import { statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium';
import { BASE_URL, startServer, stopServer, waitForServer } from './bench-server';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const DOCS = arg('docs', 5000);
const ANNOTATIONS = arg('annotations', 20000);
const fmt = (n: number, d = 1) => n.toFixed(d);

/** Writes the library into the app's IndexedDB database, as the importer would have. */
async function seed(page: Page) {
  // tsx names inner functions with a helper the page lacks; give the page one.
  await page.evaluate('window.__name = (f) => f');
  await page.evaluate(
    async ({ docs, annotations }) => {
      const open = () =>
        new Promise<IDBDatabase>((resolve, reject) => {
          const r = indexedDB.open('dossier');
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
      const db = await open();
      const words =
        'pledge shelter province minister audit court trafficking evidence budget report police border victims'.split(
          ' ',
        );
      const hex = (n: number) => n.toString(16).padStart(64, '0');
      const perDoc = Math.ceil(annotations / docs);
      let made = 0;
      for (let start = 0; start < docs; start += 250) {
        const tx = db.transaction(
          ['documents', 'contents', 'originals', 'annotations'],
          'readwrite',
        );
        for (let i = start; i < Math.min(docs, start + 250); i += 1) {
          const text = Array.from(
            { length: 500 },
            (_, k) => words[(i * 7 + k * 13) % words.length],
          ).join(' ');
          const bytes = new TextEncoder().encode(text);
          const id = `doc-${i}`;
          tx.objectStore('documents').put({
            id,
            title: `Report ${i}`,
            source: 'Bench',
            date: '2015-01-01',
            author: null,
            url: null,
            language: 'en',
            format: 'txt',
            fileName: `${id}.txt`,
            filePath: `${id}.txt`,
            contentHash: hex(i + 1),
            byteLength: bytes.byteLength,
            textLength: text.length,
            importedAt: 1,
          });
          tx.objectStore('contents').put({
            docId: id,
            text,
            blocks: [{ kind: 'paragraph', start: 0, end: text.length }],
          });
          tx.objectStore('originals').put({ docId: id, bytes });
          for (let k = 0; k < perDoc && made < annotations; k += 1, made += 1) {
            const s = k * 40;
            tx.objectStore('annotations').put({
              id: `ann-${made}`,
              docId: id,
              tag: ['pledge', 'evidence', 'critique'][k % 3],
              note: `Note ${made}`,
              target: {
                contentHash: hex(i + 1),
                selectors: [
                  {
                    type: 'TextQuoteSelector',
                    exact: text.slice(s, s + 30),
                    prefix: text.slice(Math.max(0, s - 32), s),
                    suffix: text.slice(s + 30, s + 62),
                  },
                  { type: 'TextPositionSelector', start: s, end: s + 30 },
                ],
              },
              createdAt: 1,
              updatedAt: 1,
            });
          }
        }
        await new Promise((resolve, reject) => {
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error);
        });
      }
      db.close();
    },
    { docs: DOCS, annotations: ANNOTATIONS },
  );
}

async function watchLongTasks(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __longest: number };
    w.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
    }).observe({ type: 'longtask' });
  });
}
const longest = (page: Page) =>
  page.evaluate(() => (window as unknown as { __longest: number }).__longest);

async function command(page: Page, name: string) {
  await page.getByRole('button', { name: 'More', exact: true }).click();
  await page.getByRole('menuitem', { name }).click();
}

async function main() {
  const server = startServer();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    await waitForServer();
    const page = await (await browser.newContext()).newPage();
    await page.goto(BASE_URL);
    await page.getByRole('button', { name: 'Load sample collection', exact: true }).waitFor();
    await seed(page);
    await page.reload();
    await page.getByRole('region', { name: 'Library' }).waitFor({ timeout: 120_000 });
    // Let the first index build finish, so it does not share the processor with the backup.
    // It says "Indexing…" once the index worker has loaded what is saved and found work.
    const indexing = page.getByText('Indexing…');
    await indexing.waitFor({ state: 'attached', timeout: 120_000 });
    await indexing.waitFor({ state: 'detached', timeout: 600_000 });
    console.log(`Dossier backup benchmark: ${DOCS} documents, ${ANNOTATIONS} annotations`);

    await watchLongTasks(page);
    const downloaded = page.waitForEvent('download', { timeout: 600_000 });
    let t = performance.now();
    await command(page, 'Back up library');
    const file = await downloaded;
    const path = join(
      await mkdtemp(join(tmpdir(), 'dossier-bench-backup-')),
      file.suggestedFilename(),
    );
    await file.saveAs(path);
    const backupSeconds = (performance.now() - t) / 1000;
    console.log(
      `  backup: ${fmt(backupSeconds, 2)} s (target <= 30 s), file ${fmt(statSync(path).size / 1e6)} MB, longest main-thread task ${fmt(await longest(page), 0)} ms`,
    );

    const fresh = await (await browser.newContext()).newPage();
    await fresh.goto(BASE_URL);
    await fresh.getByRole('button', { name: 'Load sample collection', exact: true }).waitFor();
    await watchLongTasks(fresh);
    const chooser = fresh.waitForEvent('filechooser');
    await command(fresh, 'Restore library');
    t = performance.now();
    await (await chooser).setFiles(path);
    await fresh.getByRole('dialog', { name: 'Library restored' }).waitFor({ timeout: 600_000 });
    const restoreSeconds = (performance.now() - t) / 1000;
    console.log(
      `  restore: ${fmt(restoreSeconds, 2)} s (target <= 60 s; checked and written, before the index rebuild), longest main-thread task ${fmt(await longest(fresh), 0)} ms`,
    );
  } finally {
    await browser.close();
    stopServer(server);
  }
}

await main();
