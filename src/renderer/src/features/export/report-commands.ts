import { useSyncExternalStore } from 'react';

/**
 * One channel for the report commands, from the toolbar, the pledge dossier and the host's
 * File menu, to the one place that runs them (ReportsCenter).
 */
export type ReportCommand =
  | 'export-report'
  /** Export report with the scope set to the pledge dossier on screen. */
  | 'export-dossier'
  | 'verify-report'
  | 'verification-results';

const listeners = new Set<(command: ReportCommand) => void>();

export function isReportCommand(command: string): command is ReportCommand {
  return (
    command === 'export-report' || command === 'verify-report' || command === 'verification-results'
  );
}

export function runReportCommand(command: ReportCommand): void {
  for (const listener of listeners) listener(command);
}

export function onReportCommand(listener: (command: ReportCommand) => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Whether a verification's results can be shown again (Verification results is offered). */
let resultsKept = false;
const resultListeners = new Set<() => void>();

export function setVerificationKept(kept: boolean): void {
  if (kept === resultsKept) return;
  resultsKept = kept;
  for (const listener of resultListeners) listener();
}

export function useVerificationKept(): boolean {
  return useSyncExternalStore(
    (listener) => {
      resultListeners.add(listener);
      return () => {
        resultListeners.delete(listener);
      };
    },
    () => resultsKept,
  );
}
