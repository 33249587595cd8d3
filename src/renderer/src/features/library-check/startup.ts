import { describeRepairs } from '@core/library-check';
import { annotationsRepo } from '../../db/annotations-repo';
import { importJournalRepo, type InterruptedImport } from '../../db/import-journal-repo';
import { libraryCheckRepo } from '../../db/library-check-repo';
import { restoreJournal } from '../../db/restore-journal';
import { holdWindowLock, openWindows } from '../import/import-owner';
import { readTextAgain } from '../import/use-import';
import { searchService } from '../search/search-service';
import { annotationService } from '../annotations/annotation-service';
import { saveLeftDrafts } from '../annotations/note-drafts';
import { checkAndRepair } from './library-check';

/** What the start-up found: an interrupted import to offer to finish, and what was repaired. */
export interface StartupReport {
  interrupted: InterruptedImport[];
  repairs: string[];
}

/** The orphans last reported, so the same ones are not announced at every start. */
const ORPHANS_KEY = 'dossier.reported-orphans';

function fingerprint(ids: readonly string[]): string {
  let hash = 0;
  for (const ch of [...ids].sort().join('\n')) hash = (Math.imul(hash, 31) + ch.charCodeAt(0)) | 0;
  return `${ids.length}:${hash}`;
}

function newlyOrphaned(ids: readonly string[]): boolean {
  if (ids.length === 0) {
    localStorage.removeItem(ORPHANS_KEY);
    return false;
  }
  const seen = localStorage.getItem(ORPHANS_KEY) === fingerprint(ids);
  localStorage.setItem(ORPHANS_KEY, fingerprint(ids));
  return !seen;
}

let started: Promise<StartupReport> | null = null;

/**
 * Runs once per window at start: imports left running by a window that is gone are marked
 * interrupted (their summary saved as far as they went), then the library is checked and
 * repaired. The search index checks itself as it loads.
 */
export function startupCheck(): Promise<StartupReport> {
  started ??= (async () => {
    await holdWindowLock();
    const open = await openWindows();
    const isLive = (job: { owner?: string }) => job.owner !== undefined && open.has(job.owner);
    const interrupted = await importJournalRepo().recover(isLive);
    const restores = await restoreJournal().recover(isLive);
    const outcome = await checkAndRepair(libraryCheckRepo(), readTextAgain);
    const notes = await saveLeftDrafts(
      (id) => annotationsRepo().get(id),
      (id, note) => annotationService.update(id, { note }),
    );
    if (outcome.changedDocuments) void searchService.rebuild();
    const { report } = outcome;
    const orphans = report.repairs.orphanAnnotations;
    const repairs = newlyOrphaned(orphans)
      ? outcome.lines
      : describeRepairs({ ...report, repairs: { ...report.repairs, orphanAnnotations: [] } });
    for (const job of restores) {
      repairs.push(
        `The restore from “${job.fileName}” was interrupted when Dossier closed: nothing of it was written, and the library is as it was before. Restore it again with More › Restore library.`,
      );
    }
    if (notes > 0) {
      repairs.push(
        notes === 1
          ? 'The note you were typing when Dossier closed was saved (Undo takes it back).'
          : `${notes} notes you were typing when Dossier closed were saved (Undo takes them back).`,
      );
    }
    return { interrupted, repairs };
  })();
  return started;
}
