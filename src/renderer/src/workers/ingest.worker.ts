import { getDocument } from 'pdfjs-dist';
// Registers pdf.js's parser on this thread, so PDFs are read right here instead of in
// a further nested worker: this worker already is the background thread.
import 'pdfjs-dist/build/pdf.worker.min.mjs';
import { runIngestJob } from '@core/jobs/ingest-job';
import { createIngestStation } from '@core/jobs/ingest-station';
import { handleStationRequest, type StationRequest } from '@core/jobs/ingest-station-protocol';
import { documentsRepo } from '../db/documents-repo';
import { relayedPdfAssets } from './pdf-assets-relay';
import { serveJobs } from './serve';

// CMaps and standard fonts come from the app itself, read by the page on this worker's behalf.
const pdf = { getDocument, assets: relayedPdfAssets() };
// Parsed documents are stored from here, so their text and bytes never cross to the page.
const station = createIngestStation((request) => runIngestJob(request, pdf), documentsRepo());
serveJobs(
  (request: StationRequest) => handleStationRequest(station, request),
  // A document handed to the page (a new version) is not kept here: move its bytes.
  (response) =>
    response.type === 'taken' && response.held.bytes.buffer instanceof ArrayBuffer
      ? [response.held.bytes.buffer]
      : [],
);
