import {
  applyJournalPatch,
  nothingLeft,
  stageRank,
  summaryOfJournal,
  type ImportJob,
  type JournalFile,
  type JournalPatch,
  type StoredMark,
} from './import-journal';
import type { ImportRun } from './import-run';
import { db, type DossierDb } from './schema';

/** A file as an import lists it when it starts. */
export interface ListedFile {
  name: string;
  relativePath: string;
  size?: number;
  /** Its document is in the library already (stored by the interrupted import this resumes). */
  stored?: Required<Pick<JournalFile, 'size' | 'contentHash' | 'result'>>;
}

/** An import that stopped part-way, as the next start finds it. */
export interface InterruptedImport {
  job: ImportJob;
  stored: number;
}

/**
 * Marks files stored; call inside the transaction that stores their documents, so a file
 * counts as stored exactly when its document is in the library.
 */
export async function writeStoredMarks(
  database: DossierDb,
  marks: readonly StoredMark[],
): Promise<void> {
  if (marks.length === 0) return;
  const rows = await database.importJobFiles.bulkGet(marks.map((m) => [m.jobId, m.index]));
  const next: JournalFile[] = [];
  marks.forEach((mark, i) => {
    const row = rows[i];
    // A journal removed meanwhile (its import was dismissed) has nothing left to mark.
    if (!row) return;
    const { size, contentHash, result } = mark;
    next.push(applyJournalPatch(row, { stage: 'stored', size, contentHash, result }));
  });
  await database.importJobFiles.bulkPut(next);
}

/** The journal of unfinished imports: the only code touching importJobs and importJobFiles. */
export function importJournalRepo(database: DossierDb = db()) {
  const tables = [database.importJobs, database.importJobFiles, database.importRuns];
  return {
    /**
     * Records an import and its file list before any file is read. An interrupted import it
     * `replaces` (completes) goes in the same transaction: one or the other is on record.
     */
    async begin(job: ImportJob, files: readonly ListedFile[], replaces?: string): Promise<void> {
      await database.transaction('rw', database.importJobs, database.importJobFiles, async () => {
        if (replaces !== undefined) {
          await database.importJobFiles.where('jobId').equals(replaces).delete();
          await database.importJobs.delete(replaces);
        }
        await database.importJobs.put(job);
        await database.importJobFiles.bulkPut(
          files.map(({ name, relativePath, size, stored }, index) => ({
            jobId: job.id,
            index,
            name,
            relativePath,
            ...(size !== undefined ? { size } : {}),
            ...(stored ? { ...stored, stage: 'stored' as const } : { stage: 'queued' as const }),
          })),
        );
      });
    },

    /** Writes files' new stages; a stage already further on (stored by a worker) is kept. */
    async advance(jobId: string, patches: ReadonlyMap<number, JournalPatch>): Promise<void> {
      if (patches.size === 0) return;
      const indexes = [...patches.keys()];
      await database.transaction('rw', database.importJobFiles, async () => {
        const rows = await database.importJobFiles.bulkGet(indexes.map((i) => [jobId, i]));
        const next: JournalFile[] = [];
        rows.forEach((row, i) => {
          const patch = patches.get(indexes[i] as number);
          if (row && patch && stageRank(patch.stage) >= stageRank(row.stage)) {
            next.push(applyJournalPatch(row, patch));
          }
        });
        await database.importJobFiles.bulkPut(next);
      });
    },

    /** Saves the import's summary and drops its journal, in one transaction: it is reported. */
    async finish(jobId: string, run: ImportRun): Promise<void> {
      await database.transaction('rw', tables, async () => {
        await database.importRuns.put(run);
        await database.importJobFiles.where('jobId').equals(jobId).delete();
        await database.importJobs.delete(jobId);
      });
    },

    files(jobId: string): Promise<JournalFile[]> {
      return database.importJobFiles.where('jobId').equals(jobId).toArray();
    },

    /**
     * At start: an import still 'running' that no open window runs (`isLive`) was
     * interrupted. Its summary is saved as far as it went; if nothing of it was left to do,
     * its journal goes too. Answers the interrupted imports, newest first, with their counts.
     */
    async recover(
      isLive: (job: ImportJob) => boolean,
      now: number = Date.now(),
    ): Promise<InterruptedImport[]> {
      const found: InterruptedImport[] = [];
      for (const job of await database.importJobs.toArray()) {
        if (job.state === 'running' && isLive(job)) continue;
        const rows = await this.files(job.id);
        const stored = rows.filter((r) => stageRank(r.stage) >= stageRank('stored')).length;
        if (job.state === 'interrupted') {
          found.push({ job, stored });
          continue;
        }
        const summary = summaryOfJournal(job, rows, now);
        if (nothingLeft(rows)) {
          await this.finish(job.id, summary);
          continue;
        }
        const interrupted: ImportJob = { ...job, state: 'interrupted' };
        await database.transaction('rw', database.importJobs, database.importRuns, async () => {
          await database.importJobs.put(interrupted);
          await database.importRuns.put(summary);
        });
        found.push({ job: interrupted, stored });
      }
      return found.sort((a, b) => b.job.startedAt - a.job.startedAt);
    },

    /** Imports found interrupted and not yet completed or dismissed, newest first. */
    async interrupted(): Promise<InterruptedImport[]> {
      const jobs = await database.importJobs.where('state').equals('interrupted').toArray();
      const found = await Promise.all(
        jobs.map(async (job) => {
          const rows = await this.files(job.id);
          const stored = rows.filter((r) => stageRank(r.stage) >= stageRank('stored')).length;
          return { job, stored };
        }),
      );
      return found.sort((a, b) => b.job.startedAt - a.job.startedAt);
    },

    /** Forgets an interrupted import (its summary stays). */
    async dismiss(jobId: string): Promise<void> {
      await database.transaction('rw', database.importJobs, database.importJobFiles, async () => {
        await database.importJobFiles.where('jobId').equals(jobId).delete();
        await database.importJobs.delete(jobId);
      });
    },
  };
}

export type ImportJournalRepo = ReturnType<typeof importJournalRepo>;
