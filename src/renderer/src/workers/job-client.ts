import type { JobMessage, JobProgress, JobReply } from '@core/jobs/protocol';
import { problemEntry } from '@core/log/problem';
import { isWorkerProblem, reportProblem, type WorkerProblemMessage } from './worker-problems';

interface Pending<Res, Prog> {
  resolve: (value: Res) => void;
  reject: (error: Error) => void;
  onProgress?: (progress: Prog) => void;
}

/** Sends jobs to a worker and resolves each with its reply. */
export class JobClient<Req, Res, Prog = never> {
  private nextId = 1;
  private readonly pending = new Map<number, Pending<Res, Prog>>();

  /** `name` says which worker in the log. */
  constructor(
    private readonly worker: Worker,
    name = 'background',
  ) {
    worker.onmessage = (
      event: MessageEvent<JobReply<Res> | JobProgress<Prog> | WorkerProblemMessage>,
    ) => {
      const message = event.data;
      if (isWorkerProblem(message)) {
        reportProblem(message.entry);
        if (message.fatal) this.failAll(new Error(`Worker failed: ${message.entry.message}`));
        return;
      }
      const job = this.pending.get(message.jobId);
      if (!job) return;
      if ('progress' in message) {
        job.onProgress?.(message.progress);
        return;
      }
      this.pending.delete(message.jobId);
      if (message.ok) job.resolve(message.response);
      else job.reject(new Error(message.error));
    };
    worker.onerror = (event) => {
      // Handled here, by failing its jobs: unhandled, a nested worker's error would also be
      // raised in the worker that started it, and fail that one's jobs too.
      // Reached when the worker could not start, or failed before its own handlers were set.
      // A warning: its jobs fail here, and their callers report or work around that.
      event.preventDefault();
      reportProblem(problemEntry(`${name} worker`, event.message || 'could not start', {}, 'warn'));
      this.failAll(new Error(`Worker failed: ${event.message}`));
    };
  }

  request(
    request: Req,
    transfer: Transferable[] = [],
    onProgress?: (progress: Prog) => void,
  ): Promise<Res> {
    const jobId = this.nextId++;
    const message: JobMessage<Req> = { jobId, request };
    return new Promise<Res>((resolve, reject) => {
      this.pending.set(jobId, { resolve, reject, onProgress });
      this.worker.postMessage(message, transfer);
    });
  }

  terminate(): void {
    this.worker.terminate();
    this.failAll(new Error('Worker stopped'));
  }

  private failAll(error: Error): void {
    for (const job of this.pending.values()) job.reject(error);
    this.pending.clear();
  }
}
