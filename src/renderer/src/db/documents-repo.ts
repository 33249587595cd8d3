import type { NewDocument, StoredMark } from '@core/jobs/ingest-station';
import type {
  Annotation,
  AnnotationLink,
  DocumentContent,
  DocumentMeta,
  DocumentRecord,
} from '@core/model';
import { writeStoredMarks } from './import-journal-repo';
import { db, type DossierDb, type OriginalFile } from './schema';
import { validRecord, validRecords } from './valid-records';

/** Everything deleting documents took away, to put back on Undo. */
export interface RemovedDocuments {
  documents: DocumentRecord[];
  contents: DocumentContent[];
  originals: OriginalFile[];
  annotations: Annotation[];
  links: AnnotationLink[];
}

export type { NewDocument };

export type MetaPatch = Partial<DocumentMeta>;

const byDateThenTitle = (a: DocumentRecord, b: DocumentRecord) =>
  (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.title.localeCompare(b.title);

export function documentsRepo(database: DossierDb = db()) {
  const docTables = [database.documents, database.contents, database.originals];
  return {
    /**
     * Stores documents with their text and original bytes, all or none, and marks their files
     * stored in the import's journal in the same transaction.
     */
    async addMany(docs: readonly NewDocument[], marks: readonly StoredMark[] = []): Promise<void> {
      if (docs.length === 0) return;
      await database.transaction('rw', [...docTables, database.importJobFiles], async () => {
        await database.documents.bulkAdd(docs.map((d) => d.record));
        await database.contents.bulkAdd(docs.map((d) => d.content));
        await database.originals.bulkAdd(
          docs.map((d) => ({ docId: d.record.id, bytes: d.original })),
        );
        await writeStoredMarks(database, marks);
      });
    },
    /** Every content hash and file path in the library, each read in one go from its index. */
    async knownKeys(): Promise<{ hashes: Set<string>; paths: Set<string> }> {
      const [hashes, paths] = await Promise.all([
        database.documents.orderBy('contentHash').uniqueKeys(),
        database.documents.orderBy('filePath').uniqueKeys(),
      ]);
      return { hashes: new Set(hashes.map(String)), paths: new Set(paths.map(String)) };
    },
    /** Documents already holding any of these content hashes, by hash. */
    async findByHashes(hashes: readonly string[]): Promise<Map<string, DocumentRecord>> {
      const found = validRecords(
        'documents',
        await database.documents.where('contentHash').anyOf(hashes).toArray(),
      );
      return new Map(found.map((d) => [d.contentHash, d]));
    },
    /** Documents imported from any of these paths, by path. */
    async findByPaths(paths: readonly string[]): Promise<Map<string, DocumentRecord>> {
      const found = validRecords(
        'documents',
        await database.documents.where('filePath').anyOf(paths).toArray(),
      );
      return new Map(found.map((d) => [d.filePath, d]));
    },
    /**
     * Replaces a document's text and file with a new version, keeping the metadata the
     * analyst edited, and passes each of its annotations through `reanchor` in the same
     * transaction, so a crash leaves either the old version or the new one, never a mix.
     */
    async replaceVersion(
      docId: string,
      next: NewDocument,
      reanchor: (annotation: Annotation) => Annotation,
      /** The import's journal entry for the file, told how many annotations moved. */
      mark?: (moved: readonly Annotation[]) => StoredMark,
    ): Promise<Annotation[]> {
      const tables = [...docTables, database.annotations, database.importJobFiles];
      return database.transaction('rw', tables, async () => {
        const current = await database.documents.get(docId);
        if (!current) throw new Error('the document to update is no longer in the library');
        const kept: Partial<DocumentMeta> = {};
        for (const field of current.editedFields ?? []) {
          Object.assign(kept, { [field]: current[field] });
        }
        await database.documents.put({
          ...next.record,
          ...kept,
          id: docId,
          editedFields: current.editedFields,
          version: (current.version ?? 1) + 1,
        });
        await database.contents.put({ ...next.content, docId });
        await database.originals.put({ docId, bytes: next.original });
        const moved = (await database.annotations.where('docId').equals(docId).toArray()).map(
          reanchor,
        );
        await database.annotations.bulkPut(moved);
        if (mark) await writeStoredMarks(database, [mark(moved)]);
        return moved;
      });
    },
    /** Applies the analyst's metadata edits and remembers which fields they touched. */
    async updateMeta(id: string, patch: MetaPatch): Promise<void> {
      await database.transaction('rw', database.documents, async () => {
        const current = await database.documents.get(id);
        if (!current) throw new Error('the document is no longer in the library');
        const changed = (Object.keys(patch) as (keyof DocumentMeta)[]).filter(
          (k) => patch[k] !== undefined && patch[k] !== current[k],
        );
        if (changed.length === 0) return;
        const editedFields = [...new Set([...(current.editedFields ?? []), ...changed])];
        await database.documents.put({ ...current, ...patch, editedFields });
      });
    },
    async get(id: string): Promise<DocumentRecord | undefined> {
      return validRecord('documents', await database.documents.get(id));
    },
    /** These documents (those that exist and fit their schema), read by key. */
    async many(ids: readonly string[]): Promise<DocumentRecord[]> {
      const rows = await database.documents.bulkGet([...new Set(ids)]);
      return validRecords(
        'documents',
        rows.filter((r) => r !== undefined),
      );
    },
    async content(id: string): Promise<DocumentContent | undefined> {
      return validRecord('contents', await database.contents.get(id));
    },
    /** The texts of these documents, by id, read in one go; missing ones are left out. */
    async contentsOf(ids: readonly string[]): Promise<Map<string, DocumentContent>> {
      const found = await database.contents.bulkGet([...ids]);
      const valid = validRecords(
        'contents',
        found.filter((c) => c !== undefined),
      );
      return new Map(valid.map((c) => [c.docId, c]));
    },
    /** Every document, oldest date first, undated last; records that do not fit are skipped. */
    async list(): Promise<DocumentRecord[]> {
      return validRecords('documents', await database.documents.toArray()).sort(byDateThenTitle);
    },
    count(): Promise<number> {
      return database.documents.count();
    },
    ids(): Promise<string[]> {
      return database.documents.toCollection().primaryKeys();
    },
    /** What deleting these documents would take with them: their annotations and links. */
    async removalImpact(ids: readonly string[]): Promise<{ annotations: number; links: number }> {
      const annotationIds = await database.annotations.where('docId').anyOf(ids).primaryKeys();
      const links = await linksTouching(database, annotationIds);
      return { annotations: annotationIds.length, links: links.length };
    },
    /**
     * Deletes documents with their text, original file, annotations and every link from or to
     * those annotations, in one transaction; answers what was removed, for Undo.
     */
    async removeMany(ids: readonly string[]): Promise<RemovedDocuments> {
      const tables = [...docTables, database.annotations, database.links];
      return database.transaction('rw', tables, async () => {
        const documents = (await database.documents.bulkGet([...ids])).filter(
          (d): d is DocumentRecord => d !== undefined,
        );
        const kept = documents.map((d) => d.id);
        const [contents, originals, annotations] = await Promise.all([
          database.contents.bulkGet(kept),
          database.originals.bulkGet(kept),
          database.annotations.where('docId').anyOf(kept).toArray(),
        ]);
        const links = await linksTouching(
          database,
          annotations.map((a) => a.id),
        );
        await database.links.bulkDelete(links.map((l) => l.id));
        await database.annotations.bulkDelete(annotations.map((a) => a.id));
        await database.originals.bulkDelete(kept);
        await database.contents.bulkDelete(kept);
        await database.documents.bulkDelete(kept);
        return {
          documents,
          contents: contents.filter((c): c is DocumentContent => c !== undefined),
          originals: originals.filter((o): o is OriginalFile => o !== undefined),
          annotations,
          links,
        };
      });
    },
    /** Puts back what removeMany took, all or nothing. */
    async restore(removed: RemovedDocuments): Promise<void> {
      const tables = [...docTables, database.annotations, database.links];
      await database.transaction('rw', tables, async () => {
        await database.documents.bulkPut(removed.documents);
        await database.contents.bulkPut(removed.contents);
        await database.originals.bulkPut(removed.originals);
        await database.annotations.bulkPut(removed.annotations);
        // A link whose other end was deleted meanwhile stays away: no link points at nothing.
        const others = removed.links.flatMap((l) => [l.fromId, l.toId]);
        const present = new Set(
          (await database.annotations.bulkGet(others)).flatMap((a) => (a ? [a.id] : [])),
        );
        await database.links.bulkPut(
          removed.links.filter((l) => present.has(l.fromId) && present.has(l.toId)),
        );
      });
    },
    /** Deletes one document with everything that goes with it. */
    async remove(id: string): Promise<void> {
      await this.removeMany([id]);
    },
  };
}

export type DocumentsRepo = ReturnType<typeof documentsRepo>;

/** Every link from or to any of these annotations, each once. */
async function linksTouching(database: DossierDb, annotationIds: readonly string[]) {
  if (annotationIds.length === 0) return [];
  const [from, to] = await Promise.all([
    database.links.where('fromId').anyOf(annotationIds).toArray(),
    database.links.where('toId').anyOf(annotationIds).toArray(),
  ]);
  const byId = new Map([...from, ...to].map((l) => [l.id, l]));
  return [...byId.values()];
}
