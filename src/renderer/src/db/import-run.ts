import type { ReadAs } from '@core/model';

export type ImportOutcome =
  'imported' | 'updated' | 'duplicate' | 'unsupported' | 'failed' | 'cancelled';

export interface ImportFileResult {
  relativePath: string;
  outcome: ImportOutcome;
  /** Why it was not imported, in words a person understands. */
  reason?: string;
  /** 'encrypted': the file can be imported again with a password. */
  code?: 'encrypted';
  docId?: string;
  title?: string;
  /** Text and HTML files: the encoding they were read as, and how it was settled. */
  readAs?: ReadAs;
}

export interface ImportRun {
  id: string;
  startedAt: number;
  finishedAt: number;
  origin: 'files' | 'folder' | 'drop' | 'samples';
  files: ImportFileResult[];
}

export function countOutcomes(run: Pick<ImportRun, 'files'>): Record<ImportOutcome, number> {
  const counts: Record<ImportOutcome, number> = {
    imported: 0,
    updated: 0,
    duplicate: 0,
    unsupported: 0,
    failed: 0,
    cancelled: 0,
  };
  for (const file of run.files) counts[file.outcome] += 1;
  return counts;
}
