import type { LibraryFacts, LibraryRepairs } from '@core/library-check';
import type { DocumentContent } from '@core/model';
import { db, type DossierDb } from './schema';

/** What the start-up check reads and repairs: keys only, in one read transaction. */
export function libraryCheckRepo(database: DossierDb = db()) {
  return {
    async facts(): Promise<LibraryFacts> {
      const tables = [
        database.documents,
        database.contents,
        database.originals,
        database.annotations,
        database.links,
      ];
      return database.transaction('r', tables, async () => {
        const byDoc = database.annotations.orderBy('docId');
        const [documentIds, contentIds, originalIds, docIds, annotationIds, links] =
          await Promise.all([
            database.documents.toCollection().primaryKeys(),
            database.contents.toCollection().primaryKeys(),
            database.originals.toCollection().primaryKeys(),
            byDoc.keys(),
            byDoc.primaryKeys(),
            database.links.toArray(),
          ]);
        return {
          documentIds: documentIds.map(String),
          contentIds: contentIds.map(String),
          originalIds: originalIds.map(String),
          // Read in the same order from the same index: the n-th key is the n-th annotation's.
          annotations: annotationIds.map((id, i) => ({ id: String(id), docId: String(docIds[i]) })),
          links: links.flatMap((l) =>
            typeof l.fromId === 'string' && typeof l.toId === 'string'
              ? [{ id: l.id, fromId: l.fromId, toId: l.toId }]
              : [],
          ),
        };
      });
    },

    /** Titles of documents by id (the id where a record has none). */
    async titles(ids: readonly string[]): Promise<string[]> {
      const records = await database.documents.bulkGet([...ids]);
      return records.map((r, i) =>
        typeof r?.title === 'string' && r.title ? r.title : (ids[i] as string),
      );
    },

    /** Removes what the check found removable, all in one transaction. */
    async apply(repairs: LibraryRepairs): Promise<void> {
      const tables = [database.documents, database.contents, database.originals, database.links];
      await database.transaction('rw', tables, async () => {
        await database.links.bulkDelete(repairs.danglingLinks);
        await database.documents.bulkDelete(repairs.emptyDocuments);
        await database.contents.bulkDelete(repairs.strayContents);
        await database.originals.bulkDelete(repairs.strayOriginals);
      });
    },

    /** A document's stored original, to read its text again from. */
    async original(docId: string): Promise<{ fileName: string; bytes: Uint8Array } | null> {
      const [record, original] = await Promise.all([
        database.documents.get(docId),
        database.originals.get(docId),
      ]);
      if (!record || !original) return null;
      return { fileName: record.fileName, bytes: original.bytes };
    },

    /** Puts back a document's text read again from its original, if it is still missing. */
    async restoreText(content: DocumentContent): Promise<void> {
      await database.transaction('rw', database.documents, database.contents, async () => {
        const record = await database.documents.get(content.docId);
        if (!record || (await database.contents.get(content.docId))) return;
        await database.contents.put(content);
        await database.documents.put({
          ...record,
          textLength: content.text.length,
          ...(content.pages ? { pageCount: content.pages.length } : {}),
        });
      });
    },
  };
}

export type LibraryCheckRepo = ReturnType<typeof libraryCheckRepo>;
