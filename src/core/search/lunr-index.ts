import lunr from 'lunr';

/** What the index sees of a document. `body` must be the document's normalised text, so
 * that match positions are offsets into it. */
export interface SearchableDoc {
  id: string;
  title: string;
  source: string;
  body: string;
}

export type SearchField = 'title' | 'source' | 'body';

export interface MatchSpan {
  field: SearchField;
  start: number;
  end: number;
}

export interface SearchHit {
  id: string;
  score: number;
  /** Where the query matched, by field, in order of position. */
  matches: MatchSpan[];
}

export type SearchOutcome = { ok: true; hits: SearchHit[] } | { ok: false; error: string };

export const INDEX_FIELDS: readonly SearchField[] = ['title', 'source', 'body'];

export function buildIndex(docs: Iterable<SearchableDoc>): lunr.Index {
  return lunr(function () {
    this.ref('id');
    this.field('title', { boost: 4 });
    this.field('source', { boost: 2 });
    this.field('body');
    this.metadataWhitelist = ['position'];
    for (const doc of docs) this.add(doc);
  });
}

export function serializeIndex(index: lunr.Index): string {
  return JSON.stringify(index);
}

export function loadIndex(json: string): lunr.Index {
  return lunr.Index.load(JSON.parse(json) as object);
}

function isField(name: string): name is SearchField {
  return (INDEX_FIELDS as readonly string[]).includes(name);
}

function collectMatches(result: lunr.Index.Result): MatchSpan[] {
  const spans: MatchSpan[] = [];
  const metadata = result.matchData.metadata as Record<string, Record<string, unknown>>;
  for (const fields of Object.values(metadata)) {
    for (const [field, data] of Object.entries(fields)) {
      if (!isField(field)) continue;
      const positions = (data as { position?: unknown }).position;
      if (!Array.isArray(positions)) continue;
      for (const pos of positions) {
        if (Array.isArray(pos) && typeof pos[0] === 'number' && typeof pos[1] === 'number') {
          spans.push({ field, start: pos[0], end: pos[0] + pos[1] });
        }
      }
    }
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  return spans;
}

/**
 * Runs a query in lunr's syntax (words, +required, -excluded, field:word, wild*, fuzzy~1).
 * A malformed query becomes a message for the user, never an exception.
 */
export function searchIndex(index: lunr.Index, query: string, limit = 200): SearchOutcome {
  const trimmed = query.trim();
  if (trimmed === '') return { ok: true, hits: [] };
  try {
    const results = index.search(trimmed);
    return {
      ok: true,
      hits: results.slice(0, limit).map((r) => ({
        id: r.ref,
        score: r.score,
        matches: collectMatches(r),
      })),
    };
  } catch (error) {
    if (error instanceof lunr.QueryParseError) {
      return { ok: false, error: `Cannot read this query: ${error.message}` };
    }
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `Search failed: ${message}` };
  }
}

/** A cheap fingerprint of which documents an index covers, to spot a stale saved index. */
export function corpusFingerprint(docIds: Iterable<string>): string {
  const ids = [...docIds].sort();
  let hash = 2166136261;
  for (const id of ids) {
    for (let i = 0; i < id.length; i += 1) {
      hash ^= id.charCodeAt(i);
      hash = Math.imul(hash, 16777619);
    }
    hash ^= 10;
    hash = Math.imul(hash, 16777619);
  }
  return `${ids.length}:${(hash >>> 0).toString(16)}`;
}
