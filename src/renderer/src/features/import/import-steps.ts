import type { ParsedSummary, StoreEntry } from '@core/jobs/ingest-station';
import type { FileStage, JournalPatch } from '../../db/import-journal';
import type { ImportFileResult } from '../../db/import-run';

/**
 * The steps of an import as small synchronous pieces with their own state, so that each can
 * be tested alone and the driver (import-service.ts) only sequences them: what a parsed file
 * is, which of two files with the same content is kept, what waits to be stored, and where
 * every file stands.
 */

export const MAX_FILE_BYTES = 200 * 1024 * 1024;
const TOO_LARGE = 'larger than the 200 MB limit';

/** A parsed file the importer has to decide about. */
export interface Parsed {
  index: number;
  key: string;
  summary: ParsedSummary & { result: { status: 'ok' } };
}

/** Either a file to decide about, or its final result (unsupported, failed, too large). */
export type ParseOutcome =
  { kind: 'parsed'; parsed: Parsed } | { kind: 'final'; result: ImportFileResult; drop: boolean };

/** What a station's parse of a file means for the import. */
export function outcomeOfParse(
  index: number,
  key: string,
  relativePath: string,
  summary: ParsedSummary,
): ParseOutcome {
  const { result } = summary;
  if (summary.byteLength > MAX_FILE_BYTES) {
    return {
      kind: 'final',
      result: { relativePath, outcome: 'failed', reason: TOO_LARGE },
      drop: result.status === 'ok',
    };
  }
  if (result.status === 'ok') {
    return { kind: 'parsed', parsed: { index, key, summary: { ...summary, result } } };
  }
  return {
    kind: 'final',
    drop: false,
    result: {
      relativePath,
      outcome: result.status,
      reason: result.reason,
      ...(result.status === 'failed' && result.code ? { code: result.code } : {}),
    },
  };
}

/** A file refused before it is read: it is known to be too large. */
export function refusedUnread(relativePath: string, size: number): ImportFileResult | null {
  return size > MAX_FILE_BYTES ? { relativePath, outcome: 'failed', reason: TOO_LARGE } : null;
}

export function failedResult(relativePath: string, reason: string): ImportFileResult {
  return { relativePath, outcome: 'failed', reason };
}

/** The result of a file whose document is (to be) stored as a new document. */
export function importedResult(parsed: Parsed, relativePath: string, docId: string) {
  const { title, readAs, flags } = parsed.summary.result;
  return {
    relativePath,
    outcome: 'imported' as const,
    docId,
    title,
    ...(flags?.includes('no-text') ? { reason: 'no text: scanned?' } : {}),
    ...(readAs ? { readAs } : {}),
  };
}

/** The result of a file taken as a new version of a stored document. */
export function updatedResult(
  parsed: Parsed,
  relativePath: string,
  docId: string,
  moved: readonly { review?: unknown }[],
) {
  const { title, readAs } = parsed.summary.result;
  const review = moved.filter((a) => a.review).length;
  return {
    relativePath,
    outcome: 'updated' as const,
    docId,
    title,
    ...(readAs ? { readAs } : {}),
    reason:
      `new version; ${moved.length} annotation${moved.length === 1 ? '' : 's'} carried over` +
      (review > 0 ? `, ${review} to review` : ''),
  };
}

export function duplicateResult(
  relativePath: string,
  ofTitle: string | undefined,
  inLibrary: boolean,
): ImportFileResult {
  return {
    relativePath,
    outcome: 'duplicate',
    reason: `same content as “${ofTitle}”${inLibrary ? ', already in the library' : ' in this import'}`,
  };
}

interface Claim {
  index: number;
  title: string;
}

/**
 * Which file of an import keeps a content: the first in the import's order. Parsing finishes
 * out of order, so a later file may claim a content first; when the earlier one arrives, it
 * takes the content over if the later one can still be withdrawn (it is not stored yet).
 */
export class ContentClaims {
  private readonly byHash = new Map<string, Claim>();

  /**
   * Claims `hash` for the file; answers the claim it duplicates, or null when it keeps the
   * content. `withdraw(index)` takes a later claimant back from storage, if it still can.
   */
  claim(hash: string, claim: Claim, withdraw: (index: number) => boolean): Claim | null {
    const held = this.byHash.get(hash);
    if (held && !(claim.index < held.index && withdraw(held.index))) return held;
    this.byHash.set(hash, claim);
    return null;
  }
}

/** A document waiting in a batch to be stored, with its result once it is. */
export interface PendingStore {
  index: number;
  entry: StoreEntry;
  result: ImportFileResult;
  bytes: number;
}

/**
 * Parsed documents are stored in batches, one transaction each, of this many documents or
 * this many bytes of originals, whichever comes first: fewer, larger transactions cost the
 * database less per document, and the byte bound keeps a batch of big PDFs in memory small.
 */
export const BATCH = 200;
export const BATCH_BYTES = 16 * 1024 * 1024;
/**
 * A batch that has waited this long is stored though not full: what a crash can take is at
 * most about a second of parsing, and the library fills as the import goes.
 */
export const BATCH_MS = 1000;

/** One station's documents waiting to be stored, and the parsed files to forget. */
export class StoreBatch {
  private entries: PendingStore[] = [];
  private bytes = 0;
  private drops: string[] = [];

  constructor(private readonly limit = { count: BATCH, bytes: BATCH_BYTES }) {}

  add(pending: PendingStore): void {
    this.entries.push(pending);
    this.bytes += pending.bytes;
  }

  /** Forget a parsed document at the next store (a duplicate, a failure). */
  drop(key: string): void {
    this.drops.push(key);
  }

  /** Takes a waiting document back out, to be dropped; false once it has left for storage. */
  withdraw(index: number): PendingStore | null {
    const at = this.entries.findIndex((e) => e.index === index);
    const [pending] = at < 0 ? [] : this.entries.splice(at, 1);
    if (!pending) return null;
    this.bytes -= pending.bytes;
    this.drops.push(pending.entry.key);
    return pending;
  }

  get full(): boolean {
    return this.entries.length >= this.limit.count || this.bytes >= this.limit.bytes;
  }

  /** Everything to send to the station now; null when there is nothing. */
  take(): { entries: PendingStore[]; drop: string[] } | null {
    if (this.entries.length === 0 && this.drops.length === 0) return null;
    const taken = { entries: this.entries, drop: this.drops };
    this.entries = [];
    this.bytes = 0;
    this.drops = [];
    return taken;
  }
}

const RANK: Record<FileStage, number> = {
  queued: 0,
  parsed: 1,
  decided: 2,
  stored: 3,
  reported: 4,
};

/**
 * Where every file of an import stands, and its result. A result of 'imported' or 'updated'
 * is held back until the file is stored: the import never says a file is in the library
 * before it is. Each change is told to `onChange` (the journal).
 */
export class ImportLedger {
  private readonly stages: FileStage[];
  private readonly results: (ImportFileResult | undefined)[];
  private decidedCount = 0;
  private storedCount = 0;

  constructor(
    readonly total: number,
    private readonly onChange: (index: number, patch: JournalPatch) => void = () => undefined,
  ) {
    this.stages = new Array<FileStage>(total).fill('queued');
    this.results = new Array<ImportFileResult | undefined>(total);
  }

  stage(index: number): FileStage {
    return this.stages[index] ?? 'queued';
  }

  /** Files decided (whatever the outcome): the progress shown. */
  get done(): number {
    return this.decidedCount;
  }

  /** Files whose documents are in the library. */
  get inLibrary(): number {
    return this.storedCount;
  }

  parsed(index: number, size: number, contentHash: string): void {
    if (this.move(index, 'parsed')) this.onChange(index, { stage: 'parsed', size, contentHash });
  }

  /** A final outcome that stores nothing: a duplicate, unsupported, failed, cancelled. */
  settled(index: number, result: ImportFileResult): void {
    this.move(index, 'decided');
    this.results[index] = result;
    this.onChange(index, { stage: 'decided', result: result });
  }

  /** Decided to store; the result shows once `stored` is called. */
  decided(index: number, result: ImportFileResult): void {
    this.move(index, 'decided');
    this.results[index] = undefined;
    this.onChange(index, { stage: 'decided', result: result });
  }

  /**
   * The file's document is committed. The journal was marked in the same transaction, so
   * `onChange` is not told.
   */
  stored(index: number, result: ImportFileResult): void {
    this.move(index, 'stored');
    this.results[index] = result;
  }

  /** Resuming: the file was stored by the interrupted import this one completes. */
  storedEarlier(
    index: number,
    result: ImportFileResult,
    file: { contentHash: string; byteLength: number },
  ): void {
    this.move(index, 'stored');
    this.results[index] = result;
    const { contentHash, byteLength: size } = file;
    this.onChange(index, { stage: 'stored', size, contentHash, result: result });
  }

  /** Every file's result, now reported; at the end of an import each one has one. */
  report(): ImportFileResult[] {
    return this.results.map((result, index) => {
      if (!result) throw new Error(`file ${index + 1} of the import has no result`);
      this.stages[index] = 'reported';
      return result;
    });
  }

  /** Moves a file forward (never back), counting it as it passes 'decided' and 'stored'. */
  private move(index: number, stage: FileStage): boolean {
    const from = RANK[this.stage(index)];
    const to = RANK[stage];
    if (from >= to) return false;
    if (from < RANK.decided && to >= RANK.decided) this.decidedCount += 1;
    if (from < RANK.stored && to >= RANK.stored) this.storedCount += 1;
    this.stages[index] = stage;
    return true;
  }
}
