import type { IngestRequest, IngestResponse } from '@core/jobs/ingest-job';
import type { DocumentRecord } from '@core/model';
import type { NewDocument } from '../../db/documents-repo';
import type { ImportFileResult, ImportRun } from '../../db/import-run';
import type { SourceFile } from '../../host';

export const MAX_FILE_BYTES = 200 * 1024 * 1024;

export interface ImportProgress {
  done: number;
  total: number;
  current: string | null;
  startedAt: number;
}

export interface ImportDeps {
  ingest(request: IngestRequest): Promise<IngestResponse>;
  findByHash(contentHash: string): Promise<Pick<DocumentRecord, 'title'> | undefined>;
  store(doc: NewDocument): Promise<void>;
  newId?: () => string;
  now?: () => number;
}

export interface ImportOptions {
  origin: ImportRun['origin'];
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function importOne(file: SourceFile, deps: ImportDeps, now: () => number) {
  const base = { relativePath: file.relativePath };
  if (file.size > MAX_FILE_BYTES) {
    return { ...base, outcome: 'failed', reason: 'larger than the 200 MB limit' } as const;
  }
  let bytes: Uint8Array;
  try {
    bytes = await file.read();
  } catch (error) {
    return { ...base, outcome: 'failed', reason: `could not be read: ${describe(error)}` } as const;
  }
  const { result, contentHash, byteLength } = await deps.ingest({ name: file.name, bytes });
  if (result.status !== 'ok') {
    return { ...base, outcome: result.status, reason: result.reason } as const;
  }
  const existing = await deps.findByHash(contentHash);
  if (existing) {
    return {
      ...base,
      outcome: 'duplicate',
      reason: `same content as “${existing.title}”, already in the library`,
    } as const;
  }
  const id = deps.newId?.() ?? crypto.randomUUID();
  const { text, blocks, ...meta } = result.doc;
  await deps.store({
    record: {
      ...meta,
      id,
      fileName: file.name,
      filePath: file.relativePath,
      contentHash,
      byteLength,
      textLength: text.length,
      importedAt: now(),
    },
    content: { docId: id, text, blocks },
    original: bytes,
  });
  return { ...base, outcome: 'imported', docId: id, title: meta.title } as const;
}

/**
 * Imports files one by one: parse (in the worker), skip duplicates by content hash, store.
 * A file that fails never stops the others; a cancel keeps what finished and reports the rest.
 */
export async function importFiles(
  files: readonly SourceFile[],
  deps: ImportDeps,
  options: ImportOptions,
): Promise<ImportRun> {
  const now = deps.now ?? Date.now;
  const startedAt = now();
  const results: ImportFileResult[] = [];
  for (const [index, file] of files.entries()) {
    options.onProgress?.({
      done: index,
      total: files.length,
      current: file.relativePath,
      startedAt,
    });
    if (options.signal?.aborted) {
      results.push({
        relativePath: file.relativePath,
        outcome: 'cancelled',
        reason: 'import cancelled',
      });
      continue;
    }
    try {
      results.push(await importOne(file, deps, now));
    } catch (error) {
      results.push({
        relativePath: file.relativePath,
        outcome: 'failed',
        reason: `could not be imported: ${describe(error)}`,
      });
    }
  }
  options.onProgress?.({ done: files.length, total: files.length, current: null, startedAt });
  return {
    id: deps.newId?.() ?? crypto.randomUUID(),
    startedAt,
    finishedAt: now(),
    origin: options.origin,
    files: results,
  };
}
