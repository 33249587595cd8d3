import type { AnnotationVersion, PledgeStatus, Relation, StatusChange, Tag } from '../model';

/**
 * Annotations read from another tool's file (W3C Web Annotation, Hypothesis, REFI-QDA), before
 * they are placed on this library's documents.
 */

/** How the file names the document an annotation belongs to. */
export interface DocHint {
  /** Groups the annotations of one document in the file. */
  key: string;
  /** SHA-256 of the document's bytes, when the file gives it. */
  hash?: string;
  url?: string;
  title?: string;
}

export interface ForeignAnnotation {
  /** The id it will have here: a Dossier id kept as it was, else one made from the file's id. */
  id: string;
  doc: DocHint;
  /** Null when the file gives none of pledge, evidence, critique: the analyst picks a default. */
  tag: Tag | null;
  labels: string[];
  note: string;
  actor?: string;
  statementDate?: string;
  status?: PledgeStatus;
  rationale?: string;
  statusHistory?: StatusChange[];
  history?: AnnotationVersion[];
  quote?: { exact: string; prefix: string; suffix: string };
  /** Offsets as the file counts them. */
  position?: { start: number; end: number; unit: 'code-point' | 'utf-16' };
  pageIndex?: number;
  createdAt: number;
  updatedAt: number;
}

export interface ForeignLink {
  id: string;
  fromId: string;
  toId: string;
  relation: Relation;
  createdAt: number;
}

export interface ForeignSet {
  format: 'w3c' | 'hypothesis' | 'refi-qda';
  annotations: ForeignAnnotation[];
  links: ForeignLink[];
  /** Items of the file that are not annotations Dossier can hold, with the reason. */
  skipped: string[];
}

export const SHA256_URN = /^urn:sha256:([0-9a-f]{64})$/i;

/** A time in the file (ISO text) as milliseconds, or `fallback` when absent or unreadable. */
export function timeOf(value: unknown, fallback: number): number {
  if (typeof value !== 'string') return fallback;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? fallback : ms;
}

export function isTagName(value: string): value is Tag {
  return value === 'pledge' || value === 'evidence' || value === 'critique';
}
