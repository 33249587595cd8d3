import type { JobMessage, JobReply } from '@core/jobs/protocol';

/** Sends jobs to a worker and resolves each with its reply. */
export class JobClient<Req, Res> {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (value: Res) => void; reject: (error: Error) => void }
  >();

  constructor(private readonly worker: Worker) {
    worker.onmessage = (event: MessageEvent<JobReply<Res>>) => {
      const reply = event.data;
      const job = this.pending.get(reply.jobId);
      if (!job) return;
      this.pending.delete(reply.jobId);
      if (reply.ok) job.resolve(reply.response);
      else job.reject(new Error(reply.error));
    };
    worker.onerror = (event) => {
      const error = new Error(`Worker failed: ${event.message}`);
      for (const job of this.pending.values()) job.reject(error);
      this.pending.clear();
    };
  }

  request(request: Req, transfer: Transferable[] = []): Promise<Res> {
    const jobId = this.nextId++;
    const message: JobMessage<Req> = { jobId, request };
    return new Promise<Res>((resolve, reject) => {
      this.pending.set(jobId, { resolve, reject });
      this.worker.postMessage(message, transfer);
    });
  }

  terminate(): void {
    this.worker.terminate();
    const error = new Error('Worker stopped');
    for (const job of this.pending.values()) job.reject(error);
    this.pending.clear();
  }
}
