import type { IngestRequest, IngestResponse } from '@core/jobs/ingest-job';
import type { EngineRequest, EngineResponse } from '../features/search/search-engine';
import { JobClient } from './job-client';

export function createIngestClient(): JobClient<IngestRequest, IngestResponse> {
  return new JobClient(
    new Worker(new URL('./ingest.worker.ts', import.meta.url), { type: 'module' }),
  );
}

export function createIndexClient(): JobClient<EngineRequest, EngineResponse> {
  return new JobClient(
    new Worker(new URL('./index.worker.ts', import.meta.url), { type: 'module' }),
  );
}
