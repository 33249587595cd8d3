import { createSearchEngine, type EngineRequest } from '../features/search/search-engine';
import { serveJobs } from './serve';

const engine = createSearchEngine();
serveJobs((request: EngineRequest) => engine.handle(request));
