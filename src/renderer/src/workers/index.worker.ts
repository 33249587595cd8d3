import { createIndexEngine, type IndexRequest } from '@core/jobs/index-job';
import { serveJobs } from './serve';

const engine = createIndexEngine();
serveJobs((request: IndexRequest) => engine.handle(request));
