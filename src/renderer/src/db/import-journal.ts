import type { StoredMark } from '@core/jobs/ingest-station';
import type { ImportFileResult, ImportRun } from './import-run';

export type { StoredMark };

/**
 * Where one file of an import stands, each stage after the one before: listed when the import
 * starts ('queued'), read and hashed ('parsed'), its outcome settled ('decided': new, a new
 * version, a duplicate, failed…), its document committed to the library ('stored'), and its
 * outcome written into the import's saved summary ('reported').
 */
export const FILE_STAGES = ['queued', 'parsed', 'decided', 'stored', 'reported'] as const;
export type FileStage = (typeof FILE_STAGES)[number];

export function stageRank(stage: FileStage): number {
  return FILE_STAGES.indexOf(stage);
}

/**
 * An import that has not finished: written when it starts, removed in the same transaction
 * that saves its summary. One still 'running' when the app starts again was interrupted.
 */
export interface ImportJob {
  id: string;
  origin: ImportRun['origin'];
  /** "folder “reports” (300 files)", as the progress panel named it. */
  label: string;
  startedAt: number;
  total: number;
  state: 'running' | 'interrupted';
  /** The window that runs it, while it runs. */
  owner?: string;
}

/** What is known of one file of an unfinished import. */
export interface JournalFile {
  jobId: string;
  /** The file's place in the import. */
  index: number;
  name: string;
  relativePath: string;
  stage: FileStage;
  /** Bytes, once known (the browser's files are measured when read). */
  size?: number;
  contentHash?: string;
  /**
   * The outcome once decided. 'imported' and 'updated' hold only from the stage 'stored' on:
   * before that, the document was not in the library yet.
   */
  result?: ImportFileResult;
}

/** A change of one file's stage, with what was learnt on the way. */
export type JournalPatch = Pick<JournalFile, 'stage'> &
  Partial<Pick<JournalFile, 'size' | 'contentHash' | 'result'>>;

/** Merges a patch into a file's row; a stage never goes back (a late write loses to a newer). */
export function applyJournalPatch(row: JournalFile, patch: JournalPatch): JournalFile {
  if (stageRank(patch.stage) < stageRank(row.stage)) return row;
  return { ...row, ...patch };
}

/** Files of an unfinished import whose documents are in the library. */
export function storedFiles(rows: readonly JournalFile[]): JournalFile[] {
  return rows.filter((row) => stageRank(row.stage) >= stageRank('stored'));
}

/** Whether nothing of the import is left to do: every file stored or settled otherwise. */
export function nothingLeft(rows: readonly JournalFile[]): boolean {
  return rows.every((row) => stageRank(row.stage) >= stageRank('stored') || settled(row));
}

/** Decided as something that is not stored (a duplicate, unsupported, failed…). */
function settled(row: JournalFile): boolean {
  const outcome = row.result?.outcome;
  return row.stage === 'decided' && outcome !== undefined && !STORED_OUTCOMES.has(outcome);
}

const STORED_OUTCOMES = new Set(['imported', 'updated']);

/**
 * The summary of an import that stopped part-way, from its journal: what was stored, what
 * was settled otherwise, and every other file as not imported because of the interruption.
 */
export function summaryOfJournal(
  job: ImportJob,
  rows: readonly JournalFile[],
  finishedAt: number,
): ImportRun {
  const byIndex = new Map(rows.map((row) => [row.index, row]));
  const files = Array.from({ length: job.total }, (_, index): ImportFileResult => {
    const row = byIndex.get(index);
    const relativePath = row?.relativePath ?? `file ${index + 1}`;
    if (row?.result && (stageRank(row.stage) >= stageRank('stored') || settled(row))) {
      return { ...row.result, relativePath };
    }
    return {
      relativePath,
      outcome: 'cancelled',
      reason: 'not imported: the import was interrupted',
    };
  });
  return { id: job.id, startedAt: job.startedAt, finishedAt, origin: job.origin, files };
}
