import type { IndexRequest, IndexResponse } from '@core/jobs/index-job';
import type { IngestRequest, IngestResponse } from '@core/jobs/ingest-job';
import { JobClient } from './job-client';

export function createIngestClient(): JobClient<IngestRequest, IngestResponse> {
  return new JobClient(
    new Worker(new URL('./ingest.worker.ts', import.meta.url), { type: 'module' }),
  );
}

export function createIndexClient(): JobClient<IndexRequest, IndexResponse> {
  return new JobClient(
    new Worker(new URL('./index.worker.ts', import.meta.url), { type: 'module' }),
  );
}
