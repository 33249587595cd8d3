import { ingestFile, sha256Hex, type IngestResult, type PdfEngine } from '../ingest';

export interface IngestRequest {
  name: string;
  bytes: Uint8Array;
  password?: string;
}

export interface IngestResponse {
  result: IngestResult;
  contentHash: string;
  byteLength: number;
}

/** Parses and hashes one file. Runs in an ingest worker; callable directly in tests. */
export async function runIngestJob(
  request: IngestRequest,
  pdf?: PdfEngine,
): Promise<IngestResponse> {
  const [contentHash, result] = await Promise.all([
    sha256Hex(request.bytes),
    ingestFile(request.name, request.bytes, { pdf, password: request.password }),
  ]);
  return { result, contentHash, byteLength: request.bytes.byteLength };
}
