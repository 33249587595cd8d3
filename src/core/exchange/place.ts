import { anchor } from '../anchoring/anchor';
import { describeRange } from '../anchoring/selectors';
import type { Annotation, Page, Selector, Tag } from '../model';
import { pageOfOffset } from '../pdf-text-map/pdf-text-map';
import { codePointIndex } from '../text/code-points';
import type { DocHint, ForeignAnnotation } from './foreign';

/** A library document as placement needs it. */
export interface PlaceDoc {
  id: string;
  contentHash: string;
  title: string;
  url: string | null;
  text: string;
  pages?: Page[];
}

export type MatchHow = 'hash' | 'url' | 'title';

/** The documents a file's annotations name, each with how many annotations it holds. */
export function hintsOf(
  annotations: readonly ForeignAnnotation[],
): { hint: DocHint; count: number }[] {
  const byKey = new Map<string, { hint: DocHint; count: number }>();
  for (const a of annotations) {
    const entry = byKey.get(a.doc.key);
    if (entry) entry.count += 1;
    else byKey.set(a.doc.key, { hint: a.doc, count: 1 });
  }
  return [...byKey.values()];
}

const normTitle = (t: string) => t.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
const normUrl = (u: string) =>
  u
    .trim()
    .replace(/#.*$/, '')
    .replace(/\/+$/, '')
    .replace(/^https?:\/\/(www\.)?/i, '');

/**
 * The library document a hint names: by content hash (certain), else by URL or title (a
 * suggestion the analyst confirms), else none.
 */
export function suggestDocument(
  hint: DocHint,
  docs: readonly Pick<PlaceDoc, 'id' | 'contentHash' | 'title' | 'url'>[],
): { docId: string; how: MatchHow } | null {
  if (hint.hash) {
    const same = docs.find((d) => d.contentHash === hint.hash);
    if (same) return { docId: same.id, how: 'hash' };
  }
  if (hint.url) {
    const url = normUrl(hint.url);
    const same = docs.find((d) => d.url && normUrl(d.url) === url);
    if (same) return { docId: same.id, how: 'url' };
  }
  if (hint.title) {
    const title = normTitle(hint.title);
    const same = docs.find((d) => normTitle(d.title) === title);
    if (same) return { docId: same.id, how: 'title' };
  }
  return null;
}

export interface Placement {
  annotations: Annotation[];
  /** Placed on a changed passage (fuzzy) or not found at all: flagged for review. */
  review: number;
}

/**
 * Places foreign annotations on the documents chosen for them: anchored by their selectors
 * (offsets converted to this text's UTF-16 units, then checked against the quote, then the
 * quote searched, then fuzzily). One that lands on changed words is flagged 'changed'; one
 * that cannot be found keeps its selectors and is flagged 'not-found', so it shows in Needs
 * review rather than being dropped.
 */
export function placeAnnotations(
  foreign: readonly ForeignAnnotation[],
  docFor: (hint: DocHint) => PlaceDoc | undefined,
  options: { now: number; defaultTag: Tag },
): Placement {
  const out: Annotation[] = [];
  let review = 0;
  for (const f of foreign) {
    const doc = docFor(f.doc);
    if (!doc) continue;
    const selectors: Selector[] = [];
    if (f.quote) selectors.push({ type: 'TextQuoteSelector', ...f.quote });
    if (f.position) {
      const sameText =
        f.doc.hash === undefined || f.doc.hash === doc.contentHash || f.position.unit === 'utf-16';
      const map = f.position.unit === 'code-point' ? codePointIndex(doc.text) : null;
      const start = map ? map.toUtf16(f.position.start) : f.position.start;
      const end = map ? map.toUtf16(f.position.end) : f.position.end;
      if (end > start && (sameText || f.quote))
        selectors.push({ type: 'TextPositionSelector', start, end });
    }
    if (f.pageIndex !== undefined && f.pageIndex >= 0)
      selectors.push({ type: 'PageSelector', index: f.pageIndex });
    if (selectors.length === 0) continue;
    const found = anchor(doc.text, selectors, doc.pages);
    const previousQuote = f.quote?.exact ?? '';
    const base: Annotation = {
      id: f.id,
      docId: doc.id,
      tag: f.tag ?? options.defaultTag,
      note: f.note,
      target: { contentHash: doc.contentHash, selectors },
      createdAt: f.createdAt,
      updatedAt: f.updatedAt,
    };
    if (f.actor) base.actor = f.actor;
    if (f.statementDate) base.statementDate = f.statementDate;
    if (f.labels.length > 0) base.labels = f.labels;
    if (f.status && base.tag === 'pledge') {
      base.status = f.status;
      if (f.rationale !== undefined) base.rationale = f.rationale;
      if (f.statusHistory) base.statusHistory = f.statusHistory;
    }
    if (f.history) base.history = f.history;
    if (!found) {
      review += 1;
      out.push({ ...base, review: { reason: 'not-found', previousQuote, since: options.now } });
      continue;
    }
    const placed: Selector[] = describeRange(doc.text, found);
    if (doc.pages && doc.pages.length > 0)
      placed.push({ type: 'PageSelector', index: pageOfOffset(doc.pages, found.start) });
    const annotation: Annotation = {
      ...base,
      target: { contentHash: doc.contentHash, selectors: placed },
    };
    if (found.method === 'fuzzy') {
      review += 1;
      annotation.review = { reason: 'changed', previousQuote, since: options.now };
    }
    out.push(annotation);
  }
  return { annotations: out, review };
}
