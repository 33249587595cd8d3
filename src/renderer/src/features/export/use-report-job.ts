import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReportJobProgress, ReportJobRequest, ReportJobResponse } from './report-jobs';
import { startReportJob, type RunningJob } from './report-worker';

/**
 * Runs report jobs from a component: its progress as state, cancel, and the job stopped when
 * the component goes away. `run` rejects with JobCancelled when cancelled.
 */
export function useReportJob() {
  const [progress, setProgress] = useState<ReportJobProgress | null>(null);
  const running = useRef<RunningJob | null>(null);
  useEffect(() => () => running.current?.cancel(), []);

  const run = useCallback(async (request: ReportJobRequest): Promise<ReportJobResponse> => {
    running.current?.cancel();
    setProgress({ phase: 'reading', done: 0, total: 1 });
    const job = startReportJob(request, setProgress);
    running.current = job;
    try {
      return await job.result;
    } finally {
      if (running.current === job) {
        running.current = null;
        setProgress(null);
      }
    }
  }, []);

  const cancel = useCallback(() => running.current?.cancel(), []);
  return { progress, run, cancel };
}
