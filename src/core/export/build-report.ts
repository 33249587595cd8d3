import { buildDossier, dateOf } from '../annotations/dossier';
import { quoteOf } from '../annotations/selectors-of';
import type { Annotation } from '../model';
import {
  arrangeItems,
  byDate,
  compareDocs,
  toReportItem,
  type ArrangeContext,
} from './arrange-report';
import { citationOf, placeAnnotations } from './place-items';
import { dossierTimeline } from './report-timeline';
import type {
  Citation,
  Report,
  ReportItem,
  ReportLibrary,
  ReportLink,
  ReportOptions,
} from './report-types';

/** A scope that names something no longer in the library. */
export class ReportScopeError extends Error {
  override name = 'ReportScopeError';
}

/**
 * Builds a report from the stored data alone: picks the annotations of the scope, places
 * each again in its document's current text (in place, moved, or unverified), and arranges
 * the placed ones under headings. Unverified ones are listed apart with their stored quote.
 * A pledge dossier also gets its chain's timeline.
 * `onProgress` is told how many annotations have been placed of the scope's total.
 */
export function buildReport(
  library: ReportLibrary,
  options: ReportOptions,
  onProgress?: (done: number, total: number) => void,
): Report {
  const scoped = annotationsInScope(library, options);
  const placement = placeAnnotations(library, scoped, onProgress);
  const items = scoped.map((a) => placement.items.get(a.id)!);
  const context: ArrangeContext = {
    links: library.links,
    linksOf: linkNamer(library),
    rank: options.scope.kind === 'filtered' ? new Map(scoped.map((a, i) => [a.id, i])) : undefined,
  };
  const sections = arrangeItems(items, options.arrangement, context);
  const unverified = items
    .filter((i) => i.verification === 'unverified')
    .sort((a, b) => (context.rank ? 0 : compareDocs(a, b) || byDate(a, b)))
    .map((item) => toReportItem(item, null, context));
  const counts = { items: items.length, inPlace: 0, moved: 0, unverified: 0 };
  for (const item of items) {
    if (item.verification === 'in-place') counts.inPlace += 1;
    else if (item.verification === 'moved') counts.moved += 1;
    else counts.unverified += 1;
  }
  const timeline =
    options.scope.kind === 'dossier' ? dossierTimeline(library, options.scope.pledgeId) : null;
  return {
    options,
    sections,
    unverified,
    sources: sourcesOf(placement.textLengths, [...sections.flatMap((s) => s.items), ...unverified]),
    counts,
    ...(timeline ? { timeline } : {}),
  };
}

function annotationsInScope(library: ReportLibrary, { scope }: ReportOptions): Annotation[] {
  switch (scope.kind) {
    case 'library':
      return [...library.annotations];
    case 'document':
      return library.annotations.filter((a) => a.docId === scope.docId);
    case 'filtered': {
      const byId = new Map(library.annotations.map((a) => [a.id, a]));
      const seen = new Set<string>();
      const list: Annotation[] = [];
      for (const id of scope.annotationIds) {
        const annotation = byId.get(id);
        if (annotation && !seen.has(id)) list.push(annotation);
        seen.add(id);
      }
      return list;
    }
    case 'dossier': {
      const dossier = buildDossier(
        scope.pledgeId,
        library.annotations,
        library.links,
        library.documents,
      );
      if (!dossier)
        throw new ReportScopeError('The pledge of this dossier is no longer in the library.');
      return dossier.items.map((i) => i.annotation);
    }
  }
}

/** Names, for each annotation, the pledges it is linked to. */
function linkNamer(library: ReportLibrary): (annotationId: string) => ReportLink[] {
  const annotations = new Map(library.annotations.map((a) => [a.id, a]));
  const docs = new Map(library.documents.map((d) => [d.id, d]));
  const from = new Map<string, ReportLink[]>();
  for (const link of library.links) {
    const pledge = annotations.get(link.toId);
    if (!pledge || !annotations.has(link.fromId)) continue;
    const doc = docs.get(pledge.docId);
    const named: ReportLink = {
      relation: link.relation,
      pledgeId: pledge.id,
      pledgeQuote: quoteOf(pledge),
      pledgeTitle: doc?.title ?? 'Document not in the library',
      pledgeDate: dateOf(pledge, doc),
    };
    const list = from.get(link.fromId);
    if (list) list.push(named);
    else from.set(link.fromId, [named]);
  }
  return (id) => from.get(id) ?? [];
}

/** Each cited document once, in the order first cited, citing its whole current text. */
function sourcesOf(
  textLengths: ReadonlyMap<string, number>,
  items: readonly ReportItem[],
): Citation[] {
  const seen = new Set<string>();
  const sources: Citation[] = [];
  for (const { doc } of items) {
    if (seen.has(doc.id)) continue;
    seen.add(doc.id);
    sources.push(citationOf(doc, 0, textLengths.get(doc.id) ?? 0, null));
  }
  return sources;
}
