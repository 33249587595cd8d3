import { positionSelectorOf, quoteSelectorOf } from '../anchoring/selectors';
import type { Annotation, AnnotationLink, DocumentRecord, PageSelector } from '../model';
import { codePointIndex, type CodePointIndex } from '../text/code-points';

/**
 * Annotations as a W3C Web Annotation (JSON-LD) AnnotationCollection. Each document is named by
 * its content hash (`urn:sha256:…`); positions count code points, as the model requires;
 * Dossier's own fields ride in bodies with standard purposes plus a `dossier:field` marker, so
 * other tools read tags, notes and labels and Dossier reads everything back.
 */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const DOSSIER_NS = 'urn:x-dossier:';
export const W3C_MIME = 'application/ld+json';

export interface W3cDoc {
  record: Pick<DocumentRecord, 'id' | 'contentHash' | 'title' | 'url' | 'fileName'>;
  text: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function annotationUri(id: string): string {
  return UUID.test(id) ? `urn:uuid:${id}` : `${DOSSIER_NS}annotation:${encodeURIComponent(id)}`;
}

export function idOfAnnotationUri(uri: string): string | null {
  if (uri.startsWith('urn:uuid:')) return uri.slice('urn:uuid:'.length);
  const prefix = `${DOSSIER_NS}annotation:`;
  return uri.startsWith(prefix) ? decodeURIComponent(uri.slice(prefix.length)) : null;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function toW3cCollection(
  docs: readonly W3cDoc[],
  annotations: readonly Annotation[],
  links: readonly AnnotationLink[],
  options: { now: number; collectionId: string },
): Record<string, unknown> {
  const byId = new Map(docs.map((d) => [d.record.id, d]));
  const maps = new Map<string, CodePointIndex>();
  const mapOf = (doc: W3cDoc) => {
    let map = maps.get(doc.record.id);
    if (!map) maps.set(doc.record.id, (map = codePointIndex(doc.text)));
    return map;
  };
  const items: Record<string, unknown>[] = [];
  for (const a of annotations) {
    const doc = byId.get(a.docId);
    if (doc) items.push(annotationItem(a, doc, mapOf));
  }
  const kept = new Set(annotations.filter((a) => byId.has(a.docId)).map((a) => a.id));
  for (const link of links) {
    if (kept.has(link.fromId) && kept.has(link.toId)) items.push(linkItem(link));
  }
  return {
    '@context': [ANNO_CONTEXT, { dossier: DOSSIER_NS }],
    id: `urn:uuid:${options.collectionId}`,
    type: 'AnnotationCollection',
    label: 'Annotations exported from Dossier',
    generated: iso(options.now),
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}

function textBody(
  field: string,
  purpose: string,
  value: string,
  extra: Record<string, unknown> = {},
) {
  return { type: 'TextualBody', purpose, value, 'dossier:field': field, ...extra };
}

function annotationItem(a: Annotation, doc: W3cDoc, mapOf: (d: W3cDoc) => CodePointIndex) {
  const body: Record<string, unknown>[] = [textBody('tag', 'classifying', a.tag)];
  if (a.note.trim() !== '')
    body.push(textBody('note', 'commenting', a.note, { format: 'text/markdown' }));
  if (a.actor) body.push(textBody('actor', 'identifying', a.actor));
  for (const label of a.labels ?? []) body.push(textBody('label', 'tagging', label));
  if (a.status) {
    body.push(
      textBody('status', 'assessing', a.status, {
        'dossier:rationale': a.rationale ?? '',
        'dossier:statusHistory': a.statusHistory ?? [],
      }),
    );
  }
  const selector: Record<string, unknown>[] = [];
  const quote = quoteSelectorOf(a.target.selectors);
  if (quote)
    selector.push({
      type: 'TextQuoteSelector',
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
    });
  const position = positionSelectorOf(a.target.selectors);
  // Offsets are only meaningful on the text they were taken on.
  if (
    position &&
    a.target.contentHash === doc.record.contentHash &&
    position.end <= doc.text.length
  ) {
    const map = mapOf(doc);
    selector.push({
      type: 'TextPositionSelector',
      start: map.toCodePoints(position.start),
      end: map.toCodePoints(position.end),
    });
  }
  const page = a.target.selectors.find((s): s is PageSelector => s.type === 'PageSelector');
  if (page) {
    selector.push({
      type: 'FragmentSelector',
      conformsTo: 'http://tools.ietf.org/rfc/rfc3778',
      value: `page=${page.index + 1}`,
    });
  }
  const item: Record<string, unknown> = {
    // Each item carries the context too, so it stands alone when copied out of the collection.
    '@context': ANNO_CONTEXT,
    id: annotationUri(a.id),
    type: 'Annotation',
    motivation: a.note.trim() !== '' ? 'commenting' : 'tagging',
    created: iso(a.createdAt),
    modified: iso(a.updatedAt),
    body,
    target: {
      source: `urn:sha256:${a.target.contentHash}`,
      selector,
      'dossier:document': {
        title: doc.record.title,
        url: doc.record.url,
        fileName: doc.record.fileName,
        contentHash: doc.record.contentHash,
      },
    },
  };
  if (a.statementDate) item['dossier:statementDate'] = a.statementDate;
  if (a.history?.length) item['dossier:history'] = a.history;
  return item;
}

function linkItem(link: AnnotationLink) {
  return {
    '@context': ANNO_CONTEXT,
    id: `${DOSSIER_NS}link:${encodeURIComponent(link.id)}`,
    type: 'Annotation',
    motivation: 'linking',
    created: iso(link.createdAt),
    body: [annotationUri(link.toId), textBody('relation', 'describing', link.relation)],
    target: annotationUri(link.fromId),
  };
}
