import { z } from 'zod';

export const TAGS = ['pledge', 'evidence', 'critique'] as const;
export const TagSchema = z.enum(TAGS);
export type Tag = z.infer<typeof TagSchema>;

export const TAG_LABELS: Record<Tag, string> = {
  pledge: 'Pledge',
  evidence: 'Evidence',
  critique: 'Critique',
};

/** Formats the ingest step understands. */
export const DocFormatSchema = z.enum(['txt', 'md', 'html', 'docx', 'pdf']);
export type DocFormat = z.infer<typeof DocFormatSchema>;

/** A structural block of a document: a slice [start, end) of the document's normalised text. */
export const BlockSchema = z.object({
  kind: z.enum(['heading', 'paragraph', 'list-item', 'quote', 'code']),
  level: z.number().int().min(1).max(6).optional(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Block = z.infer<typeof BlockSchema>;

/** A page of a paginated source (PDF): the slice [start, end) of the document text. */
export const PageSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Page = z.infer<typeof PageSchema>;

/** Conditions worth telling the analyst about a document that did import. */
export const DocFlagSchema = z.enum(['no-text']);
export type DocFlag = z.infer<typeof DocFlagSchema>;

/** ISO calendar date, YYYY-MM-DD. */
export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const DocumentMetaSchema = z.object({
  title: z.string().min(1),
  source: z.string().nullable(),
  date: IsoDateSchema.nullable(),
  author: z.string().nullable(),
  url: z.string().nullable(),
  language: z.string().nullable(),
});
export type DocumentMeta = z.infer<typeof DocumentMetaSchema>;

/**
 * How a file's text encoding was settled: by a byte-order mark, by the page's own declaration,
 * by detection that was clear ('detected') or not ('guessed': worth checking), or by the
 * analyst ('chosen', when a file is read again as another encoding).
 */
export const EncodingHowSchema = z.enum(['bom', 'declared', 'detected', 'guessed', 'chosen']);
export type EncodingHow = z.infer<typeof EncodingHowSchema>;

/** The encoding a text or HTML file was read as, by its WHATWG name ('shift_jis'). */
export const ReadAsSchema = z.object({ encoding: z.string(), how: EncodingHowSchema });
export type ReadAs = z.infer<typeof ReadAsSchema>;

/** What an ingest parser returns for one file: text plus structure plus metadata. */
export const ParsedDocumentSchema = DocumentMetaSchema.extend({
  /** Text and HTML files: the encoding the bytes were read as, and how it was settled. */
  readAs: ReadAsSchema.optional(),
  format: DocFormatSchema,
  /** Normalised text (NFC, \n line ends); blocks are separated by a blank line. */
  text: z.string(),
  blocks: z.array(BlockSchema),
  /** For paginated formats: one entry per page, in order, covering the text. */
  pages: z.array(PageSchema).optional(),
  flags: z.array(DocFlagSchema).optional(),
});
export type ParsedDocument = z.infer<typeof ParsedDocumentSchema>;

/** A stored document's metadata. Its text lives apart (DocumentContent) so lists stay light. */
export const DocumentRecordSchema = DocumentMetaSchema.extend({
  id: z.string(),
  format: DocFormatSchema,
  fileName: z.string(),
  /** Path relative to the folder or selection it was imported from. */
  filePath: z.string(),
  /** SHA-256 of the original bytes, lowercase hex. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  byteLength: z.number().int().nonnegative(),
  textLength: z.number().int().nonnegative(),
  importedAt: z.number(),
  /** Number of pages, for paginated formats. */
  pageCount: z.number().int().nonnegative().optional(),
  flags: z.array(DocFlagSchema).optional(),
  /** Metadata fields the analyst edited; a new version of the file leaves them as edited. */
  editedFields: z.array(DocumentMetaSchema.keyof()).optional(),
  /** Text and HTML files: the encoding the bytes were read as, and how it was settled. */
  readAs: ReadAsSchema.optional(),
  /** Bumped each time a new version of the file replaces the text. */
  version: z.number().int().positive().optional(),
});
export type DocumentRecord = z.infer<typeof DocumentRecordSchema>;

export const DocumentContentSchema = z.object({
  docId: z.string(),
  text: z.string(),
  blocks: z.array(BlockSchema),
  pages: z.array(PageSchema).optional(),
});
export type DocumentContent = z.infer<typeof DocumentContentSchema>;

export const TextQuoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1),
  prefix: z.string(),
  suffix: z.string(),
});
export type TextQuoteSelector = z.infer<typeof TextQuoteSelectorSchema>;

export const TextPositionSelectorSchema = z.object({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type TextPositionSelector = z.infer<typeof TextPositionSelectorSchema>;

/** The page (0-based) of a paginated document a passage starts on; narrows the search for it. */
export const PageSelectorSchema = z.object({
  type: z.literal('PageSelector'),
  index: z.number().int().nonnegative(),
});
export type PageSelector = z.infer<typeof PageSelectorSchema>;

export const SelectorSchema = z.discriminatedUnion('type', [
  TextQuoteSelectorSchema,
  TextPositionSelectorSchema,
  PageSelectorSchema,
]);
export type Selector = z.infer<typeof SelectorSchema>;

export const AnnotationTargetSchema = z.object({
  /** Content hash of the document version the selectors were captured on. */
  contentHash: z.string(),
  selectors: z.array(SelectorSchema).min(1),
});
export type AnnotationTarget = z.infer<typeof AnnotationTargetSchema>;

/**
 * Set when a new version of the document moved an annotation to text that differs from its
 * quote ('changed') or left nowhere to put it ('not-found'); cleared when the analyst checks it.
 */
export const AnnotationReviewSchema = z.object({
  reason: z.enum(['changed', 'not-found']),
  previousQuote: z.string(),
  since: z.number(),
});
export type AnnotationReview = z.infer<typeof AnnotationReviewSchema>;

export const PLEDGE_STATUSES = ['open', 'kept', 'partly-kept', 'broken', 'unclear'] as const;
export const PledgeStatusSchema = z.enum(PLEDGE_STATUSES);
export type PledgeStatus = z.infer<typeof PledgeStatusSchema>;

export const PLEDGE_STATUS_LABELS: Record<PledgeStatus, string> = {
  open: 'Open',
  kept: 'Kept',
  'partly-kept': 'Partly kept',
  broken: 'Broken',
  unclear: 'Unclear',
};

/** One assessment of a pledge; the annotation keeps every one, oldest first. */
export const StatusChangeSchema = z.object({
  status: PledgeStatusSchema,
  rationale: z.string(),
  at: z.number(),
});
export type StatusChange = z.infer<typeof StatusChangeSchema>;

/**
 * An earlier version of an annotation that a merge replaced, or a colleague's version that lost
 * to a newer edit here: what it said, when it was last edited, and when it was set aside.
 */
export const AnnotationVersionSchema = z.object({
  tag: TagSchema,
  note: z.string(),
  actor: z.string().optional(),
  statementDate: IsoDateSchema.optional(),
  labels: z.array(z.string()).optional(),
  status: PledgeStatusSchema.optional(),
  rationale: z.string().optional(),
  updatedAt: z.number(),
  replacedAt: z.number(),
});
export type AnnotationVersion = z.infer<typeof AnnotationVersionSchema>;

export const AnnotationSchema = z.object({
  id: z.string(),
  docId: z.string(),
  tag: TagSchema,
  note: z.string(),
  target: AnnotationTargetSchema,
  review: AnnotationReviewSchema.optional(),
  /** Who said or wrote the passage. */
  actor: z.string().optional(),
  /** When it was said; the document's date unless the analyst sets another. */
  statementDate: IsoDateSchema.optional(),
  labels: z.array(z.string()).optional(),
  /** Pledges only: the current assessment, its reason, and every earlier one. */
  status: PledgeStatusSchema.optional(),
  rationale: z.string().optional(),
  statusHistory: z.array(StatusChangeSchema).optional(),
  /** Versions set aside when merging a colleague's work, oldest first. */
  history: z.array(AnnotationVersionSchema).optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Annotation = z.infer<typeof AnnotationSchema>;

export const RELATIONS = ['supports', 'contradicts', 'repeats'] as const;
export const RelationSchema = z.enum(RELATIONS);
export type Relation = z.infer<typeof RelationSchema>;

/**
 * A link from an annotation to a pledge: evidence or critique that supports or contradicts it,
 * or a later pledge that repeats an earlier one.
 */
export const AnnotationLinkSchema = z.object({
  id: z.string(),
  fromId: z.string(),
  toId: z.string(),
  relation: RelationSchema,
  createdAt: z.number(),
});
export type AnnotationLink = z.infer<typeof AnnotationLinkSchema>;
