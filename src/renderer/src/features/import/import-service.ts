import { reanchorAnnotation } from '@core/anchoring';
import type { IngestRequest, IngestResponse } from '@core/jobs/ingest-job';
import type { Annotation, DocumentRecord, ParsedDocument } from '@core/model';
import type { NewDocument } from '../../db/documents-repo';
import type { ImportFileResult, ImportRun } from '../../db/import-run';
import type { SourceFile } from '../../host';

export const MAX_FILE_BYTES = 200 * 1024 * 1024;
/** Parsed documents are stored in batches of this many, one transaction each. */
const BATCH = 50;
/** Batches that may wait for storage before parsing pauses, bounding memory. */
const MAX_COMMITS_QUEUED = 3;

export interface ImportProgress {
  done: number;
  total: number;
  current: string | null;
  startedAt: number;
}

/** The parts of the library an import needs. */
export interface ImportLibrary {
  /** Every content hash and file path in the library, read once per import. */
  knownKeys(): Promise<{ hashes: Set<string>; paths: Set<string> }>;
  findByHashes(hashes: readonly string[]): Promise<Map<string, Pick<DocumentRecord, 'title'>>>;
  findByPaths(paths: readonly string[]): Promise<Map<string, Pick<DocumentRecord, 'id' | 'title'>>>;
  addMany(docs: readonly NewDocument[]): Promise<void>;
  replaceVersion(
    docId: string,
    next: NewDocument,
    reanchor: (annotation: Annotation) => Annotation,
  ): Promise<Annotation[]>;
}

export interface ImportDeps {
  /** Parses one file; called for several files at once, up to `concurrency`. */
  ingest(request: IngestRequest): Promise<IngestResponse>;
  concurrency?: number;
  library: ImportLibrary;
  newId?: () => string;
  now?: () => number;
}

export interface ImportOptions {
  origin: ImportRun['origin'];
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** Take the (single) file as a new version of this document, whatever its path. */
  versionOf?: string;
  /** Password for encrypted PDFs in this run. */
  password?: string;
}

interface Parsed {
  index: number;
  file: SourceFile;
  doc: ParsedDocument;
  contentHash: string;
  bytes: Uint8Array;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function noteFor(doc: ParsedDocument): string | undefined {
  return doc.flags?.includes('no-text') ? 'no text: scanned?' : undefined;
}

/**
 * Imports files: parse several at once (in workers), skip duplicates by content hash, take a
 * changed file at a known path as a new version of its document, and store the rest in
 * batches. A failing file never stops the others; a cancel keeps what finished and reports
 * the rest; nothing already stored is touched except documents given a new version.
 */
export async function importFiles(
  files: readonly SourceFile[],
  deps: ImportDeps,
  options: ImportOptions,
): Promise<ImportRun> {
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const startedAt = now();
  const results: ImportFileResult[] = new Array<ImportFileResult>(files.length);
  const seenHashes = new Map<string, string>();
  let pending: Parsed[] = [];
  let commits: Promise<void> = Promise.resolve();
  let next = 0;
  let done = 0;

  const report = (current: string | null) =>
    options.onProgress?.({ done, total: files.length, current, startedAt });

  const toNewDocument = (p: Parsed, id: string): NewDocument => {
    const { text, blocks, pages, ...meta } = p.doc;
    return {
      record: {
        ...meta,
        id,
        fileName: p.file.name,
        filePath: p.file.relativePath,
        contentHash: p.contentHash,
        byteLength: p.bytes.byteLength,
        textLength: text.length,
        importedAt: now(),
        ...(pages ? { pageCount: pages.length } : {}),
      },
      content: { docId: id, text, blocks, ...(pages ? { pages } : {}) },
      original: p.bytes,
    };
  };

  /** Decides and stores one batch; never rejects, so one failed batch spares the others. */
  const commit = async (batch: Parsed[]) => {
    try {
      await decideAndStore(batch);
    } catch (error) {
      for (const p of batch) {
        if (results[p.index]?.outcome === 'duplicate' || results[p.index]?.outcome === 'updated')
          continue;
        results[p.index] = {
          relativePath: p.file.relativePath,
          outcome: 'failed',
          reason: `could not be stored: ${describe(error)}`,
        };
      }
    }
  };

  // Looking each batch's hashes and paths up in the database costs a round trip per key;
  // one read of all keys up front leaves lookups only for the rare hits.
  let keys: Promise<{ hashes: Set<string>; paths: Set<string> }> | null = null;
  const decideAndStore = async (batch: Parsed[]) => {
    keys ??= deps.library.knownKeys();
    const { hashes, paths } = await keys;
    const hashHits = batch.map((p) => p.contentHash).filter((h) => hashes.has(h));
    const pathHits = options.versionOf
      ? []
      : batch.map((p) => p.file.relativePath).filter((path) => paths.has(path));
    const known =
      hashHits.length > 0
        ? await deps.library.findByHashes(hashHits)
        : new Map<string, Pick<DocumentRecord, 'title'>>();
    const byPath =
      pathHits.length > 0
        ? await deps.library.findByPaths(pathHits)
        : new Map<string, Pick<DocumentRecord, 'id' | 'title'>>();
    const fresh: NewDocument[] = [];
    const stored: [number, ImportFileResult][] = [];
    for (const p of batch) {
      const base = { relativePath: p.file.relativePath };
      const existing = known.get(p.contentHash);
      const sibling = seenHashes.get(p.contentHash);
      if (existing || sibling !== undefined) {
        const title = existing?.title ?? sibling;
        results[p.index] = {
          ...base,
          outcome: 'duplicate',
          reason: `same content as “${title}”${existing ? ', already in the library' : ' in this import'}`,
        };
        continue;
      }
      seenHashes.set(p.contentHash, p.doc.title);
      const target = options.versionOf ?? byPath.get(p.file.relativePath)?.id;
      if (target) {
        const moved = await deps.library.replaceVersion(
          target,
          toNewDocument(p, target),
          (a) => reanchorAnnotation(a, p.doc.text, p.contentHash, now()).annotation,
        );
        const review = moved.filter((a) => a.review).length;
        results[p.index] = {
          ...base,
          outcome: 'updated',
          docId: target,
          title: p.doc.title,
          reason:
            `new version; ${moved.length} annotation${moved.length === 1 ? '' : 's'} carried over` +
            (review > 0 ? `, ${review} to review` : ''),
        };
        continue;
      }
      const id = newId();
      fresh.push(toNewDocument(p, id));
      stored.push([
        p.index,
        { ...base, outcome: 'imported', docId: id, title: p.doc.title, reason: noteFor(p.doc) },
      ]);
    }
    await deps.library.addMany(fresh);
    // Only now are they in the library.
    for (const [index, result] of stored) results[index] = result;
  };

  let commitsInFlight = 0;
  const flush = () => {
    const batch = pending;
    pending = [];
    if (batch.length > 0) {
      commitsInFlight += 1;
      commits = commits
        .then(() => commit(batch))
        .finally(() => {
          commitsInFlight -= 1;
        });
    }
    return commits;
  };

  const parseOne = async (index: number, file: SourceFile): Promise<ImportFileResult | Parsed> => {
    const base = { relativePath: file.relativePath };
    // A file the worker reads itself is measured there too: asking a browser File for its
    // size can cost this thread a file-system call.
    if (!file.blob && file.size > MAX_FILE_BYTES) {
      return { ...base, outcome: 'failed', reason: 'larger than the 200 MB limit' };
    }
    let response: IngestResponse;
    try {
      // A host file the worker can read itself never passes through this thread.
      response = await deps.ingest(
        file.blob
          ? {
              name: file.name,
              blob: file.blob,
              password: options.password,
              maxBytes: MAX_FILE_BYTES,
            }
          : { name: file.name, bytes: await file.read(), password: options.password },
      );
    } catch (error) {
      return { ...base, outcome: 'failed', reason: `could not be read: ${describe(error)}` };
    }
    const { result, contentHash, bytes } = response;
    if (bytes.byteLength > MAX_FILE_BYTES) {
      return { ...base, outcome: 'failed', reason: 'larger than the 200 MB limit' };
    }
    if (result.status === 'ok') return { index, file, doc: result.doc, contentHash, bytes };
    return {
      ...base,
      outcome: result.status,
      reason: result.reason,
      ...(result.status === 'failed' && result.code ? { code: result.code } : {}),
    };
  };

  const lane = async () => {
    while (next < files.length) {
      const index = next++;
      const file = files[index] as SourceFile;
      if (options.signal?.aborted) {
        results[index] = {
          relativePath: file.relativePath,
          outcome: 'cancelled',
          reason: 'import cancelled',
        };
        continue;
      }
      report(file.relativePath);
      try {
        const parsed = await parseOne(index, file);
        if ('doc' in parsed) pending.push(parsed);
        else results[index] = parsed;
      } catch (error) {
        results[index] = {
          relativePath: file.relativePath,
          outcome: 'failed',
          reason: `could not be imported: ${describe(error)}`,
        };
      }
      done += 1;
      // Storing overlaps with parsing; parsing waits only when storage falls behind.
      if (pending.length >= BATCH) {
        const stored = flush();
        if (commitsInFlight > MAX_COMMITS_QUEUED) await stored;
      }
    }
  };

  try {
    const lanes = Math.max(1, Math.min(deps.concurrency ?? 1, files.length));
    await Promise.all(Array.from({ length: lanes }, lane));
  } finally {
    // What was parsed is stored even when a lane failed or the import was cancelled.
    await flush();
  }
  report(null);
  return { id: newId(), startedAt, finishedAt: now(), origin: options.origin, files: results };
}
