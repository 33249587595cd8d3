import { segmentJson, type SegmentBuilder } from '@core/jobs/segment-builds';
import { searchIndexRepo } from '../../db/search-index-repo';
import type { DossierDb } from '../../db/schema';

export type { SegmentBuilder } from '@core/jobs/segment-builds';

/** What a segment builder worker is asked: the documents of one segment. */
export interface SegmentBuildRequest {
  ids: string[];
}

/**
 * Reads the documents' indexable form from the library and builds their segment. Builders
 * read for themselves so document text never passes through the thread answering queries.
 */
export async function buildLibrarySegment(
  ids: readonly string[],
  database?: DossierDb,
): Promise<string> {
  return segmentJson(await searchIndexRepo(database).corpus(ids));
}

/**
 * Builds on the calling thread, for tests and tools without workers. It gives the thread
 * back between reading and building, as a worker's reply would, so whatever waits on the
 * same thread (a query) runs in between.
 */
export function inProcessSegmentBuilder(database?: DossierDb): SegmentBuilder {
  return {
    async build(ids) {
      const docs = await searchIndexRepo(database).corpus(ids);
      await new Promise((resolve) => setTimeout(resolve, 0));
      const json = segmentJson(docs);
      await new Promise((resolve) => setTimeout(resolve, 0));
      return json;
    },
  };
}
