import { useCallback, useEffect, useState } from 'react';
import type { Block, Page } from '@core/model';
import { documentsRepo } from '../../db/documents-repo';
import { importJournalRepo } from '../../db/import-journal-repo';
import type { ImportRun } from '../../db/import-run';
import type { SourceFile } from '../../host';
import { createIngestPool } from '../../workers/ingest-pool';
import { searchService } from '../search/search-service';
import { importActivity } from './import-activity';
import { holdWindowLock, windowId } from './import-owner';
import { describeImport, ImportQueue, type QueueState } from './import-queue';
import type { ResumeOf } from './import-resume';
import { importFiles, type ImportOptions, type ImportProgress } from './import-service';
import { warmFiles } from './warm-files';

let pool: ReturnType<typeof createIngestPool> | null = null;

const PROGRESS_INTERVAL_MS = 250;

/**
 * Starts the ingest workers ahead of the first import, so that loading the parsers (pdf.js
 * above all) happens while the analyst is still choosing files.
 */
export function prepareImport(): void {
  pool ??= createIngestPool();
  pool.warmUp();
}

/**
 * Reads a stored document's text again from its original file, in an ingest worker: the
 * start-up check's repair of a document whose text is missing.
 */
export async function readTextAgain(
  fileName: string,
  bytes: Uint8Array,
): Promise<{ text: string; blocks: Block[]; pages?: Page[] } | { error: string }> {
  pool ??= createIngestPool();
  const [station] = pool.stations();
  if (!station) return { error: 'no ingest worker' };
  const key = `repair/${crypto.randomUUID()}`;
  const { result } = await station.parse(key, { name: fileName, bytes });
  if (result.status !== 'ok') return { error: result.reason };
  const { text, blocks, pages } = (await station.take(key)).doc;
  return { text, blocks, ...(pages ? { pages } : {}) };
}

export interface ImportRequest {
  files: SourceFile[];
  origin: ImportRun['origin'];
  versionOf?: string;
  password?: string;
  /** Read the file as this encoding (with versionOf: the document's own file, read again). */
  encoding?: string;
  /** Completes this interrupted import: the files it stored are skipped. */
  resume?: ResumeOf;
}

/** A finished import's summary; `files` are kept while at hand, to retry one of them. */
export interface ShownSummary {
  run: ImportRun;
  files: SourceFile[] | null;
}

export interface ImportController {
  progress: ImportProgress | null;
  /** The import running and those waiting their turn. */
  queue: QueueState<ImportRequest>;
  /** Summaries to show, newest first: one per import of the chain that just ran. */
  summaries: ShownSummary[];
  run(request: ImportRequest): Promise<ImportRun | null>;
  /** Cancels the running import; the waiting ones then go on. */
  cancel(): void;
  /** Takes one waiting import (or all) off the queue. */
  cancelWaiting(id?: number): void;
  showSummary(run: ImportRun | null): void;
}

/**
 * Runs imports one at a time, queueing those asked for meanwhile, with throttled progress,
 * cancel, and a summary per import that can be reopened.
 */
export function useImport(): ImportController {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [summaries, setSummaries] = useState<ShownSummary[]>([]);
  const [queueState, setQueueState] = useState<QueueState<ImportRequest>>({
    running: null,
    waiting: [],
  });
  const [queue] = useState(() => new ImportQueue<ImportRequest, ImportRun>(runOne, setQueueState));

  async function runOne(request: ImportRequest, signal: AbortSignal): Promise<ImportRun> {
    const { files, origin, versionOf, password, encoding, resume } = request;
    setProgress({ done: 0, stored: 0, total: files.length, current: null, startedAt: Date.now() });
    importActivity.set(true);
    // Progress arrives per file. People (and screen readers) take it in a few times a
    // second; redrawing it every frame of a long import only kept the page's thread busy.
    let latest: ImportProgress | null = null;
    let timer = 0;
    const onProgress = (p: ImportProgress) => {
      latest = p;
      timer ||= window.setTimeout(() => {
        timer = 0;
        setProgress(latest);
      }, PROGRESS_INTERVAL_MS);
    };
    const warming = new AbortController();
    try {
      warmFiles(files, AbortSignal.any([signal, warming.signal]));
      pool ??= createIngestPool();
      // Held before the import is on record, so no other window takes it for interrupted.
      await holdWindowLock();
      const options: ImportOptions = {
        origin,
        signal,
        onProgress,
        versionOf,
        password,
        encoding,
        resume,
        label: describeImport(request),
        owner: windowId,
      };
      // The journal records each file's stage as it goes and saves the summary at the end.
      const result = await importFiles(
        files,
        {
          stations: pool.stations(),
          library: documentsRepo(),
          journal: importJournalRepo(),
          yieldTo: () => searchService.whenQueriesAnswered(),
        },
        options,
      );
      if (result.files.some((f) => f.outcome === 'imported' || f.outcome === 'updated')) {
        void searchService.rebuild();
      }
      setSummaries((shown) => [{ run: result, files }, ...shown]);
      return result;
    } finally {
      clearTimeout(timer);
      warming.abort();
      setProgress(null);
      importActivity.set(false);
    }
  }

  useEffect(() => () => queue.cancelWaiting(), [queue]);

  const run = useCallback(
    (request: ImportRequest) => {
      // A new import started while nothing runs begins a new set of summaries; one queued
      // behind another adds its summary to those of the chain.
      if (queue.idle) setSummaries([]);
      return queue.add(request, describeImport(request));
    },
    [queue],
  );

  const cancel = useCallback(() => queue.cancelRunning(), [queue]);
  const cancelWaiting = useCallback((id?: number) => queue.cancelWaiting(id), [queue]);
  const showSummary = useCallback(
    (shown: ImportRun | null) => setSummaries(shown ? [{ run: shown, files: null }] : []),
    [],
  );

  return { progress, queue: queueState, summaries, run, cancel, cancelWaiting, showSummary };
}
