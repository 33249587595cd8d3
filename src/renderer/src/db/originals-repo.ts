import { db, type DossierDb } from './schema';

/** The original file bytes the importer kept, for readers that draw the file itself (PDF). */
export function originalsRepo(database: DossierDb = db()) {
  return {
    async bytes(docId: string): Promise<Uint8Array | null> {
      return (await database.originals.get(docId))?.bytes ?? null;
    },
  };
}
