import { renderMarkdownReport, reportFileName } from '@core/export/markdown-report';
import { annotationsRepo, linksRepo } from '../../db/annotations-repo';
import { documentsRepo } from '../../db/documents-repo';
import type { HostApi } from '../../host';

/** Builds the Markdown report from the whole library and hands it to the host to save. */
export async function exportReport(host: HostApi, now = new Date()): Promise<boolean> {
  const [documents, annotations, links] = await Promise.all([
    documentsRepo().list(),
    annotationsRepo().all(),
    linksRepo().all(),
  ]);
  const byDoc = new Map<string, typeof annotations>();
  for (const a of annotations) byDoc.set(a.docId, [...(byDoc.get(a.docId) ?? []), a]);
  const markdown = renderMarkdownReport({
    generatedAt: now,
    links,
    documents: documents.map((doc) => ({ doc, annotations: byDoc.get(doc.id) ?? [] })),
  });
  return host.saveReport(reportFileName(now), markdown);
}
