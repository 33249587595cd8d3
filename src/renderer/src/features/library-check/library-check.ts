import { checkLibrary, describeRepairs, needsRepair, type RepairReport } from '@core/library-check';
import type { Block, Page } from '@core/model';
import type { LibraryCheckRepo } from '../../db/library-check-repo';

/** Reads a document's text again from its original file (the ingest parsers, in a worker). */
export type TextReader = (
  fileName: string,
  bytes: Uint8Array,
) => Promise<{ text: string; blocks: Block[]; pages?: Page[] } | { error: string }>;

export interface CheckOutcome {
  report: RepairReport;
  /** What was done, one sentence per kind of repair; empty when all was well. */
  lines: string[];
  /** Documents were added, changed or removed: the search index must catch up. */
  changedDocuments: boolean;
}

/**
 * Checks the library at start and repairs what a crash or damage left: links to annotations
 * that are gone are removed, a document's missing text is read again from its original file,
 * a document with neither is removed (its annotations stay, listed in Needs review), stray
 * texts and files are removed. Annotations are never deleted.
 */
export async function checkAndRepair(
  repo: LibraryCheckRepo,
  readText: TextReader,
): Promise<CheckOutcome> {
  const repairs = checkLibrary(await repo.facts());
  const report: RepairReport = { repairs, restored: [], notRestored: [], removedTitles: [] };
  if (needsRepair(repairs)) {
    report.removedTitles = await repo.titles(repairs.emptyDocuments);
    await repo.apply(repairs);
    for (const docId of repairs.textToRestore) {
      const [title = docId] = await repo.titles([docId]);
      const original = await repo.original(docId);
      const read = original
        ? await readText(original.fileName, original.bytes).catch((error: unknown) => ({
            error: error instanceof Error ? error.message : String(error),
          }))
        : { error: 'its original file is gone too' };
      if ('error' in read) {
        report.notRestored.push({ title, reason: read.error });
        continue;
      }
      await repo.restoreText({ docId, ...read });
      report.restored.push(title);
    }
  }
  return {
    report,
    lines: describeRepairs(report),
    changedDocuments: report.restored.length > 0 || repairs.emptyDocuments.length > 0,
  };
}
