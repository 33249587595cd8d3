import type { ReportLibrary, ReportText, VerifyResult } from '@core/export/report-types';
import { documentsRepo } from '../../db/documents-repo';
import type { DossierDb } from '../../db/schema';
import { readLibraryRecords, reportTextOf } from '../export/report-library';

export type VerifyFunction = (
  file: { name: string; bytes: Uint8Array },
  library: ReportLibrary,
) => Promise<VerifyResult>;

/** Rounds of reading texts: the first finds which the report cites, the second uses them. */
const MAX_ROUNDS = 3;

/**
 * Checks a report against the library without reading every document's text: a first pass
 * with no text loaded records which documents the check asks for (those the report cites, by
 * hash or file name), and the check runs again with exactly those texts.
 */
export async function verifyAgainstLibrary(
  file: { name: string; bytes: Uint8Array },
  verify: VerifyFunction,
  database?: DossierDb,
): Promise<VerifyResult> {
  const records = await readLibraryRecords(database);
  const texts = new Map<string, ReportText | undefined>();
  for (let round = 1; ; round += 1) {
    const asked = new Set<string>();
    const library: ReportLibrary = {
      ...records,
      textOf(docId) {
        if (!texts.has(docId)) asked.add(docId);
        return texts.get(docId);
      },
    };
    const result = await verify(file, library);
    if (asked.size === 0 || round === MAX_ROUNDS) return result;
    const loaded = await documentsRepo(database).contentsOf([...asked]);
    for (const docId of asked) {
      const content = loaded.get(docId);
      // Remembered even when missing, so a document without text is not asked for again.
      texts.set(docId, content && reportTextOf(content));
    }
  }
}
