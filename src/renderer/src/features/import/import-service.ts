import { reanchorAnnotation } from '@core/anchoring';
import type { IngestRequest, IngestResponse } from '@core/jobs/ingest-job';
import {
  createIngestStation,
  newDocumentOf,
  type DocumentSink,
  type IngestStation,
  type NewDocument,
  type ParsedSummary,
  type StoreEntry,
} from '@core/jobs/ingest-station';
import type { Annotation, DocumentRecord } from '@core/model';
import type { ImportFileResult, ImportRun } from '../../db/import-run';
import type { SourceFile } from '../../host';
import { storageFullMessage } from '../exchange/storage';

export const MAX_FILE_BYTES = 200 * 1024 * 1024;
/**
 * Parsed documents are stored in batches, one transaction each, of this many documents or
 * this many bytes of originals, whichever comes first: fewer, larger transactions cost the
 * database less per document, and the byte bound keeps a batch of big PDFs in memory small.
 */
const BATCH = 200;
const BATCH_BYTES = 16 * 1024 * 1024;
/** Batches a station may have waiting for storage before its parsing pauses, bounding memory. */
const MAX_COMMITS_QUEUED = 3;
/** Files in flight per station, so that a worker never idles while its answer travels. */
const DEPTH = 2;

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
  replaceVersion(
    docId: string,
    next: NewDocument,
    reanchor: (annotation: Annotation) => Annotation,
  ): Promise<Annotation[]>;
}

export type ImportDeps = {
  library: ImportLibrary;
  newId?: () => string;
  now?: () => number;
} & (
  | {
      /** Stations that parse and store (ingest workers); each gets `DEPTH` files at a time. */
      stations: readonly IngestStation[];
    }
  | {
      /** Parses one file on this thread; the library stores what is kept. */
      ingest(request: IngestRequest): Promise<IngestResponse>;
      library: DocumentSink;
      /** Files parsed at once. */
      concurrency?: number;
    }
);

export interface ImportOptions {
  origin: ImportRun['origin'];
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** Take the (single) file as a new version of this document, whatever its path. */
  versionOf?: string;
  /** Password for encrypted PDFs in this run. */
  password?: string;
  /**
   * Read the (single) file as this encoding. With `versionOf`, the same bytes read again are a
   * new version of their document, not a duplicate of it.
   */
  encoding?: string;
}

interface Parsed {
  index: number;
  file: SourceFile;
  key: string;
  summary: ParsedSummary & { result: { status: 'ok' } };
}

/** One station's documents waiting for a decision to be stored, and its commits in flight. */
interface Lane {
  station: IngestStation;
  entries: { index: number; entry: StoreEntry; result: ImportFileResult }[];
  bytes: number;
  drop: string[];
  commits: Promise<void>;
  inFlight: number;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function stationsOf(deps: ImportDeps): readonly IngestStation[] {
  if ('stations' in deps) return deps.stations;
  const count = Math.max(1, deps.concurrency ?? 1);
  return Array.from({ length: count }, () => createIngestStation(deps.ingest, deps.library));
}

/**
 * Imports files: parse several at once (in workers), skip duplicates by content hash, take a
 * changed file at a known path as a new version of its document, and have the stations
 * store the rest in batches. A failing file never stops the others; a cancel keeps what
 * finished and reports the rest; nothing already stored is touched except documents given
 * a new version.
 */
export async function importFiles(
  files: readonly SourceFile[],
  deps: ImportDeps,
  options: ImportOptions,
): Promise<ImportRun> {
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const runId = newId();
  const startedAt = now();
  const results: ImportFileResult[] = new Array<ImportFileResult>(files.length);
  // The first file (in the import's order) with a given content is the one imported.
  const seenHashes = new Map<
    string,
    { index: number; title: string; lane?: Lane; bytes: number }
  >();
  const stations = stationsOf(deps);
  let next = 0;
  let done = 0;

  const report = (current: string | null) =>
    options.onProgress?.({ done, total: files.length, current, startedAt });

  /** Sends a lane's decisions; never rejects, so one failed batch spares the others. */
  const flush = (lane: Lane) => {
    const { entries, drop } = lane;
    if (entries.length === 0 && drop.length === 0) return lane.commits;
    lane.entries = [];
    lane.bytes = 0;
    lane.drop = [];
    lane.inFlight += 1;
    const commit = async () => {
      try {
        await lane.station.store(
          entries.map((e) => e.entry),
          drop,
        );
        // Only now are they in the library.
        for (const { index, result } of entries) results[index] = result;
      } catch (error) {
        for (const { index, entry } of entries) {
          results[index] = {
            relativePath: entry.filePath,
            outcome: 'failed',
            reason: storageFullMessage(error) ?? `could not be stored: ${describe(error)}`,
          };
        }
      } finally {
        lane.inFlight -= 1;
      }
    };
    lane.commits = lane.commits.then(commit);
    return lane.commits;
  };

  // One read of every hash and path up front leaves database lookups for the rare hits.
  let keys: Promise<{ hashes: Set<string>; paths: Set<string> }> | null = null;
  const decide = async (lane: Lane, p: Parsed) => {
    keys ??= deps.library.knownKeys();
    const { hashes, paths } = await keys;
    const base = { relativePath: p.file.relativePath };
    const { contentHash } = p.summary;
    const { title, readAs } = p.summary.result;
    const reread = options.versionOf !== undefined && options.encoding !== undefined;
    const inLibrary = hashes.has(contentHash) && !reread;
    let sibling = seenHashes.get(contentHash);
    if (sibling && p.index < sibling.index && giveWay(sibling, p)) sibling = undefined;
    if (inLibrary || sibling !== undefined) {
      lane.drop.push(p.key);
      const existing = inLibrary
        ? (await deps.library.findByHashes([contentHash])).get(contentHash)
        : undefined;
      results[p.index] = {
        ...base,
        outcome: 'duplicate',
        reason: `same content as “${existing?.title ?? sibling?.title}”${inLibrary ? ', already in the library' : ' in this import'}`,
      };
      return;
    }
    const target =
      options.versionOf ??
      (paths.has(p.file.relativePath)
        ? (await deps.library.findByPaths([p.file.relativePath])).get(p.file.relativePath)?.id
        : undefined);
    const entry = {
      key: p.key,
      id: target ?? newId(),
      fileName: p.file.name,
      filePath: p.file.relativePath,
      importedAt: now(),
    };
    seenHashes.set(contentHash, {
      index: p.index,
      title,
      lane: target ? undefined : lane,
      bytes: p.summary.byteLength,
    });
    if (!target) {
      const reason = p.summary.result.flags?.includes('no-text') ? 'no text: scanned?' : undefined;
      const result = {
        ...base,
        outcome: 'imported' as const,
        docId: entry.id,
        title,
        reason,
        ...(readAs ? { readAs } : {}),
      };
      lane.entries.push({ index: p.index, entry, result });
      lane.bytes += p.summary.byteLength;
      return;
    }
    const held = await lane.station.take(p.key);
    const moved = await deps.library.replaceVersion(
      target,
      newDocumentOf(held, entry),
      (a) => reanchorAnnotation(a, held.doc.text, contentHash, now(), held.doc.pages).annotation,
    );
    const review = moved.filter((a) => a.review).length;
    results[p.index] = {
      ...base,
      outcome: 'updated',
      docId: target,
      title,
      ...(readAs ? { readAs } : {}),
      reason:
        `new version; ${moved.length} annotation${moved.length === 1 ? '' : 's'} carried over` +
        (review > 0 ? `, ${review} to review` : ''),
    };
  };

  /**
   * Parsing finishes out of order: when a file earlier in the import has the same content as
   * one already decided, the earlier file takes its place if that one is not stored yet.
   */
  const giveWay = (
    later: { index: number; lane?: Lane; bytes: number },
    earlier: Parsed,
  ): boolean => {
    const lane = later.lane;
    const at = lane ? lane.entries.findIndex((e) => e.index === later.index) : -1;
    const waiting = lane?.entries[at];
    if (!lane || !waiting) return false;
    lane.entries.splice(at, 1);
    lane.bytes -= later.bytes;
    lane.drop.push(waiting.entry.key);
    results[later.index] = {
      relativePath: waiting.entry.filePath,
      outcome: 'duplicate',
      reason: `same content as “${earlier.summary.result.title}” in this import`,
    };
    return true;
  };

  const parseOne = async (
    lane: Lane,
    index: number,
    file: SourceFile,
  ): Promise<ImportFileResult | Parsed> => {
    const base = { relativePath: file.relativePath };
    // A file the worker reads itself is measured there too: asking a browser File for its
    // size can cost this thread a file-system call.
    if (!file.blob && file.size > MAX_FILE_BYTES) {
      return { ...base, outcome: 'failed', reason: 'larger than the 200 MB limit' };
    }
    const key = `${runId}/${index}`;
    let summary: ParsedSummary;
    try {
      // A host file the worker can read itself never passes through this thread.
      summary = await lane.station.parse(
        key,
        file.blob
          ? {
              name: file.name,
              blob: file.blob,
              password: options.password,
              encoding: options.encoding,
              maxBytes: MAX_FILE_BYTES,
            }
          : {
              name: file.name,
              bytes: await file.read(),
              password: options.password,
              encoding: options.encoding,
            },
      );
    } catch (error) {
      return { ...base, outcome: 'failed', reason: `could not be read: ${describe(error)}` };
    }
    const { result } = summary;
    if (summary.byteLength > MAX_FILE_BYTES) {
      if (result.status === 'ok') lane.drop.push(key);
      return { ...base, outcome: 'failed', reason: 'larger than the 200 MB limit' };
    }
    if (result.status === 'ok') return { index, file, key, summary: { ...summary, result } };
    return {
      ...base,
      outcome: result.status,
      reason: result.reason,
      ...(result.status === 'failed' && result.code ? { code: result.code } : {}),
    };
  };

  const work = async (lane: Lane) => {
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
        const parsed = await parseOne(lane, index, file);
        if (!('key' in parsed)) results[index] = parsed;
        else {
          // The station must not hold on to a document nobody will decide about.
          await decide(lane, parsed).catch((error: unknown) => {
            lane.drop.push(parsed.key);
            throw error;
          });
        }
      } catch (error) {
        results[index] = {
          relativePath: file.relativePath,
          outcome: 'failed',
          reason: `could not be imported: ${describe(error)}`,
        };
      }
      done += 1;
      // Storing overlaps with parsing; parsing waits only when storage falls behind.
      if (lane.entries.length >= BATCH || lane.bytes >= BATCH_BYTES) {
        const stored = flush(lane);
        if (lane.inFlight > MAX_COMMITS_QUEUED) await stored;
      }
    }
  };

  const lanes: Lane[] = stations.map((station) => ({
    station,
    entries: [],
    bytes: 0,
    drop: [],
    commits: Promise.resolve(),
    inFlight: 0,
  }));
  try {
    const depth = 'stations' in deps ? DEPTH : 1;
    const workers = lanes.flatMap((lane) => Array.from({ length: depth }, () => work(lane)));
    await Promise.all(workers);
  } finally {
    // What was parsed is stored even when a lane failed or the import was cancelled.
    await Promise.all(lanes.map(flush));
  }
  report(null);
  return { id: runId, startedAt, finishedAt: now(), origin: options.origin, files: results };
}
