import type { DocumentContent, DocumentRecord, ParsedDocument, ReadAs } from '../model';
import { hashIngestRequest, type IngestRequest, type IngestResponse } from './ingest-job';

/** A document ready to store: its record, its text and its original bytes. */
export interface NewDocument {
  record: DocumentRecord;
  content: DocumentContent;
  original: Uint8Array;
}

/**
 * What an import's journal records of a file once its document is stored: written in the
 * transaction that stores the document, so the two never disagree.
 */
export interface StoredMark {
  jobId: string;
  /** The file's place in its import. */
  index: number;
  size: number;
  contentHash: string;
  result: {
    relativePath: string;
    outcome: 'imported' | 'updated';
    docId: string;
    title: string;
    reason?: string;
    readAs?: ReadAs;
  };
}

/** Where a station stores the documents it is told to keep. */
export interface DocumentSink {
  /** Stores the documents and, in the same transaction, marks their files stored. */
  addMany(docs: readonly NewDocument[], marks?: readonly StoredMark[]): Promise<void>;
}

/** What the importer needs to know of a parsed file to decide about it: no text, no bytes. */
export type ParsedSummary = {
  contentHash: string;
  byteLength: number;
  result:
    | {
        status: 'ok';
        title: string;
        flags?: ParsedDocument['flags'];
        readAs?: ParsedDocument['readAs'];
      }
    | Exclude<IngestResponse['result'], { status: 'ok' }>;
};

/** A parsed file held by a station until it is stored, dropped or taken. */
export interface HeldDocument {
  doc: ParsedDocument;
  contentHash: string;
  bytes: Uint8Array;
}

/** The importer's decision to keep a held document under this id. */
export interface StoreEntry {
  key: string;
  id: string;
  fileName: string;
  filePath: string;
  importedAt: number;
  /** The import's journal entry to mark stored with the document (size and hash added here). */
  mark?: Omit<StoredMark, 'size' | 'contentHash'>;
}

/** What a file is, without parsing it: to tell whether it is one already stored. */
export interface FileFingerprint {
  contentHash: string;
  byteLength: number;
}

/**
 * Parses files and holds each parsed document where it was parsed until the importer, which
 * sees every file of an import, says whether to store it (batched, one transaction), drop
 * it (a duplicate) or hand it over (a new version of a stored document). Run inside an
 * ingest worker, a document's text and bytes never cross to the page.
 */
export interface IngestStation {
  parse(key: string, request: IngestRequest): Promise<ParsedSummary>;
  /** Reads and hashes a file without parsing it. */
  fingerprint(request: IngestRequest): Promise<FileFingerprint>;
  /** Stores these documents all or none, and forgets the dropped ones either way. */
  store(entries: readonly StoreEntry[], drop: readonly string[]): Promise<void>;
  take(key: string): Promise<HeldDocument>;
}

export function newDocumentOf(
  held: HeldDocument,
  entry: Omit<StoreEntry, 'key' | 'mark'>,
): NewDocument {
  const { text, blocks, pages, ...meta } = held.doc;
  const { id, fileName, filePath, importedAt } = entry;
  return {
    record: {
      ...meta,
      id,
      fileName,
      filePath,
      contentHash: held.contentHash,
      byteLength: held.bytes.byteLength,
      textLength: text.length,
      importedAt,
      ...(pages ? { pageCount: pages.length } : {}),
    },
    content: { docId: id, text, blocks, ...(pages ? { pages } : {}) },
    original: held.bytes,
  };
}

export function createIngestStation(
  ingest: (request: IngestRequest) => Promise<IngestResponse>,
  sink: DocumentSink,
): IngestStation {
  const held = new Map<string, HeldDocument>();
  const claim = (key: string): HeldDocument => {
    const doc = held.get(key);
    if (!doc) throw new Error(`no parsed document ${key}`);
    held.delete(key);
    return doc;
  };
  return {
    async parse(key, request) {
      const { result, contentHash, bytes } = await ingest(request);
      const summary = { contentHash, byteLength: bytes.byteLength };
      if (result.status !== 'ok') return { ...summary, result };
      held.set(key, { doc: result.doc, contentHash, bytes });
      const { title, flags, readAs } = result.doc;
      return {
        ...summary,
        result: { status: 'ok', title, ...(flags ? { flags } : {}), ...(readAs ? { readAs } : {}) },
      };
    },
    async fingerprint(request) {
      return hashIngestRequest(request);
    },
    async store(entries, drop) {
      for (const key of drop) held.delete(key);
      const marks: StoredMark[] = [];
      const docs = entries.map((entry) => {
        const doc = claim(entry.key);
        if (entry.mark) {
          const { contentHash, bytes } = doc;
          marks.push({ ...entry.mark, contentHash, size: bytes.byteLength });
        }
        return newDocumentOf(doc, entry);
      });
      await sink.addMany(docs, marks);
    },
    async take(key) {
      return claim(key);
    },
  };
}
