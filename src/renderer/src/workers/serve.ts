import type { JobMessage, JobReply } from '@core/jobs/protocol';

/** Answers each job message with the handler's result, or its error as text. */
export function serveJobs<Req, Res>(
  handle: (request: Req) => Res | Promise<Res>,
  transferOf: (response: Res, request: Req) => Transferable[] = () => [],
): void {
  self.onmessage = async (event: MessageEvent<JobMessage<Req>>) => {
    const { jobId, request } = event.data;
    let reply: JobReply<Res>;
    try {
      const response = await handle(request);
      reply = { jobId, ok: true, response };
      self.postMessage(reply, { transfer: transferOf(response, request) });
    } catch (error) {
      reply = { jobId, ok: false, error: error instanceof Error ? error.message : String(error) };
      self.postMessage(reply);
    }
  };
}
