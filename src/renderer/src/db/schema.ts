import Dexie, { type EntityTable } from 'dexie';
import type { Annotation, AnnotationLink, DocumentContent, DocumentRecord } from '@core/model';
import type { ImportRun } from './import-run';

export interface OriginalFile {
  docId: string;
  bytes: Uint8Array;
}

export interface SavedIndex {
  id: 'main';
  json: string;
  /** corpusFingerprint() of the documents the index covers. */
  fingerprint: string;
  builtAt: number;
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
  importRuns!: EntityTable<ImportRun, 'id'>;

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
  }
}

let instance: DossierDb | null = null;

/** The app's one database connection. */
export function db(): DossierDb {
  instance ??= new DossierDb();
  return instance;
}
