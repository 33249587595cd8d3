import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnnotationService } from '@core/annotations/annotation-service';
import { describeRange } from '@core/anchoring';
import { runIngestJob } from '@core/jobs/ingest-job';
import { nodePdfEngine } from '../../../../tests/pdf-engine';
import { sampleFiles } from '../../../../tests/samples';
import { importFiles, type ImportOptions } from '../features/import/import-service';
import type { SourceFile } from '../host/host-api';
import { annotationStore, annotationsRepo } from './annotations-repo';
import { documentsRepo } from './documents-repo';
import { DossierDb } from './schema';

let database: DossierDb;
let n = 0;

beforeEach(async () => {
  n += 1;
  database = new DossierDb(`dossier-test-${n}`);
  await database.open();
});

afterEach(async () => {
  await database.delete();
});

function source(name: string, bytes: Uint8Array, size = bytes.byteLength): SourceFile {
  return { name, relativePath: `in/${name}`, size, read: async () => bytes };
}

function importInto(files: SourceFile[], options: Partial<ImportOptions> = {}) {
  return importFiles(
    files,
    {
      ingest: (r) => runIngestJob(r, nodePdfEngine),
      concurrency: 2,
      library: documentsRepo(database),
    },
    { origin: 'files', ...options },
  );
}

describe('importing into the real database', () => {
  it('stores every sample with its text, original bytes and hash', async () => {
    const samples = sampleFiles();
    const run = await importInto(samples.map((s) => source(s.name, s.bytes)));
    expect(run.files.map((f) => f.outcome)).toEqual(samples.map(() => 'imported'));
    const docs = await documentsRepo(database).list();
    expect(docs).toHaveLength(samples.length);
    const first = docs[0]!;
    expect(first.date).toBe('2008-03-14');
    const content = await documentsRepo(database).content(first.id);
    expect(content?.text.length).toBe(first.textLength);
    const original = await database.originals.get(first.id);
    expect(original?.bytes.byteLength).toBe(first.byteLength);
  });

  it('reads chosen documents by id, each once, leaving out ids not in the library', async () => {
    const samples = sampleFiles().slice(0, 3);
    await importInto(samples.map((s) => source(s.name, s.bytes)));
    const [a, b] = await documentsRepo(database).list();
    const found = await documentsRepo(database).many([b!.id, 'gone', a!.id, b!.id]);
    expect(found.map((d) => d.id)).toEqual([b!.id, a!.id]);
  });

  it('skips duplicates, reports bad files by reason, and leaves stored documents alone', async () => {
    const [sample] = sampleFiles();
    await importInto([source(sample!.name, sample!.bytes)]);
    const before = await database.documents.toArray();

    const invalidUtf8 = new Uint8Array([0x50, 0x72, 0x69, 0x78, 0x20, 0xff, 0xfe, 0x41]);
    const run = await importInto([
      source('copy.txt', sample!.bytes),
      source('empty.txt', new Uint8Array()),
      source('sheet.xlsx', new Uint8Array([0x50, 0x4b, 3, 4])),
      source('binary.txt', new Uint8Array([0, 1, 2, 0, 0, 5, 6])),
      source('latin.txt', invalidUtf8),
      source('huge.txt', new Uint8Array(1), 300 * 1024 * 1024),
      {
        ...source('gone.txt', new Uint8Array()),
        read: () => Promise.reject(new Error('file was moved')),
      },
    ]);
    expect(run.files.map((f) => [f.relativePath, f.outcome])).toEqual([
      ['in/copy.txt', 'duplicate'],
      ['in/empty.txt', 'failed'],
      ['in/sheet.xlsx', 'unsupported'],
      ['in/binary.txt', 'unsupported'],
      ['in/latin.txt', 'imported'],
      ['in/huge.txt', 'failed'],
      ['in/gone.txt', 'failed'],
    ]);
    const reasons = run.files.map((f) => f.reason ?? '');
    expect(reasons[0]).toContain('already in the library');
    expect(reasons[1]).toBe('file is empty');
    expect(reasons[5]).toBe('larger than the 200 MB limit');
    expect(reasons[6]).toBe('could not be read: file was moved');
    const after = await database.documents.toArray();
    expect(after.filter((d) => before.some((b) => b.id === d.id))).toEqual(before);
    expect(after).toHaveLength(before.length + 1);
  });

  it('reports every file of a batch the database refused as failed, with the reason', async () => {
    const samples = sampleFiles().slice(0, 3);
    const repo = documentsRepo(database);
    let calls = 0;
    const run = await importFiles(
      samples.map((s) => source(s.name, s.bytes)),
      {
        ingest: (r) => runIngestJob(r, nodePdfEngine),
        library: {
          ...repo,
          addMany: async (docs) => {
            calls += 1;
            if (calls === 1) throw new Error('QuotaExceededError: disk full');
            return repo.addMany(docs);
          },
        },
      },
      { origin: 'files' },
    );
    expect(run.files.map((f) => f.outcome)).toEqual(['failed', 'failed', 'failed']);
    expect(run.files[0]?.reason).toBe('could not be stored: QuotaExceededError: disk full');
    expect(await database.documents.count()).toBe(0);
  });

  it('reports files the full disk refused, per file, and leaves no half-written document', async () => {
    const samples = sampleFiles();
    // The real database, filling up: after two originals, every further one is refused the way
    // IndexedDB refuses a write over quota.
    let room = 2;
    database.originals.hook('creating', () => {
      if (room <= 0) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      room -= 1;
    });
    const run = await importFiles(
      samples.map((s) => source(s.name, s.bytes)),
      {
        ingest: (r) => runIngestJob(r, nodePdfEngine),
        batchSize: 1,
        library: documentsRepo(database),
      },
      { origin: 'files' },
    );
    const imported = run.files.filter((f) => f.outcome === 'imported');
    const failed = run.files.filter((f) => f.outcome === 'failed');
    expect(imported.length).toBeGreaterThan(0);
    expect(failed.length).toBeGreaterThan(0);
    expect(imported.length + failed.length).toBe(samples.length);
    for (const file of failed) {
      expect(file.reason).toBe(
        'not stored: the disk or the browser’s storage for Dossier is full (free some space, then import it again)',
      );
    }
    // Each document listed has its text and original; none of a refused batch is left behind.
    const docs = await database.documents.toArray();
    expect(docs).toHaveLength(imported.length);
    expect(await database.contents.count()).toBe(imported.length);
    expect(await database.originals.count()).toBe(imported.length);
    expect(new Set(docs.map((d) => d.filePath))).toEqual(
      new Set(imported.map((f) => f.relativePath)),
    );
  });

  it('stops at a cancel, keeping what finished and reporting the rest', async () => {
    const files = sampleFiles().slice(0, 4);
    const controller = new AbortController();
    const run = await importFiles(
      files.map((s) => source(s.name, s.bytes)),
      {
        ingest: async (r) => {
          const parsed = await runIngestJob(r, nodePdfEngine);
          controller.abort();
          return parsed;
        },
        library: documentsRepo(database),
      },
      { origin: 'folder', signal: controller.signal },
    );
    expect(run.files.map((f) => f.outcome)).toEqual([
      'imported',
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    expect(await database.documents.count()).toBe(1);
  });
});

describe('the annotation service over IndexedDB', () => {
  it('creates, edits, deletes, and undoes and redoes each step', async () => {
    const [sample] = sampleFiles();
    await importInto([source(sample!.name, sample!.bytes)]);
    const [doc] = await documentsRepo(database).list();
    const content = await documentsRepo(database).content(doc!.id);
    const text = content!.text;
    const start = text.indexOf('A uniform is not a shield.');
    const service = new AnnotationService(annotationStore(database));

    const created = await service.create({
      docId: doc!.id,
      tag: 'critique',
      target: {
        contentHash: doc!.contentHash,
        selectors: describeRange(text, { start, end: start + 26 }),
      },
    });
    await service.update(created.id, { note: 'Rhetoric, not action.' });
    await service.update(created.id, { tag: 'pledge' });
    const repo = annotationsRepo(database);
    expect(await repo.forDocument(doc!.id)).toMatchObject([
      { tag: 'pledge', note: 'Rhetoric, not action.' },
    ]);

    await service.remove(created.id);
    expect(await repo.count()).toBe(0);
    expect(service.history()).toMatchObject({ canUndo: true, undoLabel: 'delete pledge' });

    await service.undo();
    expect(await repo.forDocument(doc!.id)).toMatchObject([{ tag: 'pledge' }]);
    await service.undo();
    expect(await repo.forDocument(doc!.id)).toMatchObject([
      { tag: 'critique', note: 'Rhetoric, not action.' },
    ]);
    await service.redo();
    await service.redo();
    expect(await repo.count()).toBe(0);

    // A new change after undo clears the redo stack.
    await service.undo();
    await service.update(created.id, { note: 'Changed mind.' });
    expect(service.history().canRedo).toBe(false);
    await expect(service.update('missing', { note: 'x' })).rejects.toThrow(/no longer exists/);
  });

  it('removing a document removes its annotations with it', async () => {
    const [sample] = sampleFiles();
    await importInto([source(sample!.name, sample!.bytes)]);
    const [doc] = await documentsRepo(database).list();
    const service = new AnnotationService(annotationStore(database));
    await service.create({
      docId: doc!.id,
      tag: 'evidence',
      target: {
        contentHash: doc!.contentHash,
        selectors: [{ type: 'TextPositionSelector', start: 0, end: 5 }],
      },
    });
    await documentsRepo(database).remove(doc!.id);
    expect(await annotationsRepo(database).count()).toBe(0);
    expect(await database.contents.count()).toBe(0);
    expect(await database.originals.count()).toBe(0);
  });
});

describe('schema', () => {
  it('opens at the current version with the queried indexes and no index on text', () => {
    expect(database.verno).toBe(6);
    const indexes = (table: string) =>
      database
        .table(table)
        .schema.indexes.map((i) => i.name)
        .sort();
    expect(indexes('documents')).toEqual(['contentHash', 'date', 'filePath', 'importedAt']);
    expect(indexes('annotations')).toEqual(['actor', 'createdAt', 'docId', 'tag']);
    expect(indexes('links')).toEqual(['fromId', 'toId']);
    expect(indexes('contents')).toEqual([]);
    expect(indexes('searchSegments')).toEqual([]);
    expect(indexes('importJobs')).toEqual(['state']);
    expect(indexes('importJobFiles')).toEqual(['jobId']);
    expect(indexes('restoreJobs')).toEqual([]);
  });
});
