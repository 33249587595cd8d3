import type { ImportRun } from './import-run';
import { db, type DossierDb } from './schema';

export function importRunsRepo(database: DossierDb = db()) {
  return {
    async save(run: ImportRun): Promise<void> {
      await database.importRuns.put(run);
    },
    latest(): Promise<ImportRun | undefined> {
      return database.importRuns.orderBy('startedAt').last();
    },
  };
}
