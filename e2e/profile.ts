import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';

/** A browser profile on disk that outlives its browser: the library as a user keeps it. */
export async function newProfileDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'dossier-profile-'));
}

export interface OpenProfile {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors of the page so far. */
  errors: string[];
}

/** Starts Chromium on the profile and opens the app. */
export async function openProfile(dir: string): Promise<OpenProfile> {
  const { baseURL, viewport } = test.info().project.use;
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    baseURL,
    viewport: viewport ?? { width: 1400, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/');
  return { context, page, errors };
}

/** The page's renderer process dies, as in a crash; then the browser is closed. */
export async function crashAndClose({ context, page }: OpenProfile): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const crashed = page.waitForEvent('crash');
  // The command gets no answer: the page it would come from is gone.
  void cdp.send('Page.crash').catch(() => undefined);
  await crashed;
  await context.close();
}

/** What IndexedDB holds, read past the app's own code, to check the library is whole. */
export interface StoredFacts {
  documents: number;
  /** Documents per distinct file path: more documents than paths means duplicates. */
  paths: number;
  withoutText: number;
  txtPaths: string[];
  annotations: number;
  /** Annotations whose document is missing. */
  orphans: number;
  links: number;
  /** Links with an end that is missing. */
  dangling: number;
  notes: Record<string, string>;
}

export async function storedFacts(page: Page): Promise<StoredFacts> {
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
    const keys = (store: string) =>
      new Promise<IDBValidKey[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAllKeys();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const docs = await all<{ id: string; filePath: string }>('documents');
    const contents = new Set((await keys('contents')).map(String));
    const annotations = await all<{ id: string; docId: string; note: string }>('annotations');
    const links = await all<{ fromId: string; toId: string }>('links');
    db.close();
    const docIds = new Set(docs.map((d) => d.id));
    const annotationIds = new Set(annotations.map((a) => a.id));
    return {
      documents: docs.length,
      paths: new Set(docs.map((d) => d.filePath)).size,
      withoutText: docs.filter((d) => !contents.has(d.id)).length,
      txtPaths: docs.map((d) => d.filePath).filter((p) => p.endsWith('.txt')),
      annotations: annotations.length,
      orphans: annotations.filter((a) => !docIds.has(a.docId)).length,
      links: links.length,
      dangling: links.filter((l) => !annotationIds.has(l.fromId) || !annotationIds.has(l.toId))
        .length,
      notes: Object.fromEntries(annotations.map((a) => [a.id, a.note])),
    };
  });
}

/** Everything a crash must never leave: duplicates, documents without text, broken links. */
export function expectWhole(facts: StoredFacts): void {
  expect(facts.paths, 'one document per file').toBe(facts.documents);
  expect(facts.withoutText, 'every document has its text').toBe(0);
  expect(facts.orphans, 'no annotation without its document').toBe(0);
  expect(facts.dangling, 'no link to a missing annotation').toBe(0);
}
