import type { TimelineLane } from '../analysis/timeline';
import type { Annotation, AnnotationLink, DocumentRecord, Page, Relation, Tag } from '../model';

/**
 * The shapes shared by the report builder (core), its writers (one per format), the export
 * worker and the export dialog. A report is built once from the stored data, then written in
 * any format; every quote in it carries a citation that Verify report can check later.
 */

export const REPORT_FORMATS = ['markdown', 'html', 'pdf', 'docx', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_FORMAT_LABELS: Record<ReportFormat, string> = {
  markdown: 'Markdown',
  html: 'HTML',
  pdf: 'PDF',
  docx: 'Word (.docx)',
  csv: 'CSV',
  xlsx: 'Excel (.xlsx)',
};

export const REPORT_ARRANGEMENTS = ['pledge', 'document', 'tag'] as const;
export type ReportArrangement = (typeof REPORT_ARRANGEMENTS)[number];

export const REPORT_ARRANGEMENT_LABELS: Record<ReportArrangement, string> = {
  pledge: 'Pledge',
  document: 'Document',
  tag: 'Tag',
};

export type ReportScope =
  | { kind: 'library' }
  /** The pledge with everything linked to it, through repeats chains. */
  | { kind: 'dossier'; pledgeId: string }
  /** What the All annotations table shows now, in its order. */
  | { kind: 'filtered'; annotationIds: readonly string[] }
  | { kind: 'document'; docId: string };

export const REPORT_SCOPE_LABELS: Record<ReportScope['kind'], string> = {
  library: 'Whole library',
  dossier: 'Pledge dossier',
  filtered: 'Filtered annotations',
  document: 'This document',
};

export interface ReportOptions {
  scope: ReportScope;
  arrangement: ReportArrangement;
  generatedAt: Date;
}

/** A document's current text as stored, to place each annotation again before writing. */
export interface ReportText {
  text: string;
  pages?: readonly Page[];
}

/** Everything a report is built from; read from the library by the caller. */
export interface ReportLibrary {
  documents: readonly DocumentRecord[];
  annotations: readonly Annotation[];
  links: readonly AnnotationLink[];
  /** The current text of a document, or undefined when it is missing. */
  textOf(docId: string): ReportText | undefined;
}

/**
 * Whether a quote was found where the citation says, in the document's current text:
 * 'in-place' at its stored position, 'moved' elsewhere (the citation gives the new place),
 * 'unverified' nowhere (exported under "Could not be verified" with its stored quote).
 */
export type Verification = 'in-place' | 'moved' | 'unverified';

/**
 * Where a quote comes from. `start` and `end` count Unicode code points in the document's
 * stored text (as W3C Web Annotation and REFI-QDA do), not UTF-16 units.
 */
export interface Citation {
  title: string;
  source: string | null;
  author: string | null;
  date: string | null;
  /** 1-based page of a paginated document, else null. */
  page: number | null;
  url: string | null;
  fileName: string;
  /** SHA-256 of the original file, lowercase hex. */
  sha256: string;
  start: number;
  end: number;
}

/** One exported quote: the annotation, its document and where its words are now. */
export interface ReportItem {
  annotation: Annotation;
  doc: DocumentRecord;
  tag: Tag;
  /** The words at the cited place in the current text; the stored quote when unverified. */
  quote: string;
  /** For an unverified item, the stored position (converted to code points). */
  citation: Citation;
  verification: Verification;
  /** The statement date, else the document's date. */
  date: string | null;
  /**
   * In a pledge chain (arranged by pledge): how the item is linked to a pledge of the chain
   * ('repeats' for a later wording of it); null for the chain's first pledge and in the
   * other arrangements.
   */
  relation: Relation | null;
  /** Every pledge the item is linked to, with the relation, in the order the links were made. */
  links: ReportLink[];
}

/** A link from a report item to a pledge, with what names the pledge. */
export interface ReportLink {
  relation: Relation;
  pledgeId: string;
  /** The pledge's quote as stored. */
  pledgeQuote: string;
  /** The title of the pledge's document. */
  pledgeTitle: string;
  /** The pledge's statement date, else its document's. */
  pledgeDate: string | null;
}

/** A heading of the report with its items: a pledge chain, a document or a tag. */
export interface ReportSection {
  /** Stable, unique within the report; used for anchors and the table of contents. */
  id: string;
  title: string;
  /** A line under the heading, e.g. a pledge chain's status, or a document's source and date. */
  subtitle?: string;
  items: ReportItem[];
}

export interface Report {
  options: ReportOptions;
  sections: ReportSection[];
  /** Items whose quote could not be found in the current text, with their stored quote. */
  unverified: ReportItem[];
  /**
   * Each cited document once, in the order first cited; `start` is 0 and `end` the length of
   * its current text in code points (0 when the text is missing), `page` is null.
   */
  sources: Citation[];
  counts: { items: number; inPlace: number; moved: number; unverified: number };
  /** A pledge dossier's timeline: what its chart draws and its table lists. */
  timeline?: ReportTimeline;
}

/**
 * The timeline of a pledge dossier's chain, as the Timeline view draws its lane: the chain's
 * pledges at their statement dates and its linked evidence and critiques at theirs.
 */
export interface ReportTimeline {
  /** The chain's lane; null when none of its items has a date. */
  lane: TimelineLane | null;
  /** One per mark of the lane, in its (date) order. */
  rows: ReportTimelineRow[];
  /** Items of the chain without a date: not drawn, counted. */
  undated: number;
}

export interface ReportTimelineRow {
  date: string;
  tag: Tag;
  /** 'pledge' for a pledge of the chain, else how the item relates to it. */
  kind: 'pledge' | 'supports' | 'contradicts';
  /** The passage as stored. */
  passage: string;
  /** Its document's title. */
  title: string;
}

/**
 * The timeline chart as drawn outside core (it needs a DOM), handed to the writers: a
 * standalone SVG, and for Word a PNG of it when one could be made.
 */
export interface ReportChart {
  svg: string;
  width: number;
  height: number;
  png?: Uint8Array;
}

/** What Verify report found for one quote read back from an exported report. */
export type VerifyOutcome = 'verified' | 'elsewhere' | 'changed' | 'source-missing';

export interface VerifiedQuote {
  outcome: VerifyOutcome;
  quote: string;
  citation: Citation;
  /** The library's document with the cited hash, when there is one. */
  docId: string | null;
  /** Where the quote was found instead ('elsewhere'), in code points. */
  foundAt?: { start: number; end: number };
  /** The words now at the cited place ('changed'). */
  actual?: string;
  /**
   * For 'source-missing': a library document with the cited file name, most likely a newer
   * version of the cited file (a re-import replaces the text and the hash); where the quote is
   * in its current text, in code points, if it is there at all.
   */
  otherVersion?: { docId: string; title: string; foundAt: { start: number; end: number } | null };
}

export interface VerifyResult {
  /** The report's format as recognised from its content. */
  format: Exclude<ReportFormat, 'pdf' | 'xlsx'>;
  quotes: VerifiedQuote[];
}

/*
 * The functions behind these shapes, all exported from `@core/export` (src/core/export/index.ts):
 *   buildReport(library: ReportLibrary, options: ReportOptions,
 *               onProgress?: (done: number, total: number) => void): Report
 *     throws ReportScopeError when a dossier's pledge is no longer in the library
 *   writeReport(report: Report, format: Exclude<ReportFormat, 'pdf'>, chart?: ReportChart): Promise<Uint8Array>
 *   reportFileName(options: ReportOptions, format: ReportFormat): string
 *   verifyReport(file: { name: string; bytes: Uint8Array }, library: ReportLibrary): Promise<VerifyResult>
 * PDF is the HTML writer's output printed by the host (Electron's printToPDF; the browser's print).
 */
