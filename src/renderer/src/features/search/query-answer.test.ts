import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_FILTERS } from '@core/search/query/facets';
import { importSamples } from '../../../../../tests/sample-library';
import { annotationStore } from '../../db/annotations-repo';
import { documentsRepo } from '../../db/documents-repo';
import { DossierDb } from '../../db/schema';
import { createSearchEngine, type SearchAnswer } from './search-engine';

let database: DossierDb;
let engine: ReturnType<typeof createSearchEngine>;

beforeAll(async () => {
  database = new DossierDb('dossier-query-answer');
  await database.open();
  await importSamples(database);
  const oped = (await documentsRepo(database).list()).find((d) => d.title.startsWith('Complicit'));
  if (!oped) throw new Error('the op-ed should be among the samples');
  await annotationStore(database).put({
    id: 'critique-1',
    docId: oped.id,
    tag: 'critique',
    note: '',
    target: {
      contentHash: oped.contentHash,
      selectors: [{ type: 'TextQuoteSelector', exact: 'never prosecuted', prefix: '', suffix: '' }],
    },
    createdAt: 1,
    updatedAt: 1,
  });
  engine = createSearchEngine(database);
  await engine.handle({ type: 'open' });
});
afterAll(() => database.delete());

async function ask(query: string, filters = NO_FILTERS) {
  const reply = await engine.handle({ type: 'query', query, filters });
  if (reply.type !== 'answer') throw new Error('no answer');
  return reply.answer;
}

function done(answer: SearchAnswer) {
  if (!answer.ok) throw new Error(answer.message);
  return answer;
}

describe('queries in the index worker, over the sample collection in IndexedDB', () => {
  it('answers with documents, snippets on the real text, and facets from the library', async () => {
    const a = done(await ask('complicit'));
    expect(a.total).toBe(9);
    for (const item of a.items) {
      const text = (await documentsRepo(database).content(item.doc.id))?.text ?? '';
      for (const m of item.bodyMatches)
        expect(text.slice(m.start, m.end).toLowerCase()).toBe('complicit');
      expect(item.snippets.length).toBeGreaterThan(0);
    }
    expect(a.facets.format.reduce((n, f) => n + f.count, 0)).toBe(9);
    expect(a.facets.tags.find((t) => t.value === 'critique')?.count).toBe(1);
    const critiqued = done(await ask('complicit', { ...NO_FILTERS, tags: ['critique'] }));
    expect(critiqued.items.map((i) => i.doc.title)).toEqual([
      'Complicit Officials Are Never Prosecuted. I Know Why.',
    ]);
  });

  it('checks a phrase broken over two lines of a text file, and gives pages of a PDF', async () => {
    const a = done(await ask('"my experience"'));
    const oped = a.items.find((i) => i.doc.title.startsWith('Complicit'));
    const text = (await documentsRepo(database).content(oped!.doc.id))?.text ?? '';
    // The file breaks the phrase over two lines.
    expect(oped?.bodyMatches.map((m) => text.slice(m.start, m.end))).toEqual([
      expect.stringMatching(/^my\s+experience$/),
    ]);
    expect(a.items).toHaveLength(1);
    const audit = done(await ask('shelter date:2014'));
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]?.doc.format).toBe('pdf');
    expect(audit.items[0]?.snippets.every((s) => typeof s.page === 'number')).toBe(true);
  });

  it('keeps facts current after an edit and a rebuild', async () => {
    const [first] = await documentsRepo(database).list();
    await documentsRepo(database).updateMeta(first!.id, { source: 'Renamed Source' });
    await engine.handle({ type: 'rebuild' });
    const a = done(await ask('source:renamed'));
    expect(a.items.map((i) => i.doc.id)).toEqual([first!.id]);
    expect(a.facets.source.map((f) => f.label)).toEqual(['Renamed Source']);
  });

  it('keeps the tags for filters in memory, read again once told annotations changed', async () => {
    const before = done(await ask('complicit'));
    const evidence = (a: SearchAnswer) =>
      done(a).facets.tags.find((t) => t.value === 'evidence')?.count;
    expect(evidence(before)).toBe(0);
    const [target] = before.items.filter((i) => !i.doc.title.startsWith('Complicit'));
    if (!target) throw new Error('another document should mention the word');
    await annotationStore(database).put({
      id: 'evidence-1',
      docId: target.doc.id,
      tag: 'evidence',
      note: '',
      target: {
        contentHash: target.doc.contentHash,
        selectors: [{ type: 'TextQuoteSelector', exact: 'complicit', prefix: '', suffix: '' }],
      },
      createdAt: 2,
      updatedAt: 2,
    });
    await engine.handle({ type: 'annotations-changed' });
    expect(evidence(await ask('complicit'))).toBe(1);
    const only = done(await ask('complicit', { ...NO_FILTERS, tags: ['evidence'] }));
    expect(only.items.map((i) => i.doc.id)).toEqual([target.doc.id]);
    // Tagged as critique instead: both counts follow.
    const changed = await annotationStore(database).get('evidence-1');
    await annotationStore(database).put({ ...changed!, tag: 'critique', updatedAt: 3 });
    await engine.handle({ type: 'annotations-changed' });
    const after = done(await ask('complicit'));
    expect(evidence(after)).toBe(0);
    expect(after.facets.tags.find((t) => t.value === 'critique')?.count).toBe(2);
    await annotationStore(database).remove('evidence-1');
    await engine.handle({ type: 'annotations-changed' });
    expect(
      done(await ask('complicit')).facets.tags.find((t) => t.value === 'critique')?.count,
    ).toBe(1);
  });

  it('answers from the texts it read before while an import holds the texts table', async () => {
    const first = done(await ask('shelter'));
    expect(first.items.length).toBeGreaterThan(0);
    // A write transaction on the texts stays open until released, as an import's batch does,
    // on a connection of its own as the import's worker has.
    const importer = new DossierDb('dossier-query-answer');
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding = () => {};
    const held = new Promise<void>((resolve) => (holding = resolve));
    const writing = importer.transaction('rw', importer.contents, async () => {
      await importer.contents.get('none');
      holding();
      let open = true;
      void released.then(() => (open = false));
      // Requests keep the transaction alive; it commits once released.
      while (open) await importer.contents.get('none');
    });
    await held;
    const late = new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 3000));
    const again = await Promise.race([ask('shelter'), late]);
    release();
    await writing;
    importer.close();
    expect(again).not.toBe('waited');
    expect(done(again as SearchAnswer).items).toEqual(first.items);
  });

  it('reads a text again once its document has a new version', async () => {
    const oped = (await documentsRepo(database).list()).find((d) =>
      d.title.startsWith('Complicit'),
    );
    const content = await documentsRepo(database).content(oped!.id);
    expect(done(await ask('prosecuted')).items.map((i) => i.doc.id)).toContain(oped!.id);
    const text = `${content!.text}\n\nA later paragraph names the harbourmaster Quillon.`;
    await database.transaction('rw', database.documents, database.contents, async () => {
      await database.contents.put({ ...content!, text });
      await database.documents.put({ ...oped!, contentHash: 'f'.repeat(64), version: 2 });
    });
    await engine.handle({ type: 'rebuild' });
    const [hit] = done(await ask('quillon')).items;
    expect(hit?.doc.id).toBe(oped!.id);
    expect(hit?.snippets[0]?.text).toContain('Quillon');
  });

  it('reports a bad query with its position', async () => {
    expect(await ask('date:2015..2008')).toMatchObject({ ok: false, error: { position: 5 } });
  });
});
