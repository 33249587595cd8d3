import { ingestFile, sha256Hex, type IngestResult, type PdfEngine } from '../ingest';

/** One file to parse: its bytes, or a Blob (a browser File) that the worker reads itself,
 * which keeps reading off the page's thread. */
export interface IngestRequest {
  name: string;
  bytes?: Uint8Array;
  blob?: Blob;
  password?: string;
}

export interface IngestResponse {
  result: IngestResult;
  contentHash: string;
  byteLength: number;
  /** The file's bytes, to keep as the original. */
  bytes: Uint8Array;
}

async function bytesOf(request: IngestRequest): Promise<Uint8Array> {
  if (request.bytes) return request.bytes;
  if (request.blob) return new Uint8Array(await request.blob.arrayBuffer());
  throw new Error('nothing to read');
}

/** Reads, parses and hashes one file. Runs in an ingest worker; callable directly in tests. */
export async function runIngestJob(
  request: IngestRequest,
  pdf?: PdfEngine,
): Promise<IngestResponse> {
  const bytes = await bytesOf(request);
  const [contentHash, result] = await Promise.all([
    sha256Hex(bytes),
    ingestFile(request.name, bytes, { pdf, password: request.password }),
  ]);
  return { result, contentHash, byteLength: bytes.byteLength, bytes };
}
