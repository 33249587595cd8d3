import { buildDossier } from '@core/annotations/dossier';
import type { ReportLibrary, ReportScope, ReportText } from '@core/export/report-types';
import type { Annotation, DocumentContent } from '@core/model';
import { annotationsRepo, linksRepo } from '../../db/annotations-repo';
import { documentsRepo } from '../../db/documents-repo';
import type { DossierDb } from '../../db/schema';

/** A stored text as the report builder takes it. */
export function reportTextOf(content: DocumentContent): ReportText {
  return { text: content.text, ...(content.pages ? { pages: content.pages } : {}) };
}

/** Documents whose text a report of this scope can quote, so only those texts are read. */
function docsToRead(
  scope: ReportScope,
  annotations: readonly Annotation[],
  library: Omit<ReportLibrary, 'textOf'>,
): Set<string> {
  switch (scope.kind) {
    case 'document':
      return new Set([scope.docId]);
    case 'filtered': {
      const wanted = new Set(scope.annotationIds);
      return new Set(annotations.filter((a) => wanted.has(a.id)).map((a) => a.docId));
    }
    case 'dossier': {
      const dossier = buildDossier(scope.pledgeId, annotations, library.links, library.documents);
      return new Set(dossier?.items.map((i) => i.annotation.docId) ?? []);
    }
    case 'library':
      return new Set(annotations.map((a) => a.docId));
  }
}

/** Every document, annotation and link: small records, read whole for any report. */
export async function readLibraryRecords(database?: DossierDb) {
  const [documents, annotations, links] = await Promise.all([
    documentsRepo(database).list(),
    annotationsRepo(database).all(),
    linksRepo(database).all(),
  ]);
  return { documents, annotations, links };
}

/**
 * The library as a report of `scope` needs it: every document, annotation and link (they are
 * small), and the current text of only the documents the scope can quote.
 */
export async function loadReportLibrary(
  scope: ReportScope,
  database?: DossierDb,
): Promise<ReportLibrary> {
  const records = await readLibraryRecords(database);
  const ids = docsToRead(scope, records.annotations, records);
  const contents = await documentsRepo(database).contentsOf([...ids]);
  const texts = new Map<string, ReportText>();
  for (const [id, content] of contents) texts.set(id, reportTextOf(content));
  return { ...records, textOf: (docId) => texts.get(docId) };
}
