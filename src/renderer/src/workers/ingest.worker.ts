import { getDocument } from 'pdfjs-dist';
// Registers pdf.js's parser on this thread, so PDFs are read right here instead of in
// a further nested worker: this worker already is the background thread.
import 'pdfjs-dist/build/pdf.worker.min.mjs';
import { runIngestJob, type IngestRequest, type IngestResponse } from '@core/jobs/ingest-job';
import { serveJobs } from './serve';

const pdf = { getDocument };
serveJobs(
  (request: IngestRequest) => runIngestJob(request, pdf),
  // The original bytes go back without a copy when this worker read them itself.
  (response: IngestResponse, request) =>
    request.blob && response.bytes.buffer instanceof ArrayBuffer ? [response.bytes.buffer] : [],
);
