import { unzipSync } from 'fflate';
import type { ZodType } from 'zod';
import { sha256Hex } from '../ingest/hash';
import {
  ANNOTATIONS_PATH,
  BACKUP_FORMAT_VERSION,
  BackupError,
  DOCUMENTS_PATH,
  DocumentEntrySchema,
  IMPORT_RUNS_PATH,
  LINKS_PATH,
  MANIFEST_PATH,
  ManifestHeadSchema,
  ManifestSchema,
  throwIfCancelled,
  type ExchangeProgress,
  type Manifest,
} from './backup-format';
import {
  AnnotationLinkSchema,
  AnnotationSchema,
  DocumentContentSchema,
  DocumentRecordSchema,
  ImportRunSchema,
  type LibraryData,
  type LibraryDocument,
} from './records';

export interface ReadOptions {
  signal?: { aborted: boolean };
  onProgress?: (progress: ExchangeProgress) => void;
}

export interface CheckedBackup extends LibraryData {
  manifest: Manifest;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads and checks a whole backup before anything is written: the zip, the manifest and its
 * format version, every entry's SHA-256, and every record against its schema and the others
 * (each annotation's document, each link's annotations, each document's text and bytes).
 * Throws a BackupError saying what is wrong.
 */
export async function readBackup(
  bytes: Uint8Array,
  options: ReadOptions = {},
): Promise<CheckedBackup> {
  const files = unzip(bytes);
  const manifest = readManifest(files);
  const total = manifest.entries.length;
  const report = (done: number) => options.onProgress?.({ phase: 'checking', done, total });

  const listed = new Set(manifest.entries.map((e) => e.path));
  for (const name of Object.keys(files)) {
    if (name !== MANIFEST_PATH && !listed.has(name)) {
      throw new BackupError(
        'tampered',
        `The backup holds “${name}”, which its manifest does not list: it was changed after it was made.`,
      );
    }
  }
  let done = 0;
  for (const entry of manifest.entries) {
    const data = files[entry.path];
    if (!data) {
      throw new BackupError('truncated', `The backup is incomplete: “${entry.path}” is missing.`);
    }
    if (data.byteLength !== entry.size || (await sha256Hex(data)) !== entry.sha256) {
      throw new BackupError(
        'tampered',
        `“${entry.path}” does not match its checksum: the backup was changed or damaged after it was made.`,
      );
    }
    done += 1;
    if (done % 200 === 0) {
      throwIfCancelled(options.signal);
      report(done);
    }
  }
  report(total);
  const data = readRecords(files);
  const counts = {
    documents: data.documents.length,
    annotations: data.annotations.length,
    links: data.links.length,
    importRuns: data.importRuns.length,
  };
  for (const key of Object.keys(counts) as (keyof typeof counts)[]) {
    if (counts[key] !== manifest.counts[key]) {
      throw new BackupError(
        'invalid-record',
        `The manifest counts ${manifest.counts[key]} ${key} but the backup holds ${counts[key]}.`,
      );
    }
  }
  return { manifest, ...data };
}

function unzip(bytes: Uint8Array): Record<string, Uint8Array> {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  try {
    return unzipSync(bytes);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    if (!isZip)
      throw new BackupError(
        'not-a-backup',
        'This file is not a Dossier backup (it is not a zip archive).',
      );
    throw new BackupError(
      'damaged',
      `The backup is damaged or incomplete and cannot be opened (${why}).`,
    );
  }
}

function readManifest(files: Record<string, Uint8Array>): Manifest {
  const raw = files[MANIFEST_PATH];
  if (!raw)
    throw new BackupError('not-a-backup', 'This file is not a Dossier backup: it has no manifest.');
  const json = parseJson(raw, MANIFEST_PATH);
  const head = ManifestHeadSchema.safeParse(json);
  if (!head.success)
    throw new BackupError(
      'not-a-backup',
      'This file is not a Dossier backup: its manifest is not one.',
    );
  if (head.data.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      'newer-version',
      `This backup was made by a newer version of Dossier (backup format ${head.data.formatVersion}; this version reads format ${BACKUP_FORMAT_VERSION}). Update Dossier to restore it.`,
    );
  }
  return parseWith(ManifestSchema, json, MANIFEST_PATH);
}

function readRecords(files: Record<string, Uint8Array>): LibraryData {
  const json = (path: string) => {
    const raw = files[path];
    if (!raw) throw new BackupError('truncated', `The backup is incomplete: “${path}” is missing.`);
    return parseJson(raw, path);
  };
  const list = <T>(path: string, schema: ZodType<T>): T[] => {
    const value = json(path);
    if (!Array.isArray(value)) throw new BackupError('invalid-record', `“${path}” is not a list.`);
    return value.map((item, i) => parseWith(schema, item, `${path}, item ${i + 1}`));
  };

  const documents: LibraryDocument[] = list(DOCUMENTS_PATH, DocumentEntrySchema).map((entry, i) => {
    const where = `${DOCUMENTS_PATH}, item ${i + 1}`;
    const record = parseWith(DocumentRecordSchema, entry.record, where);
    const content = parseWith(DocumentContentSchema, json(entry.content), entry.content);
    const original = files[entry.original];
    if (!original)
      throw new BackupError(
        'truncated',
        `The backup is incomplete: “${entry.original}” is missing.`,
      );
    if (content.docId !== record.id || original.byteLength !== record.byteLength) {
      throw new BackupError(
        'invalid-record',
        `The text or file of “${record.title}” does not belong to it.`,
      );
    }
    return { record, content, original };
  });
  const docIds = new Set<string>();
  for (const { record } of documents) {
    if (docIds.has(record.id))
      throw new BackupError('invalid-record', `Document id ${record.id} appears twice.`);
    docIds.add(record.id);
  }
  const annotations = list(ANNOTATIONS_PATH, AnnotationSchema);
  const annotationIds = new Set(annotations.map((a) => a.id));
  for (const a of annotations) {
    if (!docIds.has(a.docId)) {
      throw new BackupError(
        'invalid-record',
        `Annotation ${a.id} belongs to a document the backup does not hold.`,
      );
    }
  }
  const links = list(LINKS_PATH, AnnotationLinkSchema);
  for (const l of links) {
    if (!annotationIds.has(l.fromId) || !annotationIds.has(l.toId)) {
      throw new BackupError(
        'invalid-record',
        `Link ${l.id} joins annotations the backup does not hold.`,
      );
    }
  }
  const importRuns = list(IMPORT_RUNS_PATH, ImportRunSchema);
  return { documents, annotations, links, importRuns };
}

function parseJson(raw: Uint8Array, where: string): unknown {
  try {
    return JSON.parse(decoder.decode(raw));
  } catch {
    throw new BackupError('damaged', `“${where}” in the backup is not readable JSON.`);
  }
}

function parseWith<T>(schema: ZodType<T>, value: unknown, where: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const detail = issue
    ? `${issue.path.map(String).join('.') || 'value'}: ${issue.message}`
    : 'invalid';
  throw new BackupError('invalid-record', `${where} is not valid (${detail}).`);
}
