import type { IngestStation } from '@core/jobs/ingest-station';
import { remoteStation } from '@core/jobs/ingest-station-protocol';
import { createIngestClient } from './clients';

/** One ingest worker per core, up to four. */
export function ingestConcurrency(): number {
  const cores = navigator.hardwareConcurrency || 2;
  return Math.max(1, Math.min(4, cores));
}

/** A small pool of ingest workers, each an IngestStation that parses and stores. */
export function createIngestPool(size = ingestConcurrency()) {
  const stations: IngestStation[] = [];
  const grow = () => {
    while (stations.length < size) {
      const client = createIngestClient();
      stations.push(remoteStation((request) => client.request(request)));
    }
  };
  return {
    size,
    /** Starts every worker now; each loads its parsers as it starts. */
    warmUp: grow,
    stations(): readonly IngestStation[] {
      grow();
      return stations;
    },
  };
}
