import { z } from 'zod';
import {
  AnnotationLinkSchema,
  AnnotationSchema,
  DocumentContentSchema,
  DocumentRecordSchema,
  type Annotation,
  type AnnotationLink,
  type DocumentContent,
  type DocumentRecord,
} from '../model';

/** The summary of one import, as the library keeps it (see the renderer's import-run.ts). */
export const ImportRunSchema = z.object({
  id: z.string(),
  startedAt: z.number(),
  finishedAt: z.number(),
  origin: z.enum(['files', 'folder', 'drop', 'samples']),
  files: z.array(
    z.object({
      relativePath: z.string(),
      outcome: z.enum(['imported', 'updated', 'duplicate', 'unsupported', 'failed', 'cancelled']),
      reason: z.string().optional(),
      code: z.literal('encrypted').optional(),
      docId: z.string().optional(),
      title: z.string().optional(),
    }),
  ),
});
export type ImportRunRecord = z.infer<typeof ImportRunSchema>;

/** A document with everything stored for it: metadata, text and pages, original bytes. */
export interface LibraryDocument {
  record: DocumentRecord;
  content: DocumentContent;
  original: Uint8Array;
}

/** Everything a library holds apart from its search index, which is rebuilt from this. */
export interface LibraryData {
  documents: LibraryDocument[];
  annotations: Annotation[];
  links: AnnotationLink[];
  importRuns: ImportRunRecord[];
}

export { AnnotationLinkSchema, AnnotationSchema, DocumentContentSchema, DocumentRecordSchema };
