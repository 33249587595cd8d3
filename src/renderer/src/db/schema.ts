import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Annotation, AnnotationLink, DocumentContent, DocumentRecord } from '@core/model';
import type { ImportJob, JournalFile } from './import-journal';
import type { ImportRun } from './import-run';

export interface OriginalFile {
  docId: string;
  bytes: Uint8Array;
}

/** What the saved search index covers: one row, next to its segments. */
export interface SavedIndex {
  id: 'main';
  /** Indexed documents: id → signatureOf(), to find what changed since. */
  signatures: Record<string, string>;
  /** Per segment key, the documents removed from it since it was built. */
  deleted: Record<string, number[]>;
  builtAt: number;
}

/** One segment of the search index (SegmentData as JSON: quicker to store than objects). */
export interface SavedSegment {
  key: string;
  json: string;
  size: number;
  builtAt: number;
}

/**
 * A restore or merge of a backup that has not finished: written before it starts, removed in
 * the transaction that writes the backup's records (or once it fails). One left behind by a
 * window that is gone was interrupted, with nothing of it written.
 */
export interface RestoreJob {
  id: string;
  /** The backup's file name, as chosen. */
  fileName: string;
  startedAt: number;
  /** The window that runs it, while it runs. */
  owner?: string;
}

export const DB_NAME = 'dossier';

/**
 * The library's tables. Only what is queried is indexed; text and bytes never are.
 * Each schema change gets a new version here, with an upgrade function when data must move.
 */
export class DossierDb extends Dexie {
  documents!: EntityTable<DocumentRecord, 'id'>;
  contents!: EntityTable<DocumentContent, 'docId'>;
  originals!: EntityTable<OriginalFile, 'docId'>;
  annotations!: EntityTable<Annotation, 'id'>;
  links!: EntityTable<AnnotationLink, 'id'>;
  searchIndex!: EntityTable<SavedIndex, 'id'>;
  searchSegments!: EntityTable<SavedSegment, 'key'>;
  importRuns!: EntityTable<ImportRun, 'id'>;
  importJobs!: EntityTable<ImportJob, 'id'>;
  importJobFiles!: Table<JournalFile, [string, number]>;
  restoreJobs!: EntityTable<RestoreJob, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      documents: 'id, contentHash, date, importedAt',
      contents: 'docId',
      originals: 'docId',
      annotations: 'id, docId, tag, createdAt',
      searchIndex: 'id',
      importRuns: 'id, startedAt',
    });
    // v2: find a document by the path it was imported from, to take in new versions.
    this.version(2).stores({ documents: 'id, contentHash, date, importedAt, filePath' });
    // v3: links between annotations, found from either end; annotations by actor.
    this.version(3).stores({
      annotations: 'id, docId, tag, createdAt, actor',
      links: 'id, fromId, toId',
    });
    // v4: the search index as segments; the single lunr index saved before is dropped
    // (the new engine cannot read it) and rebuilt from the library on the next start.
    this.version(4)
      .stores({ searchSegments: 'key' })
      .upgrade((tx) => tx.table('searchIndex').clear());
    // v5: imports that have not finished, with each file's stage, so an interrupted import is
    // reported on the next start and the rest can be imported.
    this.version(5).stores({ importJobs: 'id, state', importJobFiles: '[jobId+index], jobId' });
    // v6: restores that have not finished, so one cut short is reported at the next start.
    this.version(6).stores({ restoreJobs: 'id' });
  }
}

let instance: DossierDb | null = null;

/** The app's one database connection. */
export function db(): DossierDb {
  instance ??= new DossierDb();
  return instance;
}
