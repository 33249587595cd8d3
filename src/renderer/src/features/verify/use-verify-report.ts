import { useCallback, useState } from 'react';
import type { VerifyResult } from '@core/export/report-types';
import { VERIFIABLE_EXTENSIONS } from '@core/ipc/contract';
import type { HostApi } from '../../host';
import type { ReportJobProgress } from '../export/report-jobs';
import { JobCancelled } from '../export/report-worker';
import { useReportJob } from '../export/use-report-job';

export type VerifyState =
  | { status: 'running'; fileName: string; progress: ReportJobProgress | null }
  | { status: 'done'; fileName: string; result: VerifyResult }
  | { status: 'error'; fileName: string; message: string };

/** Verify report: choose an exported report, check its quotes in a worker, keep the outcome. */
export function useVerifyReport(host: HostApi) {
  const [state, setState] = useState<VerifyState | null>(null);
  const { run, cancel, progress } = useReportJob();

  /** Asks for a file and checks it; resolves false when the analyst cancels the choice. */
  const verify = useCallback(async (): Promise<boolean> => {
    const file = await host.pickFile([...VERIFIABLE_EXTENSIONS]);
    if (!file) return false;
    const fileName = file.name;
    setState({ status: 'running', fileName, progress: null });
    try {
      const bytes = new Uint8Array(await file.read());
      const response = await run({ kind: 'verify', name: fileName, bytes });
      if (response.kind !== 'verify') throw new Error('the worker answered another job');
      setState({ status: 'done', fileName, result: response.result });
    } catch (error) {
      if (error instanceof JobCancelled) setState(null);
      else {
        const message = error instanceof Error ? error.message : String(error);
        setState({ status: 'error', fileName, message });
      }
    }
    return true;
  }, [host, run]);

  const shown: VerifyState | null = state?.status === 'running' ? { ...state, progress } : state;
  return { state: shown, verify, cancel, clear: () => setState(null) };
}
