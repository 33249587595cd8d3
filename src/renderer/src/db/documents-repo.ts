import type { DocumentContent, DocumentRecord } from '@core/model';
import { db, type DossierDb } from './schema';

export interface NewDocument {
  record: DocumentRecord;
  content: DocumentContent;
  original: Uint8Array;
}

export function documentsRepo(database: DossierDb = db()) {
  return {
    async add({ record, content, original }: NewDocument): Promise<void> {
      await database.transaction(
        'rw',
        [database.documents, database.contents, database.originals],
        async () => {
          await database.documents.add(record);
          await database.contents.add(content);
          await database.originals.add({ docId: record.id, bytes: original });
        },
      );
    },
    findByHash(contentHash: string): Promise<DocumentRecord | undefined> {
      return database.documents.where('contentHash').equals(contentHash).first();
    },
    get(id: string): Promise<DocumentRecord | undefined> {
      return database.documents.get(id);
    },
    content(id: string): Promise<DocumentContent | undefined> {
      return database.contents.get(id);
    },
    /** Every document, oldest date first, undated last. */
    async list(): Promise<DocumentRecord[]> {
      const docs = await database.documents.toArray();
      return docs.sort(
        (a, b) =>
          (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.title.localeCompare(b.title),
      );
    },
    count(): Promise<number> {
      return database.documents.count();
    },
    ids(): Promise<string[]> {
      return database.documents.toCollection().primaryKeys();
    },
    /** Deletes a document with its text, original file and annotations. */
    async remove(id: string): Promise<void> {
      await database.transaction(
        'rw',
        [database.documents, database.contents, database.originals, database.annotations],
        async () => {
          await database.annotations.where('docId').equals(id).delete();
          await database.originals.delete(id);
          await database.contents.delete(id);
          await database.documents.delete(id);
        },
      );
    },
  };
}
