import { Zip, ZipPassThrough, deflateSync } from 'fflate';
import type { Annotation, AnnotationLink } from '../model';
import { sha256Hex } from '../ingest/hash';
import {
  ANNOTATIONS_PATH,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  DOCUMENTS_PATH,
  IMPORT_RUNS_PATH,
  LINKS_PATH,
  MANIFEST_PATH,
  contentPath,
  originalPath,
  throwIfCancelled,
  type BackupCounts,
  type ExchangeProgress,
  type Manifest,
} from './backup-format';
import type { ImportRunRecord, LibraryDocument } from './records';

/** Where a backup reads the library from, batch by batch, so a big library never sits whole in memory twice. */
export interface BackupSource {
  counts(): Promise<BackupCounts>;
  /** Documents in batches, each with its text and original bytes. */
  documents(): AsyncIterable<LibraryDocument[]>;
  annotations(): Promise<Annotation[]>;
  links(): Promise<AnnotationLink[]>;
  importRuns(): Promise<ImportRunRecord[]>;
}

export interface BackupOptions {
  appVersion: string;
  now?: () => Date;
  signal?: { aborted: boolean };
  onProgress?: (progress: ExchangeProgress) => void;
}

const encoder = new TextEncoder();
// PDFs and Word files are compressed already: deflating them again costs time for nothing.
const STORED_FORMATS = new Set(['pdf', 'docx']);

/**
 * A zip entry deflated in one call. fflate's streaming `ZipDeflate` sets up a fresh
 * compressor for every entry, which costs more than the compression itself when a library
 * is thousands of small texts; every entry here is whole in memory already. Level 1: text
 * still shrinks several times over, at a fraction of level 6's time.
 */
class WholeDeflate extends ZipPassThrough {
  constructor(path: string) {
    super(path);
    this.compression = 8;
  }

  override process(chunk: Uint8Array, final: boolean): void {
    this.ondata(null, deflateSync(chunk, { level: 1 }), final);
  }
}

/** Writes the library as a `.dossier` zip; returns its bytes as chunks, in order. */
export async function writeBackup(
  source: BackupSource,
  options: BackupOptions,
): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else chunks.push(data);
  });
  const entries: Manifest['entries'] = [];
  /** Adds entries whose hashes are worked out side by side: one await per batch, not per entry. */
  const addAll = async (files: { path: string; bytes: Uint8Array; store?: boolean }[]) => {
    const hashes = await Promise.all(files.map((f) => sha256Hex(f.bytes)));
    files.forEach((f, i) => {
      entries.push({ path: f.path, sha256: hashes[i] as string, size: f.bytes.byteLength });
      const file = f.store ? new ZipPassThrough(f.path) : new WholeDeflate(f.path);
      zip.add(file);
      file.push(f.bytes, true);
    });
    if (failure) throw failure;
  };
  const json = (path: string, value: unknown) => ({
    path,
    bytes: encoder.encode(JSON.stringify(value)),
  });

  const counts = await source.counts();
  const report = (done: number) =>
    options.onProgress?.({ phase: 'packing', done, total: counts.documents });
  const index: { record: LibraryDocument['record']; content: string; original: string }[] = [];
  for await (const batch of source.documents()) {
    throwIfCancelled(options.signal);
    const files: { path: string; bytes: Uint8Array; store?: boolean }[] = [];
    for (const doc of batch) {
      const n = index.length + 1;
      index.push({ record: doc.record, content: contentPath(n), original: originalPath(n) });
      files.push(json(contentPath(n), doc.content));
      files.push({
        path: originalPath(n),
        bytes: doc.original,
        store: STORED_FORMATS.has(doc.record.format),
      });
    }
    await addAll(files);
    report(index.length);
  }
  throwIfCancelled(options.signal);
  const [annotations, links, importRuns] = await Promise.all([
    source.annotations(),
    source.links(),
    source.importRuns(),
  ]);
  await addAll([
    json(DOCUMENTS_PATH, index),
    json(ANNOTATIONS_PATH, annotations),
    json(LINKS_PATH, links),
    json(IMPORT_RUNS_PATH, importRuns),
  ]);
  const manifest: Manifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: (options.now?.() ?? new Date()).toISOString(),
    app: { name: 'Dossier', version: options.appVersion },
    // Counted from what was written, so a library changing meanwhile cannot make them disagree.
    counts: {
      documents: index.length,
      annotations: annotations.length,
      links: links.length,
      importRuns: importRuns.length,
    },
    entries,
  };
  const manifestFile = new WholeDeflate(MANIFEST_PATH);
  zip.add(manifestFile);
  manifestFile.push(encoder.encode(JSON.stringify(manifest, null, 1)), true);
  zip.end();
  if (failure) throw failure;
  report(index.length);
  return chunks;
}
