/**
 * The search index's upkeep, as pure decisions the index worker carries out: which documents
 * to add or drop after the library changed, and when small segments are merged.
 */

/** What decides whether a document's indexed form is still current. */
export interface IndexSource {
  id: string;
  title: string;
  source: string | null;
  author: string | null;
  language: string | null;
  contentHash: string;
  /** Bumped by each new version; the same bytes read again as another encoding bump it too. */
  version?: number;
}

/** Changes with the text or any indexed field, so edits and new versions are re-indexed. */
export function signatureOf(doc: IndexSource): string {
  const fields = [doc.contentHash, doc.title, doc.source ?? '', doc.author ?? ''];
  fields.push(doc.language ?? '');
  // Only from the second version on, so the signatures of documents indexed before stand.
  if (doc.version !== undefined && doc.version > 1) fields.push(String(doc.version));
  return fields.join('\u0000');
}

export interface UpdatePlan {
  /** Documents to (re)index: new ones and changed ones. */
  add: string[];
  /** Documents gone from the library. */
  remove: string[];
}

/** Compares what the index holds (id → signature) with the library. */
export function planUpdate(
  indexed: Readonly<Record<string, string>>,
  library: readonly IndexSource[],
): UpdatePlan {
  const present = new Set<string>();
  const add: string[] = [];
  for (const doc of library) {
    present.add(doc.id);
    if (indexed[doc.id] !== signatureOf(doc)) add.push(doc.id);
  }
  const remove = Object.keys(indexed).filter((id) => !present.has(id));
  return { add, remove };
}

export interface SegmentStats {
  key: string;
  size: number;
  deleted: number;
}

/** Documents per segment in a full build: small enough to build in a worker in seconds. */
export const SEGMENT_SIZE = 5000;
/** Segments up to this size are fresh imports, merged once there are several. */
export const SMALL_SEGMENT = 1000;
const MAX_SMALL_SEGMENTS = 4;
/** A segment with this share of removed documents is rebuilt from its live ones. */
const MAX_DELETED_SHARE = 0.3;

/**
 * Segments to merge into one: every small one once there are too many (each costs a pass
 * per query), and any segment carrying many removed documents.
 */
export function segmentsToMerge(segments: readonly SegmentStats[]): string[] {
  const small = segments.filter((s) => s.size <= SMALL_SEGMENT);
  const merge = new Set<string>(small.length > MAX_SMALL_SEGMENTS ? small.map((s) => s.key) : []);
  for (const s of segments) {
    if (s.size > 0 && s.deleted / s.size >= MAX_DELETED_SHARE) merge.add(s.key);
  }
  return [...merge];
}
