import type { ExchangeProgress } from '@core/exchange/backup-format';
import type { StationRequest, StationResponse } from '@core/jobs/ingest-station-protocol';
import type {
  EngineProgress,
  EngineRequest,
  EngineResponse,
} from '../features/search/search-engine';
import type { ExchangeRequest, ExchangeResponse } from '../features/exchange/exchange-protocol';
import { JobClient } from './job-client';
import type { ReviewRequest, ReviewResponse } from './review.worker';
import { servePdfAssets } from './pdf-assets';

export function createIngestClient(): JobClient<StationRequest, StationResponse> {
  const worker = new Worker(new URL('./ingest.worker.ts', import.meta.url), { type: 'module' });
  servePdfAssets(worker);
  return new JobClient(worker);
}

export function createIndexClient(): JobClient<EngineRequest, EngineResponse, EngineProgress> {
  return new JobClient(
    new Worker(new URL('./index.worker.ts', import.meta.url), { type: 'module' }),
  );
}

export function createExchangeClient(): JobClient<
  ExchangeRequest,
  ExchangeResponse,
  ExchangeProgress
> {
  return new JobClient(
    new Worker(new URL('./exchange.worker.ts', import.meta.url), { type: 'module' }),
  );
}

export function createReviewClient(): JobClient<ReviewRequest, ReviewResponse> {
  return new JobClient(
    new Worker(new URL('./review.worker.ts', import.meta.url), { type: 'module' }),
  );
}
