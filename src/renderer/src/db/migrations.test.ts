import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { AnnotationSchema } from '@core/model';
import { annotationsRepo } from './annotations-repo';
import { documentsRepo } from './documents-repo';
import { DossierDb } from './schema';

const NAME = 'dossier-migration-test';

/** The stores as version 4 defined them. */
const V4_STORES = {
  documents: 'id, contentHash, date, importedAt, filePath',
  contents: 'docId',
  originals: 'docId',
  annotations: 'id, docId, tag, createdAt, actor',
  links: 'id, fromId, toId',
  searchIndex: 'id',
  searchSegments: 'key',
  importRuns: 'id, startedAt',
};
/** Version 5 added the import journal. */
const V5_STORES = {
  ...V4_STORES,
  importJobs: 'id, state',
  importJobFiles: '[jobId+index], jobId',
};

afterEach(async () => {
  await Dexie.delete(NAME);
});

describe('schema migrations', () => {
  it('v1 → v2 keeps every record and adds the filePath index', async () => {
    // Seed a database exactly as version 1 defined it.
    const v1 = new Dexie(NAME);
    v1.version(1).stores({
      documents: 'id, contentHash, date, importedAt',
      contents: 'docId',
      originals: 'docId',
      annotations: 'id, docId, tag, createdAt',
      searchIndex: 'id',
      importRuns: 'id, startedAt',
    });
    await v1.open();
    const record = {
      id: 'd1',
      title: 'Old document',
      source: 'The Harbour Gazette',
      date: '2008-03-14',
      author: null,
      url: null,
      language: null,
      format: 'txt',
      fileName: 'old.txt',
      filePath: 'folder/old.txt',
      contentHash: 'a'.repeat(64),
      byteLength: 10,
      textLength: 8,
      importedAt: 1,
    };
    await v1.table('documents').add(record);
    await v1.table('contents').add({ docId: 'd1', text: 'Old text', blocks: [] });
    await v1
      .table('annotations')
      .add({ id: 'a1', docId: 'd1', tag: 'pledge', note: 'n', createdAt: 1 });
    v1.close();

    const current = new DossierDb(NAME);
    await current.open();
    expect(current.verno).toBe(6);
    expect(await current.documents.get('d1')).toEqual(record);
    expect(await current.contents.get('d1')).toMatchObject({ text: 'Old text' });
    expect(await current.annotations.count()).toBe(1);
    const byPath = await documentsRepo(current).findByPaths(['folder/old.txt']);
    expect(byPath.get('folder/old.txt')?.id).toBe('d1');
    current.close();
  });

  it('v2 → v4 drops the old single search index and adds segments, keeping documents', async () => {
    const v2 = new Dexie(NAME);
    v2.version(1).stores({
      documents: 'id, contentHash, date, importedAt',
      contents: 'docId',
      originals: 'docId',
      annotations: 'id, docId, tag, createdAt',
      searchIndex: 'id',
      importRuns: 'id, startedAt',
    });
    v2.version(2).stores({ documents: 'id, contentHash, date, importedAt, filePath' });
    await v2.open();
    await v2.table('documents').add({ id: 'd1', title: 'Kept', contentHash: 'b'.repeat(64) });
    await v2
      .table('searchIndex')
      .add({ id: 'main', json: '{"version":"2.3.9"}', fingerprint: '1:abc', builtAt: 1 });
    v2.close();

    const current = new DossierDb(NAME);
    await current.open();
    expect(current.verno).toBe(6);
    expect(await current.searchIndex.count()).toBe(0);
    expect(await current.searchSegments.count()).toBe(0);
    expect(await current.documents.get('d1')).toMatchObject({ title: 'Kept' });
    await current.searchSegments.put({ key: 's1', json: '{}', size: 0, builtAt: 2 });
    expect(await current.searchSegments.get('s1')).toMatchObject({ size: 0 });
    current.close();
  });
});

describe('schema v3', () => {
  it('v2 → v3 keeps annotations, indexes actors and adds an empty links table', async () => {
    const v2 = new Dexie(NAME);
    v2.version(2).stores({
      documents: 'id, contentHash, date, importedAt, filePath',
      contents: 'docId',
      originals: 'docId',
      annotations: 'id, docId, tag, createdAt',
      searchIndex: 'id',
      importRuns: 'id, startedAt',
    });
    await v2.open();
    const old = {
      id: 'a1',
      docId: 'd1',
      tag: 'pledge',
      note: 'From before actors existed',
      target: {
        contentHash: 'b'.repeat(64),
        selectors: [
          { type: 'TextQuoteSelector', exact: 'will be prosecuted', prefix: '', suffix: '' },
        ],
      },
      createdAt: 1,
      updatedAt: 1,
    };
    await v2.table('annotations').bulkAdd([old, { ...old, id: 'a2', actor: 'Justice Minister' }]);
    v2.close();

    const current = new DossierDb(NAME);
    await current.open();
    expect(current.verno).toBeGreaterThanOrEqual(3);
    expect(AnnotationSchema.parse(await current.annotations.get('a1'))).toEqual(old);
    expect(await current.links.count()).toBe(0);
    expect(await annotationsRepo(current).actors()).toEqual(['Justice Minister']);
    current.close();
  });
});

describe('schema v5', () => {
  it('v4 → v5 keeps the library and import summaries and adds an empty import journal', async () => {
    const v4 = new Dexie(NAME);
    v4.version(4).stores(V4_STORES);
    await v4.open();
    await v4.table('documents').add({ id: 'd1', title: 'Kept', contentHash: 'c'.repeat(64) });
    const summary = {
      id: 'r1',
      startedAt: 5,
      finishedAt: 6,
      origin: 'folder',
      files: [{ relativePath: 'a/b.txt', outcome: 'imported', docId: 'd1', title: 'Kept' }],
    };
    await v4.table('importRuns').add(summary);
    await v4.table('links').add({ id: 'l1', fromId: 'a1', toId: 'a2', relation: 'supports' });
    v4.close();

    const current = new DossierDb(NAME);
    await current.open();
    expect(current.verno).toBe(6);
    expect(await current.documents.get('d1')).toMatchObject({ title: 'Kept' });
    expect(await current.importRuns.get('r1')).toEqual(summary);
    expect(await current.links.count()).toBe(1);
    expect(await current.importJobs.count()).toBe(0);
    await current.importJobFiles.put({
      jobId: 'j1',
      index: 0,
      name: 'b.txt',
      relativePath: 'a/b.txt',
      stage: 'queued',
    });
    expect(await current.importJobFiles.where('jobId').equals('j1').count()).toBe(1);
    current.close();
  });
});

describe('schema v6', () => {
  it('v5 → v6 keeps the library and the import journal and adds an empty record of restores', async () => {
    const v5 = new Dexie(NAME);
    v5.version(5).stores(V5_STORES);
    await v5.open();
    await v5.table('documents').add({ id: 'd1', title: 'Kept', contentHash: 'c'.repeat(64) });
    const job = {
      id: 'j1',
      origin: 'folder',
      label: 'f',
      startedAt: 1,
      total: 1,
      state: 'running',
    };
    await v5.table('importJobs').add(job);
    v5.close();

    const current = new DossierDb(NAME);
    await current.open();
    expect(current.verno).toBe(6);
    expect(await current.documents.get('d1')).toMatchObject({ title: 'Kept' });
    expect(await current.importJobs.get('j1')).toEqual(job);
    expect(await current.restoreJobs.count()).toBe(0);
    await current.restoreJobs.put({ id: 'r1', fileName: 'a.dossier', startedAt: 2 });
    expect(await current.restoreJobs.get('r1')).toMatchObject({ fileName: 'a.dossier' });
    current.close();
  });
});
