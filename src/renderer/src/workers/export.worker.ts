import {
  runReportJob,
  type ReportJobProgress,
  type ReportJobRequest,
  type ReportJobResponse,
} from '../features/export/report-jobs';
import { relayedRaster } from '../features/export/chart-raster';
import { serveJobs } from './serve';

const rasterise = relayedRaster();

// One worker per export or verification: Cancel terminates it, which no library write can
// be caught in, since the job only reads.
serveJobs<ReportJobRequest, ReportJobResponse, ReportJobProgress>(
  (request: ReportJobRequest, report) => runReportJob(request, report, undefined, rasterise),
  (response) => (response.kind === 'export' ? [response.bytes.buffer] : []),
);
