import type { IngestRequest } from './ingest-job';
import type {
  FileFingerprint,
  HeldDocument,
  IngestStation,
  ParsedSummary,
  StoreEntry,
} from './ingest-station';

/** Messages to an ingest worker: one per IngestStation method. */
export type StationRequest =
  | { type: 'parse'; key: string; file: IngestRequest }
  | { type: 'fingerprint'; file: IngestRequest }
  | { type: 'store'; entries: readonly StoreEntry[]; drop: readonly string[] }
  | { type: 'take'; key: string };

export type StationResponse =
  | { type: 'parsed'; summary: ParsedSummary }
  | { type: 'fingerprinted'; fingerprint: FileFingerprint }
  | { type: 'stored' }
  | { type: 'taken'; held: HeldDocument };

/** Answers one message with the station; runs in the worker. */
export async function handleStationRequest(
  station: IngestStation,
  request: StationRequest,
): Promise<StationResponse> {
  switch (request.type) {
    case 'parse':
      return { type: 'parsed', summary: await station.parse(request.key, request.file) };
    case 'fingerprint':
      return { type: 'fingerprinted', fingerprint: await station.fingerprint(request.file) };
    case 'store':
      await station.store(request.entries, request.drop);
      return { type: 'stored' };
    case 'take':
      return { type: 'taken', held: await station.take(request.key) };
  }
}

/** The station on the far side of `send` (a worker), as an IngestStation. */
export function remoteStation(
  send: (request: StationRequest) => Promise<StationResponse>,
): IngestStation {
  const expect = async <T extends StationResponse['type']>(
    type: T,
    reply: Promise<StationResponse>,
  ): Promise<Extract<StationResponse, { type: T }>> => {
    const response = await reply;
    if (response.type !== type) throw new Error(`expected ${type}, got ${response.type}`);
    return response as Extract<StationResponse, { type: T }>;
  };
  return {
    async parse(key, file) {
      // Bytes are copied, not transferred: a host may hand out the same buffer again.
      return (await expect('parsed', send({ type: 'parse', key, file }))).summary;
    },
    async fingerprint(file) {
      return (await expect('fingerprinted', send({ type: 'fingerprint', file }))).fingerprint;
    },
    async store(entries, drop) {
      await expect('stored', send({ type: 'store', entries, drop }));
    },
    async take(key) {
      return (await expect('taken', send({ type: 'take', key }))).held;
    },
  };
}
