import type { Annotation, AnnotationLink, DocumentRecord, Relation } from '../model';

type DocInfo = Pick<DocumentRecord, 'id' | 'title' | 'date'>;

export interface DossierItem {
  annotation: Annotation;
  doc: DocInfo | undefined;
  /** The statement date, else the document's date; null when neither is known. */
  date: string | null;
  /**
   * How it relates to the pledge it is linked to; null for the dossier's own pledge and for an
   * earlier wording that pledge repeats.
   */
  relation: Relation | null;
  /** The pledge of the chain it is linked to (the dossier's own pledge, or one repeating it). */
  linkedTo: Annotation | null;
}

export interface Dossier {
  pledge: Annotation;
  /** The pledge and everything linked to it, in date order (undated last). */
  items: DossierItem[];
}

/** The date an annotation speaks for: its own statement date, else its document's. */
export function dateOf(annotation: Annotation, doc: Pick<DocumentRecord, 'date'> | undefined) {
  return annotation.statementDate ?? doc?.date ?? null;
}

/**
 * One pledge with everything linked to it, directly or through "repeats" links in either
 * direction (the pledge it repeats, the later pledges repeating it), so that following a
 * promise across years gathers the evidence and critiques filed under any of its wordings.
 */
export function buildDossier(
  pledgeId: string,
  annotations: readonly Annotation[],
  links: readonly AnnotationLink[],
  documents: readonly DocInfo[],
): Dossier | null {
  const byId = new Map(annotations.map((a) => [a.id, a]));
  const docs = new Map(documents.map((d) => [d.id, d]));
  const pledge = byId.get(pledgeId);
  if (!pledge) return null;

  const chain = new Set([pledgeId]);
  for (let grew = true; grew;) {
    grew = false;
    for (const link of links) {
      if (link.relation !== 'repeats') continue;
      const inFrom = chain.has(link.fromId);
      const inTo = chain.has(link.toId);
      if (inFrom !== inTo && byId.has(link.fromId) && byId.has(link.toId)) {
        chain.add(inFrom ? link.toId : link.fromId);
        grew = true;
      }
    }
  }

  const item = (annotation: Annotation, relation: Relation | null, linkedTo: Annotation | null) => {
    const doc = docs.get(annotation.docId);
    return { annotation, doc, date: dateOf(annotation, doc), relation, linkedTo };
  };
  const items: DossierItem[] = [item(pledge, null, null)];
  const seen = new Set([pledgeId]);
  for (const link of links) {
    const from = byId.get(link.fromId);
    const to = byId.get(link.toId);
    if (!from || !to || seen.has(from.id) || !chain.has(to.id)) continue;
    seen.add(from.id);
    items.push(item(from, link.relation, to));
  }
  // Pledges of the chain reached only as targets (the earlier pledge this one repeats).
  for (const id of chain) {
    const annotation = byId.get(id);
    if (annotation && !seen.has(id)) {
      seen.add(id);
      items.push(item(annotation, null, null));
    }
  }
  items.sort(
    (a, b) =>
      (a.date ?? '9999').localeCompare(b.date ?? '9999') ||
      a.annotation.createdAt - b.annotation.createdAt,
  );
  return { pledge, items };
}
