import { db, type DossierDb, type RestoreJob } from './schema';

/**
 * The record of restores while they run (RestoreJob). A restore writes everything in one
 * transaction that also takes it off record, so one still on record wrote nothing.
 */
export function restoreJournal(database: DossierDb = db()) {
  return {
    /**
     * Restores left running by windows that are gone (`isLive` says which still run): they
     * were interrupted before they wrote anything. Each is answered once and taken off record.
     */
    async recover(isLive: (job: RestoreJob) => boolean): Promise<RestoreJob[]> {
      const stopped = (await database.restoreJobs.toArray()).filter((job) => !isLive(job));
      await database.restoreJobs.bulkDelete(stopped.map((job) => job.id));
      return stopped.sort((a, b) => a.startedAt - b.startedAt);
    },
  };
}
