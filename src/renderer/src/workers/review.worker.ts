import { findOrphans } from '@core/anchoring/review';
import { db } from '../db/schema';
import { serveJobs } from './serve';

export interface ReviewRequest {
  type: 'orphans';
}
export interface ReviewResponse {
  orphans: string[];
}

// Placing every annotation again reads every annotated document's text: here, off the page.
serveJobs(async (_request: ReviewRequest): Promise<ReviewResponse> => {
  const database = db();
  const annotations = await database.annotations.toArray();
  return { orphans: await findOrphans(annotations, (docId) => database.contents.get(docId)) };
});
