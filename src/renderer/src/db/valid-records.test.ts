import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { annotationsRepo, linksRepo } from './annotations-repo';
import { documentsRepo } from './documents-repo';
import { importRunsRepo } from './import-runs-repo';
import { backupSource } from './library-exchange';
import { DossierDb } from './schema';
import { searchIndexRepo } from './search-index-repo';
import { clearSkippedRecords, skippedRecords } from './valid-records';

let database: DossierDb;
let n = 0;

beforeEach(async () => {
  n += 1;
  database = new DossierDb(`dossier-valid-${n}`);
  await database.open();
  clearSkippedRecords();
});
afterEach(() => database.delete());

const doc = (id: string, title: string) => ({
  id,
  title,
  source: 'The Harbour Gazette',
  date: '2016-02-11',
  author: null,
  url: null,
  language: 'en',
  format: 'txt',
  fileName: `${id}.txt`,
  filePath: `press/${id}.txt`,
  contentHash: id.padEnd(64, '0'),
  byteLength: 40,
  textLength: 30,
  importedAt: 1,
});

const annotation = (id: string, docId: string, tag: string) => ({
  id,
  docId,
  tag,
  note: '',
  target: {
    contentHash: 'a'.repeat(64),
    selectors: [{ type: 'TextQuoteSelector', exact: 'shelter', prefix: '', suffix: '' }],
  },
  createdAt: 1,
  updatedAt: 1,
});

/** Writes records straight into IndexedDB, past every repository, as damage would. */
async function seedDamaged() {
  await database.table('documents').bulkPut([
    doc('d1', 'Shelter Deadline Missed Again'),
    doc('d2', 'Customs Officers Convicted'),
    // Damaged: no title, and a date that is not one.
    { ...doc('d3', 'x'), title: undefined, date: '11/02/2016' },
  ]);
  await database.table('contents').bulkPut([
    { docId: 'd1', text: 'The shelter stayed shut.', blocks: [] },
    { docId: 'd2', text: 42, blocks: [] },
  ]);
  await database
    .table('annotations')
    .bulkPut([
      annotation('a1', 'd1', 'pledge'),
      annotation('a2', 'd1', 'evidence'),
      annotation('a3', 'd1', 'rumour'),
    ]);
  await database.table('links').bulkPut([
    { id: 'l1', fromId: 'a2', toId: 'a1', relation: 'supports', createdAt: 1 },
    { id: 'l2', fromId: 'a2', toId: 'a1', relation: 'maybe', createdAt: 1 },
  ]);
  await database
    .table('importRuns')
    .put({ id: 'r1', startedAt: 9, origin: 'folder', files: 'all' });
}

describe('records read from the library', () => {
  it('skips those that do not fit their schema, and remembers which and why', async () => {
    await seedDamaged();
    const docs = documentsRepo(database);
    expect((await docs.list()).map((d) => d.id)).toEqual(['d2', 'd1']);
    expect(await docs.get('d3')).toBeUndefined();
    expect(await docs.content('d1')).toMatchObject({ text: 'The shelter stayed shut.' });
    expect(await docs.content('d2')).toBeUndefined();

    const notes = annotationsRepo(database);
    expect((await notes.all()).map((a) => a.id)).toEqual(['a1', 'a2']);
    expect((await notes.forDocument('d1')).map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(await notes.get('a3')).toBeUndefined();
    expect((await linksRepo(database).all()).map((l) => l.id)).toEqual(['l1']);
    expect((await linksRepo(database).of('a2')).map((l) => l.id)).toEqual(['l1']);
    expect(await importRunsRepo(database).latest()).toBeUndefined();

    const skipped = skippedRecords();
    expect(skipped.map((s) => `${s.kind}/${s.key}`).sort()).toEqual([
      'annotations/a3',
      'contents/d2',
      'documents/d3',
      'importRuns/r1',
      'links/l2',
    ]);
    expect(skipped.find((s) => s.key === 'd3')?.issue).toMatch(/^title: /);
    expect(skipped.find((s) => s.key === 'a3')?.issue).toMatch(/^tag: /);
    // Read again, each is still counted once.
    await docs.list();
    expect(skippedRecords()).toHaveLength(5);
  });

  it('leaves damaged records out of the search index and of backups', async () => {
    await seedDamaged();
    const sources = await searchIndexRepo(database).sources();
    expect(sources.map((s) => s.id).sort()).toEqual(['d1', 'd2']);
    const corpus = await searchIndexRepo(database).corpus(['d1', 'd2', 'd3']);
    expect(corpus.map((c) => [c.id, c.body])).toEqual([
      ['d1', 'The shelter stayed shut.'],
      ['d2', ''],
    ]);

    const source = backupSource(database);
    const batches = [];
    for await (const batch of source.documents()) batches.push(...batch);
    // d2's text is damaged and d3's record: a backup holds only documents it can restore.
    expect(batches.map((d) => d.record.id)).toEqual([]);
    await database.table('originals').put({ docId: 'd1', bytes: new Uint8Array([1]) });
    const again = [];
    for await (const batch of source.documents()) again.push(...batch);
    expect(again.map((d) => d.record.id)).toEqual(['d1']);
    expect((await source.annotations()).map((a) => a.id)).toEqual(['a1', 'a2']);
    expect((await source.links()).map((l) => l.id)).toEqual(['l1']);
    expect(await source.importRuns()).toEqual([]);
  });
});
