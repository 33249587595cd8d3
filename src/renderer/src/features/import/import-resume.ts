import type { FileFingerprint } from '@core/jobs/ingest-station';
import { storedFiles, type ImportJob, type JournalFile } from '../../db/import-journal';
import type { ImportFileResult } from '../../db/import-run';

/** A file an interrupted import stored: the rest of it skips the same file chosen again. */
export interface StoredEarlier {
  relativePath: string;
  size: number;
  contentHash: string;
  docId?: string;
  title?: string;
}

/** What an import that resumes an interrupted one needs to know of it. */
export interface ResumeOf {
  jobId: string;
  stored: ReadonlyMap<string, StoredEarlier>;
}

/** The files an interrupted import stored, by the path they were chosen under. */
export function storedEarlierOf(rows: readonly JournalFile[]): Map<string, StoredEarlier> {
  const out = new Map<string, StoredEarlier>();
  for (const row of storedFiles(rows)) {
    if (row.size === undefined || row.contentHash === undefined) continue;
    out.set(row.relativePath, {
      relativePath: row.relativePath,
      size: row.size,
      contentHash: row.contentHash,
      docId: row.result?.docId,
      title: row.result?.title,
    });
  }
  return out;
}

/** Is the file chosen again the one stored: same path (looked up), size and content? */
export function isStoredEarlier(earlier: StoredEarlier, file: FileFingerprint): boolean {
  return earlier.size === file.byteLength && earlier.contentHash === file.contentHash;
}

export function storedEarlierResult(earlier: StoredEarlier): ImportFileResult {
  return {
    relativePath: earlier.relativePath,
    outcome: 'duplicate',
    reason: 'already imported before the interruption',
    ...(earlier.docId ? { docId: earlier.docId } : {}),
    ...(earlier.title ? { title: earlier.title } : {}),
  };
}

/** "The last import was interrupted: 120 of 300 files stored." */
export function interruptedMessage(job: Pick<ImportJob, 'total'>, stored: number): string {
  return `The last import was interrupted: ${stored} of ${job.total} file${job.total === 1 ? '' : 's'} stored.`;
}

/** What to import to complete an interrupted import from the files chosen again. */
export interface ResumePlan<F> {
  /** The chosen files that belong to the interrupted import, in its order. */
  files: F[];
  resume: ResumeOf;
  /** Files of the interrupted import not among those chosen. */
  missing: number;
}

/**
 * Matches the files chosen again against the interrupted import's list by relative path;
 * files it never listed are left out (this completes that import, nothing else). Null when
 * none of the chosen files belong to it.
 */
export function planResume<F extends { relativePath: string }>(
  jobId: string,
  rows: readonly JournalFile[],
  chosen: readonly F[],
): ResumePlan<F> | null {
  const order = new Map(rows.map((row) => [row.relativePath, row.index]));
  const files = chosen
    .filter((f) => order.has(f.relativePath))
    .sort((a, b) => (order.get(a.relativePath) ?? 0) - (order.get(b.relativePath) ?? 0));
  if (files.length === 0) return null;
  const chosenPaths = new Set(files.map((f) => f.relativePath));
  const missing = rows.filter((row) => !chosenPaths.has(row.relativePath)).length;
  return { files, resume: { jobId, stored: storedEarlierOf(rows) }, missing };
}
