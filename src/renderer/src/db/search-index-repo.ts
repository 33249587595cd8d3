import type { IndexableDoc } from '@core/search/engine';
import type { IndexSource } from '@core/jobs/index-job';
import { db, type DossierDb, type SavedIndex, type SavedSegment } from './schema';
import { validRecord, validRecords } from './valid-records';

export function searchIndexRepo(database: DossierDb = db()) {
  return {
    manifest(): Promise<SavedIndex | undefined> {
      return database.searchIndex.get('main');
    },
    segments(): Promise<SavedSegment[]> {
      return database.searchSegments.toArray();
    },
    segmentKeys(): Promise<string[]> {
      return database.searchSegments.toCollection().primaryKeys();
    },
    /** Saves new segments, drops replaced ones and writes the manifest, all or nothing. */
    async save(change: {
      put: SavedSegment[];
      drop: string[];
      manifest: Omit<SavedIndex, 'id'>;
    }): Promise<void> {
      await database.transaction('rw', database.searchSegments, database.searchIndex, async () => {
        if (change.drop.length > 0) await database.searchSegments.bulkDelete(change.drop);
        if (change.put.length > 0) await database.searchSegments.bulkPut(change.put);
        await database.searchIndex.put({ id: 'main', ...change.manifest });
      });
    },
    /** Every document's indexed metadata (no text), to see what changed. */
    async sources(): Promise<IndexSource[]> {
      // A record that does not fit is not indexed, as it is not listed.
      const docs = validRecords('documents', await database.documents.toArray());
      return docs.map((d) => ({
        id: d.id,
        title: d.title,
        source: d.source,
        author: d.author,
        language: d.language,
        contentHash: d.contentHash,
        version: d.version,
      }));
    },
    /** The searchable fields of the given documents, for building a segment. */
    async corpus(ids: readonly string[]): Promise<IndexableDoc[]> {
      const [docs, contents] = await Promise.all([
        database.documents.bulkGet([...ids]),
        database.contents.bulkGet([...ids]),
      ]);
      const out: IndexableDoc[] = [];
      docs.forEach((row, i) => {
        const d = validRecord('documents', row);
        if (!d) return;
        out.push({
          id: d.id,
          title: d.title,
          source: d.source ?? '',
          author: d.author ?? '',
          body: validRecord('contents', contents[i])?.text ?? '',
          language: d.language,
        });
      });
      return out;
    },
  };
}
