import { JobClient } from '../../workers/job-client';
import { serveChartRaster } from './chart-raster';
import type { ReportJobProgress, ReportJobRequest, ReportJobResponse } from './report-jobs';

/** The error a job ends with when the analyst cancels it. */
export class JobCancelled extends Error {
  override name = 'JobCancelled';
  constructor() {
    super('Cancelled');
  }
}

export interface RunningJob {
  result: Promise<ReportJobResponse>;
  cancel(): void;
}

/**
 * Runs one report job in a worker of its own, so the page stays responsive however large the
 * library; cancelling stops the worker at once.
 */
export function startReportJob(
  request: ReportJobRequest,
  onProgress: (progress: ReportJobProgress) => void,
): RunningJob {
  const worker = new Worker(new URL('../../workers/export.worker.ts', import.meta.url), {
    type: 'module',
  });
  // The worker asks the page to draw a chart's PNG for Word.
  serveChartRaster(worker);
  const client = new JobClient<ReportJobRequest, ReportJobResponse, ReportJobProgress>(worker);
  let cancelled = false;
  const transfer = request.kind === 'verify' ? [request.bytes.buffer] : [];
  const result = client
    .request(request, transfer, onProgress)
    .catch((error: unknown) => {
      throw cancelled ? new JobCancelled() : error;
    })
    .finally(() => client.terminate());
  return {
    result,
    cancel() {
      cancelled = true;
      client.terminate();
    },
  };
}
