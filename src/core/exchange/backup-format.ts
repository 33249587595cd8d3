import { z } from 'zod';

/**
 * The `.dossier` backup: a zip holding a manifest (format version, counts, and the SHA-256 of
 * every other entry), the library's records as JSON, each document's text and its original
 * bytes. Readers refuse anything whose manifest, hashes or records do not check out.
 */
export const BACKUP_FORMAT = 'dossier-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_EXTENSION = 'dossier';
export const BACKUP_MIME = 'application/zip';

export const MANIFEST_PATH = 'manifest.json';
export const DOCUMENTS_PATH = 'library/documents.json';
export const ANNOTATIONS_PATH = 'library/annotations.json';
export const LINKS_PATH = 'library/links.json';
export const IMPORT_RUNS_PATH = 'library/import-runs.json';
export const contentPath = (n: number) => `contents/${n}.json`;
export const originalPath = (n: number) => `originals/${n}.bin`;

export const ManifestEntrySchema = z.object({
  path: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
});

export const BackupCountsSchema = z.object({
  documents: z.number().int().nonnegative(),
  annotations: z.number().int().nonnegative(),
  links: z.number().int().nonnegative(),
  importRuns: z.number().int().nonnegative(),
});
export type BackupCounts = z.infer<typeof BackupCountsSchema>;

/** Read in two steps: format and version first, so a newer backup gets the right message. */
export const ManifestHeadSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().positive(),
});

export const ManifestSchema = ManifestHeadSchema.extend({
  createdAt: z.string(),
  app: z.object({ name: z.string(), version: z.string() }),
  counts: BackupCountsSchema,
  entries: z.array(ManifestEntrySchema),
});
export type Manifest = z.infer<typeof ManifestSchema>;

/** One line of documents.json: the record and where its text and original bytes are. */
export const DocumentEntrySchema = z.object({
  record: z.unknown(),
  content: z.string(),
  original: z.string(),
});

export type BackupProblem =
  'damaged' | 'truncated' | 'tampered' | 'newer-version' | 'not-a-backup' | 'invalid-record';

/** Why a backup was refused, in words for the analyst; nothing was written. */
export class BackupError extends Error {
  constructor(
    readonly problem: BackupProblem,
    message: string,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

/** Thrown when the analyst cancels; the library is left as it was. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

export function throwIfCancelled(signal: { aborted: boolean } | undefined): void {
  if (signal?.aborted) throw new CancelledError();
}

export interface ExchangeProgress {
  phase: 'reading' | 'checking' | 'writing' | 'packing';
  done: number;
  total: number;
}
