import type { ImportRun } from './import-run';
import { db, type DossierDb } from './schema';
import { validRecord } from './valid-records';

export function importRunsRepo(database: DossierDb = db()) {
  return {
    async save(run: ImportRun): Promise<void> {
      await database.importRuns.put(run);
    },
    async latest(): Promise<ImportRun | undefined> {
      return validRecord('importRuns', await database.importRuns.orderBy('startedAt').last());
    },
  };
}
