import type { LogEntry } from '@core/ipc/contract';
import { problemEntry } from '@core/log/problem';

/**
 * Errors in workers reach the page's log. A worker catches its own uncaught errors and
 * unhandled rejections and posts them to whoever started it; the page logs them, and a worker
 * that started workers of its own (the index worker's segment builders) passes them up.
 */
export interface WorkerProblemMessage {
  type: 'worker-problem';
  entry: LogEntry;
  /** An uncaught error, after which the worker's running jobs are not to be waited for. */
  fatal: boolean;
}

export function isWorkerProblem(data: unknown): data is WorkerProblemMessage {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { type?: unknown }).type === 'worker-problem' &&
    typeof (data as { entry?: unknown }).entry === 'object'
  );
}

let sink: ((entry: LogEntry) => void) | null = null;

/** The page says where problems go (its log); in a worker none is set and they go up. */
export function setProblemSink(next: (entry: LogEntry) => void): void {
  sink = next;
}

const inWorker = () => typeof document === 'undefined';

function post(entry: LogEntry, fatal: boolean): void {
  const message: WorkerProblemMessage = { type: 'worker-problem', entry, fatal };
  self.postMessage(message);
}

/** Logs a problem: on the page directly, in a worker by telling its parent. */
export function reportProblem(entry: LogEntry): void {
  if (sink) sink(entry);
  else if (inWorker()) post(entry, false);
  else console.error(`Dossier: ${entry.message}`);
}

/**
 * In a worker: report uncaught errors and unhandled rejections to the parent. The error is
 * handled here (preventDefault) so it is reported once, with its stack, which the parent's
 * `error` event would not carry.
 */
export function installWorkerErrorHandlers(): void {
  const name = self.name || 'background';
  self.addEventListener('error', (event: ErrorEvent) => {
    event.preventDefault();
    post(problemEntry(`${name} worker`, event.error ?? event.message), true);
  });
  self.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => {
    event.preventDefault();
    post(problemEntry(`${name} worker, unhandled promise`, event.reason), false);
  });
}
