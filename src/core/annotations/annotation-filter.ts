import type { Annotation, DocumentRecord, PledgeStatus, Tag } from '../model';
import { dateOf } from './dossier';
import { quoteOf } from './selectors-of';

export interface AnnotationRow {
  annotation: Annotation;
  doc: Pick<DocumentRecord, 'id' | 'title' | 'date' | 'source'> | undefined;
  quote: string;
  date: string | null;
}

export interface AnnotationFilter {
  tag?: Tag | '';
  actor?: string;
  source?: string;
  docId?: string;
  /** Words of the document's title, case- and accent-insensitive. */
  document?: string;
  /** Inclusive ISO dates. */
  from?: string;
  to?: string;
  status?: PledgeStatus | '';
  /** Words to find in the quote or the note. */
  text?: string;
}

export type SortKey = 'date' | 'document' | 'tag' | 'actor' | 'quote';

export function toRows(
  annotations: readonly Annotation[],
  documents: readonly NonNullable<AnnotationRow['doc']>[],
): AnnotationRow[] {
  const docs = new Map(documents.map((d) => [d.id, d]));
  return annotations.map((annotation) => {
    const doc = docs.get(annotation.docId);
    return { annotation, doc, quote: quoteOf(annotation), date: dateOf(annotation, doc) };
  });
}

const fold = (s: string) => s.toLocaleLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');

/** Rows matching every filter that is set; text matches case- and accent-insensitively. */
export function filterRows(rows: readonly AnnotationRow[], filter: AnnotationFilter) {
  const actor = fold(filter.actor?.trim() ?? '');
  const source = fold(filter.source?.trim() ?? '');
  const title = fold(filter.document?.trim() ?? '');
  const words = fold(filter.text ?? '')
    .split(/\s+/)
    .filter(Boolean);
  return rows.filter(({ annotation: a, doc, quote, date }) => {
    if (filter.tag && a.tag !== filter.tag) return false;
    if (filter.status && a.status !== filter.status) return false;
    if (filter.docId && a.docId !== filter.docId) return false;
    if (actor && !fold(a.actor ?? '').includes(actor)) return false;
    if (source && !fold(doc?.source ?? '').includes(source)) return false;
    if (title && !fold(doc?.title ?? '').includes(title)) return false;
    if (filter.from && (!date || date < filter.from)) return false;
    if (filter.to && (!date || date > filter.to)) return false;
    if (words.length > 0) {
      const haystack = fold(`${quote}\n${a.note}`);
      if (!words.every((w) => haystack.includes(w))) return false;
    }
    return true;
  });
}

const keyOf: Record<SortKey, (row: AnnotationRow) => string> = {
  date: (r) => r.date ?? '9999',
  document: (r) => r.doc?.title ?? '',
  tag: (r) => r.annotation.tag,
  actor: (r) => r.annotation.actor ?? '\uffff',
  quote: (r) => r.quote,
};

export function sortRows(rows: readonly AnnotationRow[], key: SortKey, descending = false) {
  const get = keyOf[key];
  const sign = descending ? -1 : 1;
  return [...rows].sort(
    (a, b) =>
      sign * get(a).localeCompare(get(b)) ||
      (a.date ?? '').localeCompare(b.date ?? '') ||
      a.annotation.createdAt - b.annotation.createdAt,
  );
}

/** The actors named in `actors` (blanks left out), most used first, then by name. */
export function actorsByUse(actors: Iterable<string | undefined>): string[] {
  const counts = new Map<string, number>();
  for (const actor of actors) if (actor) counts.set(actor, (counts.get(actor) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([n]) => n);
}
