import { z } from 'zod';
import {
  SHA256_URN,
  isTagName,
  timeOf,
  type DocHint,
  type ForeignAnnotation,
  type ForeignSet,
} from './foreign';

/**
 * Reads the JSON file Hypothesis's client exports ("Export annotations"): `annotations[]`, each
 * with `uri`, `document.title`, `tags`, `text` and `target[].selector[]`. Its positions count
 * UTF-16 units. Tags pledge, evidence and critique become the tag; other tags become labels.
 */

const SelectorSchema = z.looseObject({ type: z.string() });
const HypothesisAnnotationSchema = z.looseObject({
  id: z.string(),
  created: z.string().optional(),
  updated: z.string().optional(),
  uri: z.string().optional(),
  text: z.string().optional(),
  tags: z.array(z.string()).optional(),
  document: z
    .looseObject({ title: z.union([z.string(), z.array(z.string())]).optional() })
    .optional(),
  target: z.array(
    z.looseObject({ source: z.string().optional(), selector: z.array(SelectorSchema).optional() }),
  ),
});

const ExportSchema = z.union([
  z.looseObject({ annotations: z.array(z.unknown()) }).transform((e) => e.annotations),
  z.looseObject({ rows: z.array(z.unknown()) }).transform((e) => e.rows),
  z.array(z.unknown()),
]);

/** True when the JSON looks like a Hypothesis export rather than W3C annotations. */
export function looksLikeHypothesis(json: unknown): boolean {
  if (!json || typeof json !== 'object') return false;
  const o = json as Record<string, unknown>;
  if ('export_date' in o || 'client_version' in o) return true;
  const first = (
    Array.isArray(o.annotations) ? o.annotations : Array.isArray(o.rows) ? o.rows : []
  )[0];
  return !!first && typeof first === 'object' && 'uri' in first && 'target' in first;
}

export function readHypothesisExport(json: unknown, now: number): ForeignSet {
  const list = ExportSchema.safeParse(json);
  if (!list.success) throw new Error('this is not a Hypothesis export (no list of annotations)');
  const set: ForeignSet = { format: 'hypothesis', annotations: [], links: [], skipped: [] };
  list.data.forEach((value, i) => {
    const parsed = HypothesisAnnotationSchema.safeParse(value);
    if (!parsed.success) {
      set.skipped.push(`Annotation ${i + 1}: not a Hypothesis annotation.`);
      return;
    }
    const h = parsed.data;
    const target = h.target[0];
    const selectors = target?.selector ?? [];
    const quoteSel = selectors.find((s) => s.type === 'TextQuoteSelector');
    const posSel = selectors.find((s) => s.type === 'TextPositionSelector');
    if (!quoteSel && !posSel) {
      set.skipped.push(
        `Annotation ${i + 1} (“${(h.text ?? '').slice(0, 40)}”): a page note, with no passage to place.`,
      );
      return;
    }
    const uri = target?.source ?? h.uri ?? '';
    const title = Array.isArray(h.document?.title) ? h.document.title[0] : h.document?.title;
    const doc: DocHint = { key: uri || `hypothesis-${i}` };
    const hash = SHA256_URN.exec(uri)?.[1];
    if (hash) doc.hash = hash.toLowerCase();
    else if (uri) doc.url = uri;
    if (title) doc.title = title;
    const tags = (h.tags ?? []).map((t) => t.trim()).filter((t) => t !== '');
    const tag = tags.map((t) => t.toLowerCase()).find(isTagName) ?? null;
    const out: ForeignAnnotation = {
      id: `hypothesis:${h.id}`,
      doc,
      tag,
      labels: tags.filter((t) => !isTagName(t.toLowerCase())),
      note: h.text ?? '',
      createdAt: timeOf(h.created, now),
      updatedAt: timeOf(h.updated, timeOf(h.created, now)),
    };
    if (quoteSel && typeof quoteSel.exact === 'string' && quoteSel.exact !== '') {
      out.quote = {
        exact: quoteSel.exact,
        prefix: typeof quoteSel.prefix === 'string' ? quoteSel.prefix : '',
        suffix: typeof quoteSel.suffix === 'string' ? quoteSel.suffix : '',
      };
    }
    if (
      posSel &&
      typeof posSel.start === 'number' &&
      typeof posSel.end === 'number' &&
      posSel.end > posSel.start
    ) {
      out.position = { start: posSel.start, end: posSel.end, unit: 'utf-16' };
    }
    set.annotations.push(out);
  });
  return set;
}
