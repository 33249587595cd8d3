import { db, type DossierDb, type SavedIndex } from './schema';

export function searchIndexRepo(database: DossierDb = db()) {
  return {
    load(): Promise<SavedIndex | undefined> {
      return database.searchIndex.get('main');
    },
    async save(json: string, fingerprint: string): Promise<void> {
      await database.searchIndex.put({ id: 'main', json, fingerprint, builtAt: Date.now() });
    },
    /** Every document's searchable fields, for a rebuild. */
    async corpus(): Promise<{ id: string; title: string; source: string; body: string }[]> {
      const [docs, contents] = await Promise.all([
        database.documents.toArray(),
        database.contents.toArray(),
      ]);
      const text = new Map(contents.map((c) => [c.docId, c.text]));
      return docs.map((d) => ({
        id: d.id,
        title: d.title,
        source: d.source ?? '',
        body: text.get(d.id) ?? '',
      }));
    },
  };
}
