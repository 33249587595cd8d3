import {
  PLEDGE_STATUS_LABELS,
  TAG_LABELS,
  type Relation,
  type StatusChange,
  type Tag,
} from '../model';
import { shorten, statusLine, TAG_SECTION_TITLES } from './arrange-report';
import {
  REPORT_ARRANGEMENT_LABELS,
  REPORT_SCOPE_LABELS,
  type Citation,
  type Report,
  type ReportItem,
  type ReportSection,
  type Verification,
} from './report-types';

/**
 * The wording every format shares, as plain text; each writer escapes it for its format.
 * Nothing here is markup.
 */

/** The tag's look in every format: the app's highlight colours and underline styles. */
export const TAG_STYLES: Record<
  Tag,
  { fill: string; ink: string; border: 'solid' | 'dashed' | 'double' }
> = {
  pledge: { fill: 'F5D76E', ink: '7A5A00', border: 'solid' },
  evidence: { fill: '9FD8B3', ink: '1D6B3A', border: 'dashed' },
  critique: { fill: 'F4A9A0', ink: '8F2A1D', border: 'double' },
};

export const REPORT_TITLE = 'Dossier report';
export const UNVERIFIED_TITLE = 'Could not be verified';
export const SOURCES_TITLE = 'Sources';

export const UNVERIFIED_INTRO =
  'These quotes could not be found in their document’s current text (the document changed, ' +
  'or is no longer in the library). They are given as they were stored, with the position ' +
  'they were stored at; check them by hand before using them.';

export const SOURCES_INTRO =
  'Each cited document once, with the SHA-256 of its original file. Quote positions count ' +
  'Unicode code points in the document’s text as Dossier stores it.';

const RELATION_LABELS: Record<Relation, string> = {
  supports: 'Supports',
  contradicts: 'Contradicts',
  repeats: 'Repeats',
};

export const VERIFICATION_LABELS: Record<Verification, string> = {
  'in-place': 'verified in place',
  moved: 'moved',
  unverified: 'not verified',
};

/** Said of an item whose passage was found again elsewhere than where it was tagged. */
export const MOVED_NOTE =
  'Found at a new place in the document’s current text; the citation gives where it is now.';

export function timestamp(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** "Whole library", "Pledge dossier: “…”", "This document: …", "Filtered annotations". */
export function scopeLine(report: Report): string {
  const { scope } = report.options;
  const label = REPORT_SCOPE_LABELS[scope.kind];
  const items = [...report.sections.flatMap((s) => s.items), ...report.unverified];
  if (scope.kind === 'dossier') {
    const pledge = items.find((i) => i.annotation.id === scope.pledgeId);
    return pledge ? `${label}: “${shorten(pledge.quote, 80)}”` : label;
  }
  if (scope.kind === 'document') {
    const doc = items[0]?.doc;
    return doc ? `${label}: ${flat(doc.title)}` : label;
  }
  return label;
}

export function arrangementLine(report: Report): string {
  return `Arranged by ${REPORT_ARRANGEMENT_LABELS[report.options.arrangement].toLowerCase()}`;
}

export function countsLine(report: Report): string {
  const { items, inPlace, moved, unverified } = report.counts;
  if (items === 0) return 'No annotations in this scope.';
  const quotes = items === 1 ? '1 quote' : `${items} quotes`;
  return `${quotes}: ${inPlace} verified in place, ${moved} moved, ${unverified} could not be verified.`;
}

/** A line of text without its line breaks (titles, actors, labels). */
export function flat(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** The line above a quote: its tag, relation in the chain, who said it and when. */
export function itemHeadParts(item: ReportItem): string[] {
  const parts: string[] = [];
  if (item.relation) parts.push(`${RELATION_LABELS[item.relation]} the pledge`);
  const said = [item.annotation.actor ? flat(item.annotation.actor) : null, item.date]
    .filter(Boolean)
    .join(', ');
  if (said) parts.push(said);
  return parts;
}

export function tagLabel(tag: Tag): string {
  return TAG_LABELS[tag];
}

/** The citation as one human-readable line. */
export function citationLine(c: Citation): string {
  const parts = [
    flat(c.title),
    c.source ? flat(c.source) : null,
    c.author ? flat(c.author) : null,
    c.date,
    c.page !== null ? `p. ${c.page}` : null,
    c.url ? flat(c.url) : null,
    c.fileName ? `file ${flat(c.fileName)}` : null,
    `SHA-256 ${c.sha256}`,
    `code points ${c.start}–${c.end}`,
  ];
  return parts.filter(Boolean).join(' · ');
}

/** A Sources entry: the document's details and hash. */
export function sourceLine(c: Citation): string {
  const parts = [
    c.source ? flat(c.source) : null,
    c.author ? flat(c.author) : null,
    c.date ?? 'undated',
    c.url ? flat(c.url) : null,
    c.fileName ? `file ${flat(c.fileName)}` : null,
    `SHA-256 ${c.sha256}`,
  ];
  return parts.filter(Boolean).join(' · ');
}

/** Label and value pairs shown under a quote, in a fixed order; empty ones left out. */
export function itemDetails(item: ReportItem): { label: string; value: string }[] {
  const a = item.annotation;
  const rows: { label: string; value: string }[] = [];
  if (a.labels?.length) rows.push({ label: 'Labels', value: a.labels.map(flat).join(', ') });
  if (a.status) rows.push({ label: 'Status', value: flat(statusLine(a)) });
  for (const change of a.statusHistory ?? []) {
    rows.push({ label: 'Status history', value: flat(statusChangeLine(change)) });
  }
  for (const link of item.links) {
    rows.push({ label: 'Linked', value: linkLine(link) });
  }
  if (item.verification === 'moved') rows.push({ label: 'Placed again', value: MOVED_NOTE });
  return rows;
}

/** "2016-04-12: Broken (No official convicted)": one assessment of a pledge. */
export function statusChangeLine(change: StatusChange): string {
  const at = new Date(change.at);
  const day = Number.isNaN(at.getTime()) ? 'undated' : at.toISOString().slice(0, 10);
  const why = change.rationale ? ` (${change.rationale})` : '';
  return `${day}: ${PLEDGE_STATUS_LABELS[change.status]}${why}`;
}

export function linkLine(link: ReportItem['links'][number]): string {
  return `${RELATION_LABELS[link.relation]} the pledge “${shorten(link.pledgeQuote, 100)}” (${flat(link.pledgeTitle)}, ${link.pledgeDate ?? 'undated'})`;
}

export function relationLabel(relation: Relation): string {
  return RELATION_LABELS[relation];
}

/**
 * Arranged by document, a heading's items come grouped by tag: the sub-heading that starts
 * before item `i`, if one does.
 */
export function tagGroupBefore(report: Report, section: ReportSection, i: number): string | null {
  if (report.options.arrangement !== 'document') return null;
  const item = section.items[i];
  if (!item || section.items[i - 1]?.tag === item.tag) return null;
  const count = section.items.filter((x) => x.tag === item.tag).length;
  return `${TAG_SECTION_TITLES[item.tag]} (${count})`;
}
