import { useCallback, useRef, useState } from 'react';
import type { JobClient } from '../../workers/job-client';
import type { IngestRequest, IngestResponse } from '@core/jobs/ingest-job';
import { documentsRepo } from '../../db/documents-repo';
import type { ImportRun } from '../../db/import-run';
import { importRunsRepo } from '../../db/import-runs-repo';
import type { SourceFile } from '../../host';
import { createIngestClient } from '../../workers/clients';
import { searchService } from '../search/search-service';
import { importFiles, type ImportProgress } from './import-service';

let ingestClient: JobClient<IngestRequest, IngestResponse> | null = null;

function ingest(request: IngestRequest): Promise<IngestResponse> {
  ingestClient ??= createIngestClient();
  return ingestClient.request(request);
}

export interface ImportController {
  progress: ImportProgress | null;
  summary: ImportRun | null;
  run(files: SourceFile[], origin: ImportRun['origin']): Promise<ImportRun | null>;
  cancel(): void;
  showSummary(run: ImportRun | null): void;
}

/** Runs imports one at a time, with progress, cancel and a summary that can be reopened. */
export function useImport(): ImportController {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [summary, setSummary] = useState<ImportRun | null>(null);
  const abort = useRef<AbortController | null>(null);

  const run = useCallback(async (files: SourceFile[], origin: ImportRun['origin']) => {
    if (abort.current) return null;
    const controller = new AbortController();
    abort.current = controller;
    setSummary(null);
    setProgress({ done: 0, total: files.length, current: null, startedAt: Date.now() });
    try {
      const repo = documentsRepo();
      const result = await importFiles(
        files,
        { ingest, findByHash: (hash) => repo.findByHash(hash), store: (doc) => repo.add(doc) },
        { origin, signal: controller.signal, onProgress: setProgress },
      );
      await importRunsRepo().save(result);
      if (result.files.some((f) => f.outcome === 'imported')) void searchService.rebuild();
      setSummary(result);
      return result;
    } finally {
      abort.current = null;
      setProgress(null);
    }
  }, []);

  const cancel = useCallback(() => abort.current?.abort(), []);

  return { progress, summary, run, cancel, showSummary: setSummary };
}
