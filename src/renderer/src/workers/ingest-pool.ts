import type { IngestRequest, IngestResponse } from '@core/jobs/ingest-job';
import { createIngestClient } from './clients';
import type { JobClient } from './job-client';

/** One ingest worker per core, up to four. */
export function ingestConcurrency(): number {
  const cores = navigator.hardwareConcurrency || 2;
  return Math.max(1, Math.min(4, cores));
}

type Lane = { client: JobClient<IngestRequest, IngestResponse>; busy: number };

/** Parses files in a small pool of workers, giving each job to the least busy one. */
export function createIngestPool(size = ingestConcurrency()) {
  const lanes: Lane[] = [];
  const grow = () => {
    while (lanes.length < size) lanes.push({ client: createIngestClient(), busy: 0 });
  };
  return {
    size,
    /** Starts every worker now; each loads its parsers as it starts. */
    warmUp: grow,
    async ingest(request: IngestRequest): Promise<IngestResponse> {
      grow();
      const lane = lanes.reduce((a, b) => (b.busy < a.busy ? b : a));
      lane.busy += 1;
      try {
        return await lane.client.request(request);
      } finally {
        lane.busy -= 1;
      }
    },
  };
}
