import { reanchorAnnotation } from '@core/anchoring';
import type { IngestRequest, IngestResponse } from '@core/jobs/ingest-job';
import {
  createIngestStation,
  newDocumentOf,
  type DocumentSink,
  type IngestStation,
  type NewDocument,
  type StoredMark,
} from '@core/jobs/ingest-station';
import type { Annotation, DocumentRecord } from '@core/model';
import type { ImportRun } from '../../db/import-run';
import type { SourceFile } from '../../host';
import { storageFullMessage } from '../exchange/storage';
import { JournalWriter, type JournalStore } from './import-journal-writer';
import { isStoredEarlier, storedEarlierResult, type ResumeOf } from './import-resume';
import {
  BATCH_BYTES,
  BATCH_MS,
  ContentClaims,
  ImportLedger,
  MAX_FILE_BYTES,
  StoreBatch,
  duplicateResult,
  failedResult,
  importedResult,
  outcomeOfParse,
  refusedUnread,
  updatedResult,
  type ParseOutcome,
  type Parsed,
} from './import-steps';

export { MAX_FILE_BYTES };

/** Batches a station may have waiting for storage before its parsing pauses, bounding memory. */
const MAX_COMMITS_QUEUED = 3;
/** Files in flight per station, so that a worker never idles while its answer travels. */
const DEPTH = 2;

export interface ImportProgress {
  /** Files decided: imported, skipped or failed. */
  done: number;
  /** Files whose documents are in the library. */
  stored: number;
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
    mark?: (moved: readonly Annotation[]) => StoredMark,
  ): Promise<Annotation[]>;
}

export type ImportDeps = {
  library: ImportLibrary;
  /** Where the import records its files' stages as it goes, and its summary at the end. */
  journal?: JournalStore;
  /** Documents per stored batch (tests use small ones); see BATCH. */
  batchSize?: number;
  newId?: () => string;
  now?: () => number;
  /** Waits while more urgent work runs (a search being answered) before each file is read. */
  yieldTo?: () => Promise<void>;
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
  /** The import's name in the journal ("folder “reports” (300 files)"). */
  label?: string;
  /** An interrupted import this one completes: the files it stored are skipped unread. */
  resume?: ResumeOf;
  /** The window running the import, recorded in the journal. */
  owner?: string;
}

/** One station with its documents waiting to be stored and its commits in flight. */
interface Lane {
  station: IngestStation;
  batch: StoreBatch;
  commits: Promise<void>;
  inFlight: number;
  /** Stores a batch that waits too long (BATCH_MS) though not full. */
  timer: ReturnType<typeof setTimeout> | null;
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
 * a new version. A file is reported imported only once its document is committed.
 */
export function importFiles(
  files: readonly SourceFile[],
  deps: ImportDeps,
  options: ImportOptions,
): Promise<ImportRun> {
  return new ImportRunner(files, deps, options).run();
}

/** One import: sequences the steps of import-steps.ts over the files and the stations. */
class ImportRunner {
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly runId: string;
  private readonly startedAt: number;
  private readonly journal: JournalWriter | null;
  private readonly ledger: ImportLedger;
  private readonly claims = new ContentClaims();
  private readonly lanes: Lane[];
  private keys: Promise<{ hashes: Set<string>; paths: Set<string> }> | null = null;
  /**
   * The last batch sent to be stored, by any station: batches go one at a time. The database
   * would run them one after another anyway, but a read that comes meanwhile (a search's
   * snippets, a document opened) then waits for at most the batch being written, not for
   * every batch the stations have queued.
   */
  private writing: Promise<unknown> = Promise.resolve();
  private next = 0;
  private current: string | null = null;

  constructor(
    private readonly files: readonly SourceFile[],
    private readonly deps: ImportDeps,
    private readonly options: ImportOptions,
  ) {
    this.now = deps.now ?? Date.now;
    this.newId = deps.newId ?? (() => crypto.randomUUID());
    this.runId = this.newId();
    this.startedAt = this.now();
    this.journal = deps.journal ? new JournalWriter(deps.journal, this.runId) : null;
    this.ledger = new ImportLedger(files.length, (index, patch) =>
      this.journal?.note(index, patch),
    );
    this.lanes = stationsOf(deps).map((station) => ({
      station,
      batch: new StoreBatch(
        deps.batchSize ? { count: deps.batchSize, bytes: BATCH_BYTES } : undefined,
      ),
      commits: Promise.resolve(),
      inFlight: 0,
      timer: null,
    }));
  }

  async run(): Promise<ImportRun> {
    await this.begin();
    try {
      const depth = 'stations' in this.deps ? DEPTH : 1;
      await Promise.all(
        this.lanes.flatMap((lane) => Array.from({ length: depth }, () => this.work(lane))),
      );
    } finally {
      // What was parsed is stored even when a lane failed or the import was cancelled.
      await Promise.all(this.lanes.map((lane) => this.flush(lane)));
    }
    this.current = null;
    this.progress();
    const run: ImportRun = {
      id: this.runId,
      startedAt: this.startedAt,
      finishedAt: this.now(),
      origin: this.options.origin,
      files: this.ledger.report(),
    };
    if (this.journal && this.deps.journal) {
      await this.journal.flush();
      await this.deps.journal.finish(this.runId, run);
    }
    return run;
  }

  /** Lists the import and its files in the journal before any file is read. */
  private async begin() {
    const store = this.deps.journal;
    if (!store) return;
    await store.begin(
      {
        id: this.runId,
        origin: this.options.origin,
        label: this.options.label ?? `${this.files.length} files`,
        startedAt: this.startedAt,
        total: this.files.length,
        state: 'running',
        ...(this.options.owner ? { owner: this.options.owner } : {}),
      },
      this.files.map((f) => {
        // Stored by the import this one resumes: it counts as stored from the start, as its
        // document is in the library (a changed file becomes a new version of it).
        const earlier = this.options.resume?.stored.get(f.relativePath);
        const stored = earlier && {
          size: earlier.size,
          contentHash: earlier.contentHash,
          result: storedEarlierResult(earlier),
        };
        // A browser file's size costs a file-system call here; its worker measures it instead.
        return {
          name: f.name,
          relativePath: f.relativePath,
          ...(f.blob ? {} : { size: f.size }),
          ...(stored ? { stored } : {}),
        };
      }),
      this.options.resume?.jobId,
    );
  }

  private progress() {
    const { done, inLibrary, total } = this.ledger;
    this.options.onProgress?.({
      done,
      stored: inLibrary,
      total,
      current: this.current,
      startedAt: this.startedAt,
    });
  }

  private async work(lane: Lane) {
    while (this.next < this.files.length) {
      const index = this.next++;
      const file = this.files[index] as SourceFile;
      if (this.options.signal?.aborted) {
        const cancelled = { relativePath: file.relativePath, outcome: 'cancelled' as const };
        this.ledger.settled(index, { ...cancelled, reason: 'import cancelled' });
        continue;
      }
      // Searches go first: no new file while one is answered.
      if (this.deps.yieldTo) await this.deps.yieldTo();
      this.current = file.relativePath;
      this.progress();
      try {
        await this.importOne(lane, index, file);
      } catch (error) {
        const reason = `could not be imported: ${describe(error)}`;
        this.ledger.settled(index, failedResult(file.relativePath, reason));
      }
      this.progress();
      // Storing overlaps with parsing; parsing waits only when storage falls behind.
      if (lane.batch.full) {
        const stored = this.flush(lane);
        if (lane.inFlight > MAX_COMMITS_QUEUED) await stored;
      }
    }
  }

  private async importOne(lane: Lane, index: number, file: SourceFile) {
    if (await this.storedEarlier(lane, index, file)) return;
    const outcome = await this.parse(lane, index, file);
    if (outcome.kind === 'final') {
      if (outcome.drop) lane.batch.drop(`${this.runId}/${index}`);
      this.ledger.settled(index, outcome.result);
      return;
    }
    const { parsed } = outcome;
    this.ledger.parsed(index, parsed.summary.byteLength, parsed.summary.contentHash);
    // The station must not hold on to a document nobody will decide about.
    await this.decide(lane, parsed, file).catch((error: unknown) => {
      lane.batch.drop(parsed.key);
      throw error;
    });
  }

  /** The request a station reads a file from: the file itself where the host has one. */
  private async request(file: SourceFile): Promise<IngestRequest> {
    const { password, encoding } = this.options;
    return file.blob
      ? { name: file.name, blob: file.blob, password, encoding, maxBytes: MAX_FILE_BYTES }
      : { name: file.name, bytes: await file.read(), password, encoding };
  }

  /** Resuming: a file the interrupted import stored (same path, size and hash) is skipped. */
  private async storedEarlier(lane: Lane, index: number, file: SourceFile): Promise<boolean> {
    const earlier = this.options.resume?.stored.get(file.relativePath);
    if (!earlier) return false;
    const fingerprint = await lane.station.fingerprint(await this.request(file));
    if (!isStoredEarlier(earlier, fingerprint)) return false;
    this.ledger.storedEarlier(index, storedEarlierResult(earlier), fingerprint);
    return true;
  }

  private async parse(lane: Lane, index: number, file: SourceFile): Promise<ParseOutcome> {
    // A file the worker reads itself is measured there too: asking a browser File for its
    // size can cost this thread a file-system call.
    const refused = file.blob ? null : refusedUnread(file.relativePath, file.size);
    if (refused) return { kind: 'final', result: refused, drop: false };
    const key = `${this.runId}/${index}`;
    try {
      const summary = await lane.station.parse(key, await this.request(file));
      return outcomeOfParse(index, key, file.relativePath, summary);
    } catch (error) {
      const reason = `could not be read: ${describe(error)}`;
      return { kind: 'final', result: failedResult(file.relativePath, reason), drop: false };
    }
  }

  /** One read of every hash and path up front leaves database lookups for the rare hits. */
  private knownKeys() {
    this.keys ??= this.deps.library.knownKeys();
    return this.keys;
  }

  private async decide(lane: Lane, parsed: Parsed, file: SourceFile) {
    const { hashes, paths } = await this.knownKeys();
    const { index, summary } = parsed;
    const { contentHash } = summary;
    const { versionOf, encoding } = this.options;
    const reread = versionOf !== undefined && encoding !== undefined;
    if (hashes.has(contentHash) && !reread) {
      lane.batch.drop(parsed.key);
      const existing = (await this.deps.library.findByHashes([contentHash])).get(contentHash);
      this.ledger.settled(index, duplicateResult(file.relativePath, existing?.title, true));
      return;
    }
    const claim = { index, title: summary.result.title };
    const first = this.claims.claim(contentHash, claim, (later) => this.withdraw(later, claim));
    if (first) {
      lane.batch.drop(parsed.key);
      this.ledger.settled(index, duplicateResult(file.relativePath, first.title, false));
      return;
    }
    const target =
      versionOf ??
      (paths.has(file.relativePath)
        ? (await this.deps.library.findByPaths([file.relativePath])).get(file.relativePath)?.id
        : undefined);
    const id = target ?? this.newId();
    const result = importedResult(parsed, file.relativePath, id);
    const entry = {
      key: parsed.key,
      id,
      fileName: file.name,
      filePath: file.relativePath,
      importedAt: this.now(),
    };
    if (target) {
      await this.storeVersion(lane, parsed, entry);
      return;
    }
    this.ledger.decided(index, result);
    const mark = { jobId: this.runId, index, result: { ...result, outcome: 'imported' as const } };
    lane.batch.add({
      index,
      entry: this.journal ? { ...entry, mark } : entry,
      result,
      bytes: summary.byteLength,
    });
    lane.timer ??= setTimeout(() => void this.flush(lane), BATCH_MS);
  }

  /** A later file that claimed a content gives way to an earlier one, if not yet stored. */
  private withdraw(later: number, earlier: { title: string }): boolean {
    for (const lane of this.lanes) {
      const pending = lane.batch.withdraw(later);
      if (!pending) continue;
      const { relativePath } = pending.result;
      this.ledger.settled(later, duplicateResult(relativePath, earlier.title, false));
      return true;
    }
    return false;
  }

  /** A new version replaces its document's text here, with its annotations moved along. */
  private async storeVersion(
    lane: Lane,
    parsed: Parsed,
    entry: { key: string; id: string; fileName: string; filePath: string; importedAt: number },
  ) {
    const { index, summary } = parsed;
    this.ledger.decided(index, { relativePath: entry.filePath, outcome: 'updated' });
    const held = await lane.station.take(parsed.key);
    const result = (moved: readonly Annotation[]) =>
      updatedResult(parsed, entry.filePath, entry.id, moved);
    const mark = (moved: readonly Annotation[]): StoredMark => {
      const { contentHash, byteLength: size } = summary;
      return { jobId: this.runId, index, size, contentHash, result: result(moved) };
    };
    const moved = await this.deps.library.replaceVersion(
      entry.id,
      newDocumentOf(held, entry),
      (a) =>
        reanchorAnnotation(a, held.doc.text, summary.contentHash, this.now(), held.doc.pages)
          .annotation,
      this.journal ? mark : undefined,
    );
    this.ledger.stored(index, result(moved));
  }

  /** Sends a lane's waiting documents to be stored; never rejects, sparing other batches. */
  private flush(lane: Lane): Promise<void> {
    if (lane.timer) clearTimeout(lane.timer);
    lane.timer = null;
    const taken = lane.batch.take();
    if (!taken) return lane.commits;
    lane.inFlight += 1;
    const commit = async () => {
      try {
        const stored = this.writing.then(() =>
          lane.station.store(
            taken.entries.map((e) => e.entry),
            taken.drop,
          ),
        );
        this.writing = stored.catch(() => undefined);
        await stored;
        // Only now are they in the library.
        for (const { index, result } of taken.entries) this.ledger.stored(index, result);
      } catch (error) {
        const reason = storageFullMessage(error) ?? `could not be stored: ${describe(error)}`;
        for (const { index, result } of taken.entries) {
          this.ledger.settled(index, failedResult(result.relativePath, reason));
        }
      } finally {
        lane.inFlight -= 1;
        this.progress();
      }
    };
    lane.commits = lane.commits.then(commit);
    return lane.commits;
  }
}
