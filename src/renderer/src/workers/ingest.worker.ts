import { runIngestJob, type IngestRequest } from '@core/jobs/ingest-job';
import { serveJobs } from './serve';

serveJobs((request: IngestRequest) => runIngestJob(request));
