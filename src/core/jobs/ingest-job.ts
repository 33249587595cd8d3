import { ingestFile, sha256Hex, type IngestResult } from '../ingest';

export interface IngestRequest {
  name: string;
  bytes: Uint8Array;
}

export interface IngestResponse {
  result: IngestResult;
  contentHash: string;
  byteLength: number;
}

/** Parses and hashes one file. Runs in the ingest worker; callable directly in tests. */
export async function runIngestJob(request: IngestRequest): Promise<IngestResponse> {
  const contentHash = await sha256Hex(request.bytes);
  let result: IngestResult;
  try {
    result = ingestFile(request.name, request.bytes);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    result = { status: 'failed', reason: `could not be read: ${message}` };
  }
  return { result, contentHash, byteLength: request.bytes.byteLength };
}
