import { ingestFile, sha256Hex, type IngestResult, type PdfEngine } from '../ingest';

/** One file to parse: its bytes, or a Blob (a browser File) that the worker reads itself,
 * which keeps reading off the page's thread. */
export interface IngestRequest {
  name: string;
  bytes?: Uint8Array;
  blob?: Blob;
  password?: string;
  /** Read a text or HTML file as this encoding instead of detecting one. */
  encoding?: string;
  /** Larger files are refused without being read. */
  maxBytes?: number;
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

/** Reads and hashes one file without parsing it; a file over the limit is measured only. */
export async function hashIngestRequest(
  request: IngestRequest,
): Promise<{ contentHash: string; byteLength: number }> {
  const size = request.bytes?.byteLength ?? request.blob?.size ?? 0;
  if (request.maxBytes !== undefined && size > request.maxBytes) {
    return { contentHash: '', byteLength: size };
  }
  const bytes = await bytesOf(request);
  return { contentHash: await sha256Hex(bytes), byteLength: bytes.byteLength };
}

/** Reads, parses and hashes one file. Runs in an ingest worker; callable directly in tests. */
export async function runIngestJob(
  request: IngestRequest,
  pdf?: PdfEngine,
): Promise<IngestResponse> {
  const size = request.bytes?.byteLength ?? request.blob?.size ?? 0;
  if (request.maxBytes !== undefined && size > request.maxBytes) {
    const limit = Math.round(request.maxBytes / (1024 * 1024));
    return {
      result: { status: 'failed', reason: `larger than the ${limit} MB limit` },
      contentHash: '',
      byteLength: size,
      bytes: new Uint8Array(),
    };
  }
  const bytes = await bytesOf(request);
  const [contentHash, result] = await Promise.all([
    sha256Hex(bytes),
    ingestFile(request.name, bytes, {
      pdf,
      password: request.password,
      encoding: request.encoding,
    }),
  ]);
  return { result, contentHash, byteLength: bytes.byteLength, bytes };
}
