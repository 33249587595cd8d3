import type { JobMessage, JobProgress, JobReply } from '@core/jobs/protocol';

/**
 * Answers each job message with the handler's result, or its error as text. A handler may
 * report progress of its job as it goes.
 */
export function serveJobs<Req, Res, Prog = never>(
  handle: (request: Req, report: (progress: Prog) => void) => Res | Promise<Res>,
  transferOf: (response: Res, request: Req) => Transferable[] = () => [],
): void {
  self.onmessage = async (event: MessageEvent<JobMessage<Req>>) => {
    // Other messages (a page's answers about pdf.js assets) have listeners of their own.
    if (typeof event.data?.jobId !== 'number') return;
    const { jobId, request } = event.data;
    const report = (progress: Prog) => {
      const message: JobProgress<Prog> = { jobId, progress };
      self.postMessage(message);
    };
    let reply: JobReply<Res>;
    try {
      const response = await handle(request, report);
      reply = { jobId, ok: true, response };
      self.postMessage(reply, { transfer: transferOf(response, request) });
    } catch (error) {
      reply = { jobId, ok: false, error: error instanceof Error ? error.message : String(error) };
      self.postMessage(reply);
    }
  };
}
