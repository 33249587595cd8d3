/** Envelope of every worker message: a job id so answers find their question. */
export interface JobMessage<T> {
  jobId: number;
  request: T;
}

export type JobReply<T> =
  { jobId: number; ok: true; response: T } | { jobId: number; ok: false; error: string };
