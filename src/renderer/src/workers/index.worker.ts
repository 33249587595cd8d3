import { withFallback } from '@core/jobs/segment-builds';
import {
  createSearchEngine,
  type EngineProgress,
  type EngineRequest,
} from '../features/search/search-engine';
import { inProcessSegmentBuilder } from '../features/search/segment-builder';
import { workerSegmentBuilders } from './segment-builders';
import { serveJobs } from './serve';

// Segments are built in further workers, so this one is always free to answer queries.
// Should those never start, segments are built here: slower to answer meanwhile, but built.
const builder = withFallback(workerSegmentBuilders(), inProcessSegmentBuilder(), (error) =>
  console.warn('Segment builder workers unavailable; building in the index worker.', error),
);
const engine = createSearchEngine(undefined, { builder });
serveJobs((request: EngineRequest, report: (progress: EngineProgress) => void) =>
  engine.handle(request, report),
);
