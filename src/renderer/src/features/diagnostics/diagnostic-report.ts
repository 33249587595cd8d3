import { formatDiagnosticReport } from '@core/log/diagnostic-report';
import { annotationsRepo, linksRepo } from '../../db/annotations-repo';
import { documentsRepo } from '../../db/documents-repo';
import { db, type DossierDb } from '../../db/schema';
import type { HostApi } from '../../host';
import { storageState } from '../exchange/storage';

const orNull = (count: Promise<number>) => count.catch(() => null);

/**
 * The diagnostic report for a bug report: versions, platform, counts, storage and the last
 * problems in the log. Only counts are read from the library, never its documents or notes,
 * and a library that cannot be read still gets a report.
 */
export async function diagnosticReport(
  host: Pick<HostApi, 'kind' | 'diagnostics'>,
  now = new Date(),
  database: DossierDb = db(),
): Promise<string> {
  const [facts, documents, annotations, links, storage] = await Promise.all([
    host.diagnostics(),
    orNull(documentsRepo(database).count()),
    orNull(annotationsRepo(database).count()),
    orNull(linksRepo(database).count()),
    storageState(),
  ]);
  return formatDiagnosticReport({
    generatedAt: now,
    appVersion: facts.appVersion,
    host: host.kind,
    versions: facts.versions,
    platform: facts.platform,
    language: navigator.language,
    counts: { documents, annotations, links },
    storage,
    log: { where: facts.logWhere, entries: facts.logEntries },
    problems: facts.problems,
  });
}
