import {
  CancelledError,
  throwIfCancelled,
  type ExchangeProgress,
} from '@core/exchange/backup-format';
import { readBackup } from '@core/exchange/backup-read';
import type { BackupSource } from '@core/exchange/backup-write';
import {
  planMerge,
  type LibrarySnapshot,
  type MergePlan,
  type MergeSummary,
} from '@core/exchange/merge';
import type { LibraryDocument } from '@core/exchange/records';
import type { DossierDb, RestoreJob } from './schema';
import { validRecord, validRecords } from './valid-records';

/** Documents read (and written) per step: bounded memory, few round trips. */
const BATCH = 200;

/** The library as a backup reads it, a batch of documents at a time. */
export function backupSource(database: DossierDb): BackupSource {
  return {
    counts: async () => ({
      documents: await database.documents.count(),
      annotations: await database.annotations.count(),
      links: await database.links.count(),
      importRuns: await database.importRuns.count(),
    }),
    async *documents() {
      const ids = (await database.documents.toCollection().primaryKeys()).map(String);
      for (let i = 0; i < ids.length; i += BATCH) {
        const slice = ids.slice(i, i + BATCH);
        // One read transaction per batch sees the three tables in the same state.
        const batch = await database.transaction(
          'r',
          [database.documents, database.contents, database.originals],
          async () => {
            const [records, contents, originals] = await Promise.all([
              database.documents.bulkGet(slice),
              database.contents.bulkGet(slice),
              database.originals.bulkGet(slice),
            ]);
            const docs: LibraryDocument[] = [];
            records.forEach((row, k) => {
              // A record that does not fit is left out: a backup holds only what restores.
              const record = validRecord('documents', row);
              const content = validRecord('contents', contents[k]);
              const original = originals[k];
              // A document removed meanwhile is simply not in this backup.
              if (record && content && original)
                docs.push({ record, content, original: original.bytes });
            });
            return docs;
          },
        );
        yield batch;
      }
    },
    annotations: async () => validRecords('annotations', await database.annotations.toArray()),
    links: async () => validRecords('links', await database.links.toArray()),
    importRuns: async () => validRecords('importRuns', await database.importRuns.toArray()),
  };
}

/** What a merge needs to know of the library: ids and hashes, annotations and links. */
export async function librarySnapshot(database: DossierDb): Promise<LibrarySnapshot> {
  return database.transaction(
    'r',
    [database.documents, database.annotations, database.links, database.importRuns],
    async () => {
      const documents: LibrarySnapshot['documents'] = [];
      await database.documents.each((d) =>
        documents.push({ id: d.id, contentHash: d.contentHash }),
      );
      return {
        documents,
        annotations: await database.annotations.toArray(),
        links: await database.links.toArray(),
        importRunIds: (await database.importRuns.toCollection().primaryKeys()).map(String),
      };
    },
  );
}

export interface WriteOptions {
  signal?: { aborted: boolean };
  onProgress?: (progress: ExchangeProgress) => void;
}

/**
 * Writes a merge plan in one transaction: every document, annotation, link and import summary
 * or none. A cancel or a failure (a full disk) part-way rolls the whole transaction back.
 */
export async function applyMergePlan(
  database: DossierDb,
  plan: Pick<MergePlan, 'documents' | 'annotations' | 'links' | 'importRuns'>,
  options: WriteOptions & { jobId?: string } = {},
): Promise<void> {
  const tables = [
    database.documents,
    database.contents,
    database.originals,
    database.annotations,
    database.links,
    database.importRuns,
    database.restoreJobs,
  ];
  const total = plan.documents.length;
  await database.transaction('rw', tables, async () => {
    for (let i = 0; i < total; i += BATCH) {
      throwIfCancelled(options.signal);
      const slice = plan.documents.slice(i, i + BATCH);
      await database.documents.bulkAdd(slice.map((d) => d.record));
      await database.contents.bulkAdd(slice.map((d) => d.content));
      await database.originals.bulkAdd(
        slice.map((d) => ({ docId: d.record.id, bytes: d.original })),
      );
      options.onProgress?.({ phase: 'writing', done: Math.min(total, i + BATCH), total });
    }
    throwIfCancelled(options.signal);
    await database.annotations.bulkPut(plan.annotations);
    await database.links.bulkPut(plan.links);
    await database.importRuns.bulkPut(plan.importRuns);
    // Off the record with the rest: a restore is on record as running until it is written.
    if (options.jobId !== undefined) await database.restoreJobs.delete(options.jobId);
    // Last look before the transaction commits: a cancel now still leaves nothing behind.
    throwIfCancelled(options.signal);
  });
}

export interface RestoreResult {
  summary: MergeSummary;
  /** True when the library was empty: a restore rather than a merge. */
  restored: boolean;
}

/**
 * Restores a backup into an empty library, or merges it into a non-empty one. The whole file
 * is checked before anything is written, then everything is written in one transaction.
 * With a `job`, the restore is on record while it runs (restoreJournal): one cut short by a
 * closed window is found at the next start.
 */
export async function restoreBackup(
  database: DossierDb,
  bytes: Uint8Array,
  options: WriteOptions & { now?: number; newId?: () => string; job?: RestoreJob } = {},
): Promise<RestoreResult> {
  const { job } = options;
  if (job) await database.restoreJobs.put(job);
  try {
    const backup = await readBackup(bytes, options);
    throwIfCancelled(options.signal);
    const snapshot = await librarySnapshot(database);
    const plan = planMerge(backup, snapshot, {
      now: options.now ?? Date.now(),
      newId: options.newId ?? (() => crypto.randomUUID()),
    });
    await applyMergePlan(database, plan, { ...options, jobId: job?.id });
    return { summary: plan.summary, restored: snapshot.documents.length === 0 };
  } catch (error) {
    // Refused, cancelled or failed: nothing was written, and the analyst is told so now.
    if (job) await database.restoreJobs.delete(job.id).catch(() => undefined);
    throw error;
  }
}

export { CancelledError };
