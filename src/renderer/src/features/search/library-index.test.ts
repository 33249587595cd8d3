import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builderPool, type SegmentBuilder } from '@core/jobs/segment-builds';
import { analyse, createEngine } from '@core/search/engine';
import { sotuDocuments } from '../../../../../tests/sotu-library';
import { documentsRepo, type NewDocument } from '../../db/documents-repo';
import { searchIndexRepo } from '../../db/search-index-repo';
import { DossierDb } from '../../db/schema';
import { createQueryAnswerer } from './query-answer';
import { createSearchEngine, type SearchAnswer } from './search-engine';
import { inProcessSegmentBuilder } from './segment-builder';

let database: DossierDb;
let n = 0;
beforeEach(async () => {
  n += 1;
  database = new DossierDb(`dossier-library-index-${n}`);
  await database.open();
});
afterEach(() => database.delete());

const QUERIES = [
  'constitution',
  'tariff revenue',
  '+war -peace',
  'title:congress',
  'goverment~1',
  'slaver*',
  '"public credit"',
  'source:gazette treaty',
];

async function seed(count: number, docs = sotuDocuments(count)) {
  await documentsRepo(database).addMany(docs);
  return docs.map((d) => d.record.id);
}

type SearchEngine = ReturnType<typeof createSearchEngine>;

async function ask(engine: SearchEngine, query: string): Promise<SearchAnswer & { ok: true }> {
  const reply = await engine.handle({ type: 'query', query });
  if (reply.type !== 'answer' || !reply.answer.ok) throw new Error(`no answer to ${query}`);
  return reply.answer;
}

/** Opens (loads, then updates) and notes the progress the update reports. */
async function openNoting(engine: SearchEngine) {
  const progress: number[] = [];
  const reply = await engine.handle({ type: 'open' }, (p) => progress.push(p.docCount));
  return { reply, progress };
}

const ranking = (answer: SearchAnswer & { ok: true }) =>
  answer.items.map((i) => [i.doc.id, i.score] as const);

/** In-process builders that note what they build; `hold` keeps a build until released. */
function recordingBuilders(size: number, hold: (ids: readonly string[]) => Promise<void>) {
  const built: string[][] = [];
  let stopped = 0;
  const pool = builderPool((): SegmentBuilder => {
    const inner = inProcessSegmentBuilder(database);
    return {
      async build(ids) {
        await hold(ids);
        const json = await inner.build(ids);
        built.push([...ids]);
        return json;
      },
      dispose: () => {
        stopped += 1;
      },
    };
  }, size);
  return { pool, built, stopped: () => stopped };
}

function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('a library index built by segment builders', () => {
  it('ranks exactly as one index built in one go, though segments finish out of order', async () => {
    const docs = sotuDocuments(2400);
    // The same article filed twice, in the first and the last segment: equal scores, which
    // must come in library order whichever segment is built first.
    const twin = docs[5] as NewDocument;
    const id = docs[2305]?.record.id ?? '';
    docs[2305] = {
      record: { ...twin.record, id },
      content: { ...twin.content, docId: id },
      original: twin.original,
    };
    const ids = await seed(2400, docs);
    const twinWords = twin.content.text.split(' ').slice(0, 4).join(' ');
    // Later segments finish first: the last is built at once, the first waits longest.
    const { pool, built, stopped } = recordingBuilders(3, async (chunk) => {
      const at = ids.indexOf(chunk[0] ?? '') / 1100;
      await new Promise((resolve) => setTimeout(resolve, (3 - at) * 150));
    });
    const engine = createSearchEngine(database, { builder: pool, segmentSize: 1100 });
    expect(await engine.handle({ type: 'open' })).toEqual({
      type: 'ready',
      docCount: 2400,
      rebuilt: true,
    });
    expect(built.map((b) => b.length)).toEqual([200, 1100, 1100]);
    // The three builders are let go once the build is done.
    expect(stopped()).toBe(3);
    expect(built.flat().sort()).toEqual(ids);

    const whole = createEngine();
    whole.add(await searchIndexRepo(database).corpus(ids));
    expect(whole.segments()).toHaveLength(1);
    const answerer = createQueryAnswerer(database);
    for (const query of [...QUERIES, `"${twinWords}"`]) {
      const expected = await answerer.answer(whole, analyse, { query });
      if (!expected.ok) throw new Error(query);
      const answer = await ask(engine, query);
      expect(answer.total, query).toBe(expected.total);
      expect(answer.total, query).toBeGreaterThan(0);
      expect(ranking(answer), query).toEqual(ranking(expected));
    }
    expect(await searchIndexRepo(database).segmentKeys()).toHaveLength(3);
    const reopened = createSearchEngine(database);
    expect(await reopened.handle({ type: 'load' })).toEqual({
      type: 'ready',
      docCount: 2400,
      rebuilt: false,
    });
    expect(await openNoting(reopened)).toEqual({
      reply: { type: 'ready', docCount: 2400, rebuilt: false },
      progress: [],
    });
    for (const query of QUERIES)
      expect(ranking(await ask(reopened, query))).toEqual(ranking(await ask(engine, query)));
  });

  it('answers queries while a build runs, from the segments attached so far', async () => {
    const ids = await seed(2000);
    const rest = gate();
    const { pool } = recordingBuilders(2, async (chunk) => {
      if (chunk[0] !== ids[0]) await rest.opened;
    });
    const engine = createSearchEngine(database, { builder: pool, segmentSize: 500 });
    let finished = false;
    const progress: number[] = [];
    const opening = engine
      .handle({ type: 'open' }, (p) => progress.push(p.docCount))
      .then((reply) => {
        finished = true;
        return reply;
      });
    while (!progress.includes(500)) await new Promise((resolve) => setTimeout(resolve, 10));
    const partial = await ask(engine, 'constitution');
    expect(finished).toBe(false);
    expect(partial.total).toBeGreaterThan(0);
    const firstIds = new Set(ids.slice(0, 500));
    expect(partial.items.every((i) => firstIds.has(i.doc.id))).toBe(true);

    rest.open();
    expect(await opening).toMatchObject({ docCount: 2000, rebuilt: true });
    expect(progress).toEqual([0, 500, 1000, 1500, 2000]);
    const full = await ask(engine, 'constitution');
    expect(full.total).toBeGreaterThan(partial.total);
    expect(full.items.some((i) => !firstIds.has(i.doc.id))).toBe(true);
  });

  it('answers from the previous index while new documents are indexed', async () => {
    const docs = sotuDocuments(600);
    await documentsRepo(database).addMany(docs.slice(0, 500));
    const later = gate();
    const { pool, built } = recordingBuilders(2, async (chunk) => {
      if (chunk.includes(docs[500]?.record.id ?? '')) await later.opened;
    });
    const engine = createSearchEngine(database, { builder: pool });
    await engine.handle({ type: 'open' });
    const before = await ask(engine, 'constitution');

    await documentsRepo(database).addMany(docs.slice(500));
    let finished = false;
    const updating = engine.handle({ type: 'rebuild' }).then(() => (finished = true));
    const during = await ask(engine, 'constitution');
    expect(finished).toBe(false);
    expect(ranking(during)).toEqual(ranking(before));
    later.open();
    await updating;
    expect(built.at(-1)).toEqual(docs.slice(500).map((d) => d.record.id));
    expect((await ask(engine, 'constitution')).total).toBeGreaterThan(before.total);
  });

  it('runs updates one after another, each planning from what the one before indexed', async () => {
    const ids = await seed(300);
    const [a, b] = [ids[3] as string, ids[200] as string];
    const started = gate();
    const release = gate();
    const { pool, built } = recordingBuilders(2, async (chunk) => {
      if (chunk[0] !== a) return;
      started.open();
      await release.opened;
    });
    const engine = createSearchEngine(database, { builder: pool });
    await engine.handle({ type: 'open' });
    built.length = 0;
    await documentsRepo(database).updateMeta(a, { title: 'Lighthouse keepers petition' });
    const first = engine.handle({ type: 'rebuild' });
    await started.opened;
    await documentsRepo(database).updateMeta(b, { title: 'Lighthouse tenders report' });
    const second = engine.handle({ type: 'rebuild' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    release.open();
    await Promise.all([first, second]);
    // Run side by side, the second update would have planned (and built) `a` again.
    expect(built).toEqual([[a], [b]]);
    expect((await ask(engine, 'lighthouse')).items.map((i) => i.doc.id).sort()).toEqual(
      [a, b].sort(),
    );
    const reopened = createSearchEngine(database);
    expect(await openNoting(reopened)).toMatchObject({
      reply: { docCount: 300, rebuilt: false },
      progress: [],
    });
    expect((await ask(reopened, 'lighthouse')).total).toBe(2);
  });
});

describe('a failed or damaged build', () => {
  it('leaves the saved index as it was; the next update indexes only what is missing', async () => {
    const ids = await seed(1000);
    let failing = true;
    const { pool, built } = recordingBuilders(2, async (chunk) => {
      if (failing && chunk[0] === ids[600]) throw new Error('builder stopped');
    });
    const engine = createSearchEngine(database, { builder: pool, segmentSize: 300 });
    await expect(engine.handle({ type: 'open' })).rejects.toThrow('builder stopped');
    expect(await searchIndexRepo(database).manifest()).toBeUndefined();
    expect(await searchIndexRepo(database).segmentKeys()).toEqual([]);
    // Queries go on from what was built.
    expect((await ask(engine, 'constitution')).total).toBeGreaterThan(0);

    failing = false;
    built.length = 0;
    expect(await engine.handle({ type: 'rebuild' })).toMatchObject({ docCount: 1000 });
    // (The failed update's last build may still have finished meanwhile: the same ids.)
    expect([...new Set(built.flat())].sort()).toEqual(ids.slice(600));
    const reopened = createSearchEngine(database);
    expect(await openNoting(reopened)).toEqual({
      reply: { type: 'ready', docCount: 1000, rebuilt: false },
      progress: [],
    });
    expect(ranking(await ask(reopened, 'tariff'))).toEqual(ranking(await ask(engine, 'tariff')));
  });

  it('keeps the previous saved index when an update fails, and reopens from it', async () => {
    const ids = await seed(200);
    let failing = false;
    const { pool } = recordingBuilders(1, async () => {
      if (failing) throw new Error('builder stopped');
    });
    const engine = createSearchEngine(database, { builder: pool });
    await engine.handle({ type: 'open' });
    const saved = await searchIndexRepo(database).manifest();
    failing = true;
    await documentsRepo(database).updateMeta(ids[7] as string, { title: 'Lighthouse petition' });
    await expect(engine.handle({ type: 'rebuild' })).rejects.toThrow('builder stopped');
    expect(await searchIndexRepo(database).manifest()).toEqual(saved);
    const reopened = createSearchEngine(database);
    expect(await reopened.handle({ type: 'load' })).toMatchObject({ docCount: 200 });
    expect((await ask(reopened, 'lighthouse')).total).toBe(0);
    expect(await openNoting(reopened)).toMatchObject({
      reply: { rebuilt: true },
      progress: [200, 200],
    });
    expect((await ask(reopened, 'lighthouse')).items.map((i) => i.doc.id)).toEqual([ids[7]]);
  });

  it('rebuilds a saved index it cannot read', async () => {
    await seed(200);
    const engine = createSearchEngine(database);
    await engine.handle({ type: 'open' });
    const expected = ranking(await ask(engine, 'constitution'));
    const [key] = await searchIndexRepo(database).segmentKeys();
    await database.searchSegments.update(key as string, { json: '{"v":1,"ids":' });
    const reopened = createSearchEngine(database);
    expect(await reopened.handle({ type: 'load' })).toMatchObject({
      docCount: 0,
      repaired: true,
    });
    expect(await openNoting(reopened)).toMatchObject({
      reply: { docCount: 200, rebuilt: true },
      progress: [0, 200],
    });
    expect(ranking(await ask(reopened, 'constitution'))).toEqual(expected);
    expect(await searchIndexRepo(database).segmentKeys()).not.toContain(key);
  });

  it.each([
    ['a segment missing', 'drop-segment'],
    ['the manifest listing a document no segment holds', 'extra-listed'],
    ['a segment holding a document the manifest does not list', 'unlisted'],
  ])('rebuilds an index that does not match its manifest: %s', async (_name, damage) => {
    const ids = await seed(600);
    const engine = createSearchEngine(database, { segmentSize: 300 });
    await engine.handle({ type: 'open' });
    const expected = ranking(await ask(engine, 'constitution'));
    const manifest = (await searchIndexRepo(database).manifest())!;
    const keys = await searchIndexRepo(database).segmentKeys();
    expect(keys.length).toBeGreaterThan(1);
    if (damage === 'drop-segment') await database.searchSegments.delete(keys[0] as string);
    if (damage === 'extra-listed') {
      const signatures = { ...manifest.signatures, 'gone-doc': 'x' };
      await database.searchIndex.put({ ...manifest, signatures });
    }
    if (damage === 'unlisted') {
      const signatures = { ...manifest.signatures };
      delete signatures[ids[3] as string];
      await database.searchIndex.put({ ...manifest, signatures });
    }
    const reopened = createSearchEngine(database);
    expect(await reopened.handle({ type: 'load' })).toMatchObject({ repaired: true });
    expect(await openNoting(reopened)).toMatchObject({ reply: { docCount: 600, rebuilt: true } });
    expect(ranking(await ask(reopened, 'constitution'))).toEqual(expected);
    // Saved whole again: the next start finds nothing to repair.
    const third = createSearchEngine(database);
    expect(await third.handle({ type: 'load' })).toEqual({
      type: 'ready',
      docCount: 600,
      rebuilt: false,
    });
  });
});
