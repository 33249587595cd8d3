/** Envelope of every worker message: a job id so answers find their question. */
export interface JobMessage<T> {
  jobId: number;
  request: T;
}

export type JobReply<T> =
  { jobId: number; ok: true; response: T } | { jobId: number; ok: false; error: string };

/** What a long job says while it runs; any number of these come before its reply. */
export interface JobProgress<P> {
  jobId: number;
  progress: P;
}
