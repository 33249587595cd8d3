import { PLEDGE_STATUS_LABELS, TAG_LABELS } from '../model';
import {
  linkLine,
  relationLabel,
  statusChangeLine,
  UNVERIFIED_TITLE,
  VERIFICATION_LABELS,
} from './report-text';
import type { Report, ReportItem } from './report-types';

/** The columns of the CSV and Excel exports, one row per annotation. */
export const COLUMNS = [
  'Section',
  'Tag',
  'Quote',
  'Note',
  'Actor',
  'Statement date',
  'Labels',
  'Status',
  'Rationale',
  'Status history',
  'Relation',
  'Linked pledges',
  'Document title',
  'Source',
  'Author',
  'Date',
  'Page',
  'URL',
  'File name',
  'SHA-256',
  'Start',
  'End',
  'Verification',
  'Annotation ID',
] as const;
export type Column = (typeof COLUMNS)[number];

/** Columns that hold numbers; every other cell is text. */
export const NUMBER_COLUMNS: ReadonlySet<Column> = new Set(['Page', 'Start', 'End']);

export type Row = Record<Column, string | number | null>;

/**
 * One row per annotation in the report's order (an item under several headings, such as
 * evidence linked to two pledges, is one row naming every heading), then the unverified ones.
 */
export function reportRows(report: Report): Row[] {
  const rows = new Map<string, { item: ReportItem; sections: string[] }>();
  const add = (item: ReportItem, section: string) => {
    const row = rows.get(item.annotation.id);
    if (!row) rows.set(item.annotation.id, { item, sections: [section] });
    else if (!row.sections.includes(section)) row.sections.push(section);
  };
  for (const section of report.sections) for (const item of section.items) add(item, section.title);
  for (const item of report.unverified) add(item, UNVERIFIED_TITLE);
  return [...rows.values()].map(({ item, sections }) => rowOf(item, sections));
}

function rowOf(item: ReportItem, sections: readonly string[]): Row {
  const a = item.annotation;
  const c = item.citation;
  return {
    Section: sections.join('; '),
    Tag: TAG_LABELS[item.tag],
    Quote: item.quote,
    Note: a.note,
    Actor: a.actor ?? '',
    'Statement date': item.date ?? '',
    Labels: (a.labels ?? []).join(', '),
    Status: a.status ? PLEDGE_STATUS_LABELS[a.status] : '',
    Rationale: a.rationale ?? '',
    'Status history': (a.statusHistory ?? []).map(statusChangeLine).join('\n'),
    Relation: item.relation ? relationLabel(item.relation) : '',
    'Linked pledges': item.links.map(linkLine).join('\n'),
    'Document title': c.title,
    Source: c.source ?? '',
    Author: c.author ?? '',
    Date: c.date ?? '',
    Page: c.page,
    URL: c.url ?? '',
    'File name': c.fileName,
    'SHA-256': c.sha256,
    Start: c.start,
    End: c.end,
    Verification: VERIFICATION_LABELS[item.verification],
    'Annotation ID': a.id,
  };
}

/** A spreadsheet reads a cell starting so as a formula (or a command, for tab and CR). */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * Makes a text cell inert in a spreadsheet (CSV and formula injection): a cell that starts
 * with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe, which
 * spreadsheets show as text. Cells already starting with apostrophes before such a character
 * get one more, so `readNeutralised` can always take exactly one off.
 */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The text a neutralised cell stood for. */
export function readNeutralised(cell: string): string {
  return FORMULA_START.test(cell) && cell.startsWith("'") ? cell.slice(1) : cell;
}
