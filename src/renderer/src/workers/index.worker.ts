import {
  createSearchEngine,
  type EngineProgress,
  type EngineRequest,
} from '../features/search/search-engine';
import { workerSegmentBuilders } from './segment-builders';
import { serveJobs } from './serve';

// Segments are built in further workers, so this one is always free to answer queries.
const engine = createSearchEngine(undefined, { builder: workerSegmentBuilders() });
serveJobs((request: EngineRequest, report: (progress: EngineProgress) => void) =>
  engine.handle(request, report),
);
