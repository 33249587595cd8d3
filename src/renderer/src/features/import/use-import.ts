import { useCallback, useRef, useState } from 'react';
import { documentsRepo } from '../../db/documents-repo';
import type { ImportRun } from '../../db/import-run';
import { importRunsRepo } from '../../db/import-runs-repo';
import type { SourceFile } from '../../host';
import { createIngestPool } from '../../workers/ingest-pool';
import { searchService } from '../search/search-service';
import { importFiles, type ImportOptions, type ImportProgress } from './import-service';

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

export interface ImportRequest {
  files: SourceFile[];
  origin: ImportRun['origin'];
  versionOf?: string;
  password?: string;
}

export interface ImportController {
  progress: ImportProgress | null;
  summary: { run: ImportRun; files: SourceFile[] | null } | null;
  run(request: ImportRequest): Promise<ImportRun | null>;
  cancel(): void;
  showSummary(run: ImportRun | null): void;
}

/**
 * Runs imports one at a time, with throttled progress, cancel, and a summary that can be
 * reopened; the files of the latest run are kept so that one can be retried with a password.
 */
export function useImport(): ImportController {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [summary, setSummary] = useState<ImportController['summary']>(null);
  const abort = useRef<AbortController | null>(null);

  const run = useCallback(async ({ files, origin, versionOf, password }: ImportRequest) => {
    if (abort.current) return null;
    const controller = new AbortController();
    abort.current = controller;
    setSummary(null);
    setProgress({ done: 0, total: files.length, current: null, startedAt: Date.now() });
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
    try {
      pool ??= createIngestPool();
      const repo = documentsRepo();
      const options: ImportOptions = {
        origin,
        signal: controller.signal,
        onProgress,
        versionOf,
        password,
      };
      const result = await importFiles(
        files,
        { stations: pool.stations(), library: repo },
        options,
      );
      await importRunsRepo().save(result);
      if (result.files.some((f) => f.outcome === 'imported' || f.outcome === 'updated')) {
        void searchService.rebuild();
      }
      setSummary({ run: result, files });
      return result;
    } finally {
      clearTimeout(timer);
      abort.current = null;
      setProgress(null);
    }
  }, []);

  const cancel = useCallback(() => abort.current?.abort(), []);
  const showSummary = useCallback(
    (run: ImportRun | null) => setSummary(run ? { run, files: null } : null),
    [],
  );

  return { progress, summary, run, cancel, showSummary };
}
