import type { Annotation, AnnotationLink, DocumentRecord } from '../model';

/** What the analysis needs of a document: never its text. */
export type AnalysisDoc = Pick<DocumentRecord, 'id' | 'title' | 'date' | 'source' | 'format'>;

/** The library as the analysis reads it. */
export interface AnalysisInput {
  annotations: readonly Annotation[];
  links: readonly AnnotationLink[];
  documents: readonly AnalysisDoc[];
}

/** A link whose two ends both exist, with them at hand. */
export interface LiveLink {
  link: AnnotationLink;
  from: Annotation;
  to: Annotation;
}

/**
 * The library indexed once for every analysis: annotations and documents by id, each
 * annotation's date, and the links whose two ends exist (a link to a deleted annotation is
 * left out, as if it were gone with it).
 */
export interface AnalysisLibrary {
  annotations: readonly Annotation[];
  documents: readonly AnalysisDoc[];
  byId: ReadonlyMap<string, Annotation>;
  docs: ReadonlyMap<string, AnalysisDoc>;
  /** The statement date, else the document's; null when neither is known. */
  dates: ReadonlyMap<string, string | null>;
  links: readonly LiveLink[];
  /** Live links by the annotation they point to. */
  linksTo: ReadonlyMap<string, LiveLink[]>;
  /** Live links by the annotation they start from. */
  linksFrom: ReadonlyMap<string, LiveLink[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function prepareLibrary(input: AnalysisInput): AnalysisLibrary {
  const byId = new Map(input.annotations.map((a) => [a.id, a]));
  const docs = new Map(input.documents.map((d) => [d.id, d]));
  const dates = new Map<string, string | null>();
  for (const a of input.annotations) {
    dates.set(a.id, a.statementDate ?? docs.get(a.docId)?.date ?? null);
  }
  const links: LiveLink[] = [];
  const linksTo = new Map<string, LiveLink[]>();
  const linksFrom = new Map<string, LiveLink[]>();
  for (const link of input.links) {
    const from = byId.get(link.fromId);
    const to = byId.get(link.toId);
    if (!from || !to || from.id === to.id) continue;
    const live = { link, from, to };
    links.push(live);
    push(linksTo, to.id, live);
    push(linksFrom, from.id, live);
  }
  return {
    annotations: input.annotations,
    documents: input.documents,
    byId,
    docs,
    dates,
    links,
    linksTo,
    linksFrom,
  };
}

/** Orders by code units: right for ISO dates and ids, and far cheaper than a collation. */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders ISO dates oldest first with undated last; null-safe. */
export function compareDates(a: string | null, b: string | null): number {
  return compareCodes(a ?? '9999', b ?? '9999');
}

/** Orders names and titles as a reader expects ("Report 9" before "Report 10"). */
export const compareText = new Intl.Collator(undefined, { numeric: true }).compare;

/** The year of an ISO date, or null. */
export function yearOf(date: string | null): string | null {
  return date ? date.slice(0, 4) : null;
}

/** Adds whole months to an ISO date, keeping the day within the month (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, last);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
