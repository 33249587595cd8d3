import { z } from 'zod';
import {
  IsoDateSchema,
  PledgeStatusSchema,
  RelationSchema,
  TagSchema,
  type Annotation,
  type AnnotationLink,
  type Selector,
} from '../model';

/**
 * The annotations that ship with the sample collection, as data: each names its sample file by
 * the SHA-256 of its bytes (how Dossier knows a document) and carries the selectors any
 * annotation has, captured on the text as Dossier imports it.
 */
export const SampleAnnotationSchema = z.object({
  id: z.string().min(1),
  file: z.string().min(1),
  tag: TagSchema,
  exact: z.string().min(1),
  prefix: z.string(),
  suffix: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** 0-based page of a PDF. */
  page: z.number().int().nonnegative().optional(),
  note: z.string().optional(),
  actor: z.string().optional(),
  statementDate: IsoDateSchema.optional(),
  labels: z.array(z.string()).optional(),
  status: PledgeStatusSchema.optional(),
  rationale: z.string().optional(),
});
export type SampleAnnotation = z.infer<typeof SampleAnnotationSchema>;

export const SampleAnnotationsSchema = z.object({
  version: z.literal(1),
  /** Sample file name → SHA-256 of its bytes. */
  files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
  annotations: z.array(SampleAnnotationSchema),
  links: z.array(z.object({ from: z.string(), to: z.string(), relation: RelationSchema })),
});
export type SampleAnnotations = z.infer<typeof SampleAnnotationsSchema>;

export const SAMPLE_ID_PREFIX = 'sample-';

/**
 * The sample annotations as records for the library, for the documents found (by content hash);
 * annotations of samples not in the library are left out, and so are their links. Ids are
 * fixed, so loading them twice writes the same records again instead of adding copies.
 */
export function sampleRecords(
  data: SampleAnnotations,
  docsByHash: ReadonlyMap<string, string>,
  now: number,
): { annotations: Annotation[]; links: AnnotationLink[] } {
  const annotations: Annotation[] = [];
  data.annotations.forEach((s, i) => {
    const hash = data.files[s.file];
    const docId = hash ? docsByHash.get(hash) : undefined;
    if (!hash || !docId) return;
    const selectors: Selector[] = [
      { type: 'TextQuoteSelector', exact: s.exact, prefix: s.prefix, suffix: s.suffix },
      { type: 'TextPositionSelector', start: s.start, end: s.end },
      ...(s.page === undefined ? [] : [{ type: 'PageSelector' as const, index: s.page }]),
    ];
    const at = now + i;
    annotations.push({
      id: SAMPLE_ID_PREFIX + s.id,
      docId,
      tag: s.tag,
      note: s.note ?? '',
      target: { contentHash: hash, selectors },
      ...(s.actor ? { actor: s.actor } : {}),
      ...(s.statementDate ? { statementDate: s.statementDate } : {}),
      ...(s.labels ? { labels: s.labels } : {}),
      ...(s.status
        ? {
            status: s.status,
            rationale: s.rationale ?? '',
            statusHistory: [{ status: s.status, rationale: s.rationale ?? '', at }],
          }
        : {}),
      createdAt: at,
      updatedAt: at,
    });
  });
  const present = new Set(annotations.map((a) => a.id));
  const links = data.links
    .map((l, i): AnnotationLink => ({
      id: `${SAMPLE_ID_PREFIX}link-${l.from}-${l.to}`,
      fromId: SAMPLE_ID_PREFIX + l.from,
      toId: SAMPLE_ID_PREFIX + l.to,
      relation: l.relation,
      createdAt: now + i,
    }))
    .filter((l) => present.has(l.fromId) && present.has(l.toId));
  return { annotations, links };
}
