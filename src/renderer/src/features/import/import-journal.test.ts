import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runIngestJob } from '@core/jobs/ingest-job';
import { createIngestStation, type IngestStation } from '@core/jobs/ingest-station';
import { documentsRepo } from '../../db/documents-repo';
import { importJournalRepo } from '../../db/import-journal-repo';
import { DossierDb } from '../../db/schema';
import type { SourceFile } from '../../host/host-api';
import { planResume } from './import-resume';
import { importFiles, type ImportOptions, type ImportProgress } from './import-service';

const utf8 = new TextEncoder();
let database: DossierDb;
let name = '';
let n = 0;

beforeEach(async () => {
  n += 1;
  name = `dossier-journal-${n}`;
  database = new DossierDb(name);
  await database.open();
});
afterEach(async () => {
  database.close();
  await new DossierDb(name).delete();
});

function note(i: number, extra = ''): SourceFile {
  const bytes = utf8.encode(
    `Field note ${i}\n\nThe inspector found shelter ${i} closed in March.${extra}\n`,
  );
  return {
    name: `note-${i}.txt`,
    relativePath: `notes/note-${i}.txt`,
    size: bytes.byteLength,
    read: async () => bytes,
  };
}

const notes = (count: number) => Array.from({ length: count }, (_, i) => note(i));

/** A station over the library that stores only while `gate` lets it. */
function gatedStation(db: DossierDb, gate: { open: Promise<void> | null }): IngestStation {
  const station = createIngestStation((r) => runIngestJob(r), documentsRepo(db));
  return {
    ...station,
    async store(entries, drop) {
      if (gate.open) await gate.open;
      return station.store(entries, drop);
    },
  };
}

function run(
  db: DossierDb,
  files: SourceFile[],
  options: Partial<ImportOptions> = {},
  stations: IngestStation[] = [createIngestStation((r) => runIngestJob(r), documentsRepo(db))],
) {
  return importFiles(
    files,
    { stations, library: documentsRepo(db), journal: importJournalRepo(db), batchSize: 2 },
    { origin: 'folder', ...options },
  );
}

/** An import "old" of note 1 and note 2, interrupted with note 1 stored. */
async function interruptedAfterFirst() {
  const first = await run(database, [note(1)]);
  const docId = first.files[0]!.docId!;
  const doc = await documentsRepo(database).get(docId);
  const journal = importJournalRepo(database);
  const job = {
    id: 'old',
    origin: 'folder' as const,
    label: 'x',
    startedAt: 1,
    total: 2,
    state: 'interrupted' as const,
  };
  await journal.begin(job, [note(1), note(2)]);
  await database.importJobFiles.update(['old', 0], {
    stage: 'stored',
    size: doc!.byteLength,
    contentHash: doc!.contentHash,
    result: { relativePath: 'notes/note-1.txt', outcome: 'imported', docId, title: doc!.title },
  });
  return journal;
}

describe('an import with a journal', () => {
  it('says a file is stored only once its document is in the library', async () => {
    let release = () => {};
    const gate = { open: new Promise<void>((r) => (release = r)) as Promise<void> | null };
    const seen: ImportProgress[] = [];
    const running = run(database, notes(3), { onProgress: (p) => seen.push({ ...p }) }, [
      gatedStation(database, gate),
    ]);
    await expect.poll(() => seen.at(-1)?.done).toBe(3);
    // Every file is decided, none committed: nothing may be counted as stored yet.
    expect(seen.every((p) => p.stored === 0)).toBe(true);
    expect(await database.documents.count()).toBe(0);
    const [job] = await database.importJobs.toArray();
    expect(job).toMatchObject({ state: 'running', total: 3, origin: 'folder' });
    const rows = await importJournalRepo(database).files(job!.id);
    expect(rows.map((r) => r.stage)).toEqual(['queued', 'queued', 'queued']);

    release();
    const result = await running;
    expect(result.files.map((f) => f.outcome)).toEqual(['imported', 'imported', 'imported']);
    expect(seen.at(-1)).toMatchObject({ done: 3, stored: 3 });
    expect(await database.documents.count()).toBe(3);
    // Reported: the summary is saved and the journal is gone, in one transaction.
    expect(await database.importRuns.get(result.id)).toEqual(result);
    expect(await database.importJobs.count()).toBe(0);
    expect(await database.importJobFiles.count()).toBe(0);
  });

  it('stores what waits in a batch within about a second, though the batch is not full', async () => {
    const stuck: SourceFile = { ...note(2), read: () => new Promise(() => undefined) };
    let progress: ImportProgress | null = null;
    void importFiles(
      [note(1), stuck],
      {
        stations: [createIngestStation((r) => runIngestJob(r), documentsRepo(database))],
        library: documentsRepo(database),
        journal: importJournalRepo(database),
      },
      { origin: 'files', onProgress: (p) => (progress = p) },
    );
    await expect.poll(() => database.documents.count(), { timeout: 3000 }).toBe(1);
    await expect.poll(() => progress?.stored).toBe(1);
    const [job] = await database.importJobs.toArray();
    const rows = await importJournalRepo(database).files(job!.id);
    expect(rows.map((r) => r.stage)).toEqual(['stored', 'queued']);
  });

  it('marks exactly the committed files stored when it stops part-way, and the rest imports without duplicates', async () => {
    const files = notes(12);
    // Two batches of the first files are stored, then the page dies with the third.
    const gate = { open: null as Promise<void> | null };
    const station = gatedStation(database, gate);
    let stores = 0;
    const counting: IngestStation = {
      ...station,
      async store(entries, drop) {
        stores += 1;
        if (stores === 3) gate.open = new Promise(() => undefined);
        return station.store(entries, drop);
      },
    };
    // Batches of two files: the third store never ends.
    let progress: ImportProgress | null = null;
    void run(database, files, { onProgress: (p) => (progress = p) }, [counting]).catch(
      () => undefined,
    );
    await expect.poll(() => progress?.done).toBeGreaterThanOrEqual(8);
    // The last write of stages may still be waiting: give the journal its moment.
    await new Promise((r) => setTimeout(r, 600));
    database.close();

    // The next start.
    const reopened = new DossierDb(name);
    await reopened.open();
    const journal = importJournalRepo(reopened);
    const [found] = await journal.recover(() => false, 100);
    const storedDocs = await reopened.documents.toArray();
    // Two batches of two were committed before the page died.
    expect(storedDocs).toHaveLength(4);
    expect(found?.stored).toBe(4);
    expect(found?.job).toMatchObject({ state: 'interrupted', total: 12 });
    const rows = await journal.files(found!.job.id);
    const storedPaths = rows.filter((r) => r.stage === 'stored').map((r) => r.relativePath);
    expect(storedPaths.sort()).toEqual(storedDocs.map((d) => d.filePath).sort());
    // Its summary so far is the last import's.
    const summary = await reopened.importRuns.get(found!.job.id);
    expect(summary?.files.filter((f) => f.outcome === 'imported')).toHaveLength(found!.stored);
    expect(summary?.files.filter((f) => f.outcome === 'cancelled').length).toBe(12 - found!.stored);

    // Import the rest: the same files chosen again, in another order.
    const plan = planResume(found!.job.id, rows, [...files].reverse());
    expect(plan?.files).toHaveLength(12);
    const rest = await run(reopened, plan!.files, { resume: plan!.resume });
    const outcomes = rest.files.map((f) => f.outcome);
    expect(outcomes.filter((o) => o === 'imported')).toHaveLength(12 - found!.stored);
    expect(
      rest.files.filter((f) => f.reason === 'already imported before the interruption'),
    ).toHaveLength(found!.stored);
    const all = await reopened.documents.toArray();
    expect(all).toHaveLength(12);
    expect(new Set(all.map((d) => d.filePath)).size).toBe(12);
    // The interrupted import is done with: only the finished one's summary remains to show.
    expect(await reopened.importJobs.count()).toBe(0);
    expect(await journal.recover(() => false)).toEqual([]);
    reopened.close();
  });

  it('imports a file chosen again whose content changed since, instead of skipping it', async () => {
    const journal = await interruptedAfterFirst();
    // Same path, same length, other words: its hash tells it apart.
    const edited = note(1);
    const original = new TextDecoder().decode(await edited.read());
    const changed = utf8.encode(original.replace('closed', 'opened'));
    expect(changed.byteLength).toBe(edited.size);
    const plan = planResume('old', await journal.files('old'), [
      { ...edited, read: async () => changed },
      note(2),
    ]);
    const rest = await run(database, plan!.files, { resume: plan!.resume });
    expect(rest.files.map((f) => [f.relativePath, f.outcome])).toEqual([
      ['notes/note-1.txt', 'updated'],
      ['notes/note-2.txt', 'imported'],
    ]);
  });

  it('counts what an interrupted import stored when the import of the rest is cut short too', async () => {
    const journal = await interruptedAfterFirst();
    // The import of the rest reads nothing before the page dies.
    const station = createIngestStation((r) => runIngestJob(r), documentsRepo(database));
    const never = () => new Promise<never>(() => undefined);
    const stuck: IngestStation = { ...station, fingerprint: never, parse: never };
    const plan = planResume('old', await journal.files('old'), [note(1), note(2)]);
    void run(database, plan!.files, { resume: plan!.resume }, [stuck]);
    await expect.poll(() => database.importJobs.get('old')).toBeUndefined();
    database.close();

    const reopened = new DossierDb(name);
    await reopened.open();
    const [found] = await importJournalRepo(reopened).recover(() => false);
    expect(found).toMatchObject({ stored: 1, job: { state: 'interrupted', total: 2 } });
    expect(await reopened.documents.count()).toBe(1);
    reopened.close();
  });

  it('finishes quietly an import that had nothing left to do, and leaves a running window alone', async () => {
    const journal = importJournalRepo(database);
    const base = { origin: 'files' as const, label: 'x', total: 1, state: 'running' as const };
    await journal.begin({ ...base, id: 'done', startedAt: 1, owner: 'gone' }, [note(1)]);
    await journal.advance(
      'done',
      new Map([[0, { stage: 'decided', result: { relativePath: 'n.txt', outcome: 'duplicate' } }]]),
    );
    await journal.begin({ ...base, id: 'live', startedAt: 2, owner: 'open' }, [note(2)]);
    const found = await journal.recover((job) => job.owner === 'open');
    expect(found).toEqual([]);
    expect((await database.importRuns.get('done'))?.files[0]?.outcome).toBe('duplicate');
    expect(await database.importJobs.get('done')).toBeUndefined();
    expect(await database.importJobs.get('live')).toMatchObject({ state: 'running' });

    await journal.dismiss('live');
    expect(await database.importJobFiles.count()).toBe(0);
  });
});

describe('an import under a search', () => {
  it('reads no new file while a search is being answered, and goes on once it is', async () => {
    let clear: () => void = () => {};
    let searching: Promise<void> | null = new Promise<void>((resolve) => (clear = resolve));
    const read: number[] = [];
    const files = [1, 2, 3].map((i) => ({
      ...note(i),
      read: async () => {
        read.push(i);
        return note(i).read();
      },
    }));
    const done = importFiles(
      files,
      {
        stations: [createIngestStation((r) => runIngestJob(r), documentsRepo(database))],
        library: documentsRepo(database),
        yieldTo: () => searching ?? Promise.resolve(),
      },
      { origin: 'files' },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(read).toEqual([]);
    searching = null;
    clear();
    const run = await done;
    expect(read).toEqual([1, 2, 3]);
    expect(run.files.map((f) => f.outcome)).toEqual(['imported', 'imported', 'imported']);
  });
});
