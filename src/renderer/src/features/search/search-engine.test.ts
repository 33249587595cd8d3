import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runIngestJob } from '@core/jobs/ingest-job';
import { nodePdfEngine } from '../../../../../tests/pdf-engine';
import { sampleFiles } from '../../../../../tests/samples';
import { documentsRepo } from '../../db/documents-repo';
import { searchIndexRepo } from '../../db/search-index-repo';
import { DossierDb } from '../../db/schema';
import { importFiles } from '../import/import-service';
import { createSearchEngine, pageOf } from './search-engine';

let database: DossierDb;
let n = 0;
beforeEach(async () => {
  n += 1;
  database = new DossierDb(`dossier-search-${n}`);
  await database.open();
  await importFiles(
    sampleFiles().map((s) => ({
      name: s.name,
      relativePath: s.name,
      size: s.bytes.byteLength,
      read: async () => s.bytes,
    })),
    { ingest: (r) => runIngestJob(r, nodePdfEngine), library: documentsRepo(database) },
    { origin: 'samples' },
  );
});
afterEach(() => database.delete());

describe('the search engine of the index worker', () => {
  it('builds and saves the index on first open, and loads it afterwards', async () => {
    const first = await createSearchEngine(database).handle({ type: 'open' });
    expect(first).toEqual({ type: 'ready', docCount: sampleFiles().length, rebuilt: true });
    const saved = await searchIndexRepo(database).load();
    const again = await createSearchEngine(database).handle({ type: 'open' });
    expect(again).toMatchObject({ rebuilt: false });
    expect((await searchIndexRepo(database).load())?.builtAt).toBe(saved?.builtAt);
  });

  it('answers with documents, highlighted snippets and word-tight spans', async () => {
    const engine = createSearchEngine(database);
    await engine.handle({ type: 'open' });
    const reply = await engine.handle({ type: 'query', query: 'complicit' });
    if (reply.type !== 'answer' || !reply.answer.ok) throw new Error('no answer');
    expect(reply.answer.total).toBeGreaterThanOrEqual(3);
    for (const item of reply.answer.items) {
      const content = await documentsRepo(database).content(item.doc.id);
      for (const m of item.bodyMatches)
        expect(content!.text.slice(m.start, m.end).toLowerCase()).toBe('complicit');
      for (const s of item.snippets) {
        expect(s.page).toBeNull();
        for (const h of s.highlights)
          expect(s.text.slice(h.start, h.end).toLowerCase()).toBe('complicit');
      }
    }
    const bad = await engine.handle({ type: 'query', query: 'source:' });
    expect(bad).toMatchObject({ type: 'answer', answer: { ok: false } });
  });

  it('rebuilds when the library changed behind a saved index', async () => {
    await createSearchEngine(database).handle({ type: 'open' });
    const [doc] = await documentsRepo(database).list();
    await documentsRepo(database).remove(doc!.id);
    expect(await createSearchEngine(database).handle({ type: 'open' })).toMatchObject({
      rebuilt: true,
      docCount: sampleFiles().length - 1,
    });
  });
});

describe('pageOf', () => {
  it('maps offsets to 1-based pages', () => {
    const pages = [
      { start: 0, end: 10 },
      { start: 12, end: 20 },
      { start: 22, end: 30 },
    ];
    expect(pageOf(pages, 0)).toBe(1);
    expect(pageOf(pages, 15)).toBe(2);
    expect(pageOf(pages, 29)).toBe(3);
    expect(pageOf(undefined, 5)).toBeNull();
  });
});
