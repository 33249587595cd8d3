import { z } from 'zod';
import {
  AnnotationVersionSchema,
  PledgeStatusSchema,
  RelationSchema,
  StatusChangeSchema,
  type Relation,
} from '../model';
import {
  SHA256_URN,
  isTagName,
  timeOf,
  type DocHint,
  type ForeignAnnotation,
  type ForeignLink,
  type ForeignSet,
} from './foreign';
import { idOfAnnotationUri } from './w3c-export';

/** Reads a W3C Web Annotation file: a collection, a page, one annotation or a list of them. */

const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.union([item, z.array(item)]).transform((v) => (Array.isArray(v) ? v : [v]));

const BodySchema = z.union([
  z.string(),
  z.looseObject({
    type: z.unknown().optional(),
    purpose: z.unknown().optional(),
    value: z.unknown().optional(),
    'dossier:field': z.unknown().optional(),
  }),
]);

const SelectorSchema = z.looseObject({ type: z.string() });

const TargetSchema = z.union([
  z.string(),
  z.looseObject({
    source: z.unknown().optional(),
    id: z.unknown().optional(),
    selector: oneOrMany(z.union([z.string(), SelectorSchema])).optional(),
    'dossier:document': z.looseObject({}).optional(),
  }),
]);

const AnnotationItemSchema = z.looseObject({
  id: z.string().optional(),
  type: z.unknown().optional(),
  motivation: z.unknown().optional(),
  created: z.unknown().optional(),
  modified: z.unknown().optional(),
  body: oneOrMany(BodySchema).optional(),
  bodyValue: z.string().optional(),
  target: oneOrMany(TargetSchema),
});
type Item = z.infer<typeof AnnotationItemSchema>;

/** Throws an Error whose message names what is wrong with the file. */
export function readW3cAnnotations(json: unknown, now: number): ForeignSet {
  const raw = itemsOf(json);
  const set: ForeignSet = { format: 'w3c', annotations: [], links: [], skipped: [] };
  raw.forEach((value, i) => {
    const parsed = AnnotationItemSchema.safeParse(value);
    if (!parsed.success) {
      set.skipped.push(`Item ${i + 1}: not an annotation with a target.`);
      return;
    }
    const item = parsed.data;
    const motivations = [item.motivation].flat();
    if (motivations.includes('linking')) {
      const link = linkOf(item, now);
      if (link) set.links.push(link);
      else set.skipped.push(`Item ${i + 1}: a link Dossier cannot read.`);
      return;
    }
    const annotation = annotationOf(item, i, now);
    if (typeof annotation === 'string') set.skipped.push(`Item ${i + 1}: ${annotation}`);
    else set.annotations.push(annotation);
  });
  return set;
}

function itemsOf(json: unknown): unknown[] {
  if (Array.isArray(json)) return json;
  if (json && typeof json === 'object') {
    const o = json as Record<string, unknown>;
    const types = [o.type].flat();
    if (types.includes('AnnotationCollection')) {
      const first = o.first as Record<string, unknown> | undefined;
      if (first && typeof first === 'object' && Array.isArray(first.items)) return first.items;
      throw new Error(
        'the collection does not include its annotations (only a link to its first page)',
      );
    }
    if (types.includes('AnnotationPage') && Array.isArray(o.items)) return o.items;
    if (types.includes('Annotation')) return [json];
  }
  throw new Error(
    'this is not W3C Web Annotation JSON (no Annotation, AnnotationPage or AnnotationCollection)',
  );
}

function annotationOf(item: Item, index: number, now: number): ForeignAnnotation | string {
  const target = item.target.find((t) => typeof t === 'object');
  if (!target || typeof target !== 'object') return 'its target names no passage of a text.';
  const source =
    typeof target.source === 'string'
      ? target.source
      : typeof target.id === 'string'
        ? target.id
        : '';
  const selectors = (target.selector ?? []).filter(
    (s): s is z.infer<typeof SelectorSchema> => typeof s === 'object',
  );
  const quoteSel = selectors.find((s) => s.type === 'TextQuoteSelector');
  const posSel = selectors.find((s) => s.type === 'TextPositionSelector');
  const pageSel = selectors.find(
    (s) =>
      s.type === 'FragmentSelector' && typeof s.value === 'string' && /^page=\d+/.test(s.value),
  );
  const quote =
    quoteSel && typeof quoteSel.exact === 'string' && quoteSel.exact !== ''
      ? { exact: quoteSel.exact, prefix: str(quoteSel.prefix), suffix: str(quoteSel.suffix) }
      : undefined;
  const position =
    posSel && isCount(posSel.start) && isCount(posSel.end) && posSel.end > posSel.start
      ? { start: posSel.start, end: posSel.end, unit: 'code-point' as const }
      : undefined;
  if (!quote && !position) return 'its target has no TextQuoteSelector or TextPositionSelector.';
  const docInfo = (target['dossier:document'] ?? {}) as Record<string, unknown>;
  const hash = SHA256_URN.exec(source)?.[1]?.toLowerCase();
  const doc: DocHint = { key: source || `item-${index}` };
  if (hash) doc.hash = hash;
  const url =
    typeof docInfo.url === 'string' ? docInfo.url : hash ? undefined : source || undefined;
  if (url) doc.url = url;
  if (typeof docInfo.title === 'string') doc.title = docInfo.title;

  const out: ForeignAnnotation = {
    id: (item.id && idOfAnnotationUri(item.id)) ?? item.id ?? `w3c-${index}-${now}`,
    doc,
    tag: null,
    labels: [],
    note: item.bodyValue ?? '',
    createdAt: timeOf(item.created, now),
    updatedAt: timeOf(item.modified, timeOf(item.created, now)),
  };
  if (quote) out.quote = quote;
  if (position) out.position = position;
  if (pageSel && typeof pageSel.value === 'string')
    out.pageIndex = Number(/^page=(\d+)/.exec(pageSel.value)?.[1]) - 1;
  for (const body of item.body ?? []) if (typeof body === 'object') readBody(body, out);
  const statementDate = (item as Record<string, unknown>)['dossier:statementDate'];
  if (typeof statementDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(statementDate))
    out.statementDate = statementDate;
  const history = z
    .array(AnnotationVersionSchema)
    .safeParse((item as Record<string, unknown>)['dossier:history']);
  if (history.success && history.data.length > 0) out.history = history.data;
  return out;
}

function readBody(body: Record<string, unknown>, out: ForeignAnnotation) {
  const value = typeof body.value === 'string' ? body.value : null;
  if (value === null) return;
  const field = typeof body['dossier:field'] === 'string' ? body['dossier:field'] : null;
  const purpose = typeof body.purpose === 'string' ? body.purpose : null;
  const lower = value.trim().toLowerCase();
  if (
    field === 'tag' ||
    ((purpose === 'classifying' || purpose === 'tagging') &&
      isTagName(lower) &&
      out.tag === null &&
      field === null)
  ) {
    if (isTagName(lower)) out.tag = lower;
  } else if (field === 'label' || purpose === 'tagging' || purpose === 'classifying') {
    if (value.trim() !== '' && !out.labels.includes(value.trim())) out.labels.push(value.trim());
  } else if (field === 'actor' || purpose === 'identifying') {
    out.actor = value;
  } else if (field === 'status' || purpose === 'assessing') {
    const status = PledgeStatusSchema.safeParse(lower);
    if (status.success) out.status = status.data;
    if (typeof body['dossier:rationale'] === 'string') out.rationale = body['dossier:rationale'];
    const history = z.array(StatusChangeSchema).safeParse(body['dossier:statusHistory']);
    if (history.success && history.data.length > 0) out.statusHistory = history.data;
  } else {
    out.note = out.note ? `${out.note}\n\n${value}` : value;
  }
}

function linkOf(item: Item, now: number): ForeignLink | null {
  const target = item.target.find((t) => typeof t === 'string');
  const bodies = item.body ?? [];
  const toUri = bodies.find((b): b is string => typeof b === 'string');
  const relationBody = bodies.find((b) => typeof b === 'object' && typeof b.value === 'string');
  const relation = RelationSchema.safeParse(
    typeof relationBody === 'object' ? relationBody.value : undefined,
  );
  if (typeof target !== 'string' || !toUri || !relation.success) return null;
  const fromId = idOfAnnotationUri(target) ?? target;
  const toId = idOfAnnotationUri(toUri) ?? toUri;
  const id = item.id?.replace(/^urn:x-dossier:link:/, '') ?? `${fromId}-${toId}`;
  return {
    id: decodeURIComponent(id),
    fromId,
    toId,
    relation: relation.data as Relation,
    createdAt: timeOf(item.created, now),
  };
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}
