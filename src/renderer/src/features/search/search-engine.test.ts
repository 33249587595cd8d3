import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importSamples } from '../../../../../tests/sample-library';
import { sampleFiles } from '../../../../../tests/samples';
import { documentsRepo } from '../../db/documents-repo';
import { searchIndexRepo } from '../../db/search-index-repo';
import { DossierDb } from '../../db/schema';
import { createSearchEngine, pageOf } from './search-engine';

let database: DossierDb;
let n = 0;
beforeEach(async () => {
  n += 1;
  database = new DossierDb(`dossier-search-${n}`);
  await database.open();
  await importSamples(database);
});
afterEach(() => database.delete());

describe('the search engine of the index worker', () => {
  it('builds and saves the index on first open, and loads it afterwards', async () => {
    const first = await createSearchEngine(database).handle({ type: 'open' });
    expect(first).toEqual({ type: 'ready', docCount: sampleFiles().length, rebuilt: true });
    const saved = await searchIndexRepo(database).manifest();
    expect(Object.keys(saved?.signatures ?? {})).toHaveLength(sampleFiles().length);
    const again = await createSearchEngine(database).handle({ type: 'open' });
    expect(again).toMatchObject({ rebuilt: false });
    expect((await searchIndexRepo(database).manifest())?.builtAt).toBe(saved?.builtAt);
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

describe('keeping the saved index in step with the library', () => {
  async function ids(engine: ReturnType<typeof createSearchEngine>, query: string) {
    const reply = await engine.handle({ type: 'query', query });
    if (reply.type !== 'answer' || !reply.answer.ok) throw new Error('no answer');
    return reply.answer.items.map((i) => i.doc.id);
  }

  it('indexes an edit into a new small segment, and a reopened index sees it', async () => {
    const engine = createSearchEngine(database);
    await engine.handle({ type: 'open' });
    const before = await searchIndexRepo(database).segmentKeys();
    const [doc] = await documentsRepo(database).list();
    await documentsRepo(database).updateMeta(doc!.id, { title: 'Lighthouse keepers petition' });
    expect(await engine.handle({ type: 'rebuild' })).toMatchObject({
      docCount: sampleFiles().length,
    });
    expect(await ids(engine, 'lighthouse')).toEqual([doc!.id]);
    const after = await searchIndexRepo(database).segmentKeys();
    expect(after).toEqual(expect.arrayContaining(before));
    expect(after.length).toBe(before.length + 1);
    const reopened = createSearchEngine(database);
    expect(await reopened.handle({ type: 'open' })).toMatchObject({ rebuilt: false });
    expect(await ids(reopened, 'lighthouse')).toEqual([doc!.id]);
    expect(await ids(reopened, 'title:lighthouse')).toEqual([doc!.id]);
  });

  it('merges small segments once there are several, answering the same', async () => {
    const engine = createSearchEngine(database);
    await engine.handle({ type: 'open' });
    const list = await documentsRepo(database).list();
    for (let i = 0; i < 6; i += 1) {
      await documentsRepo(database).updateMeta(list[i]!.id, { title: `Lantern report ${i}` });
      await engine.handle({ type: 'rebuild' });
    }
    expect((await searchIndexRepo(database).segmentKeys()).length).toBeLessThanOrEqual(5);
    expect((await ids(engine, 'lantern')).sort()).toEqual(
      list
        .slice(0, 6)
        .map((d) => d.id)
        .sort(),
    );
    const reopened = createSearchEngine(database);
    await reopened.handle({ type: 'open' });
    expect((await ids(reopened, 'lantern')).sort()).toEqual(
      list
        .slice(0, 6)
        .map((d) => d.id)
        .sort(),
    );
    expect(await ids(reopened, 'shelters')).toEqual(await ids(engine, 'shelters'));
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
