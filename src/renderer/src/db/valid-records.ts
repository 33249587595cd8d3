import { ImportRunSchema } from '@core/exchange/records';
import { fitsSchema, guardOf, type Guard } from '@core/fast-guard';
import {
  AnnotationLinkSchema,
  AnnotationSchema,
  DocumentContentSchema,
  DocumentRecordSchema,
  type Annotation,
  type AnnotationLink,
  type DocumentContent,
  type DocumentRecord,
} from '@core/model';
import type { z } from 'zod';
import type { ImportRun } from './import-run';

/**
 * Every record read from the library is checked against its schema: one that does not fit
 * (written by an older version, damaged on disk, edited by hand) is skipped and remembered,
 * so the views show what is sound and say how much was left out, rather than failing.
 */
interface Kinds {
  documents: DocumentRecord;
  contents: DocumentContent;
  annotations: Annotation;
  links: AnnotationLink;
  importRuns: ImportRun;
}
export type RecordKind = keyof Kinds;

const SCHEMAS: Record<RecordKind, z.ZodType> = {
  documents: DocumentRecordSchema,
  contents: DocumentContentSchema,
  annotations: AnnotationSchema,
  links: AnnotationLinkSchema,
  importRuns: ImportRunSchema,
};

const guards = new Map<RecordKind, Guard>();
const guard = (kind: RecordKind): Guard => {
  let found = guards.get(kind);
  if (!found) {
    found = guardOf(SCHEMAS[kind]);
    guards.set(kind, found);
  }
  return found;
};

/** A stored record that was skipped: which table, its key, and what is wrong with it. */
export interface SkippedRecord {
  kind: RecordKind;
  key: string;
  issue: string;
}

let skipped: readonly SkippedRecord[] = [];
const listeners = new Set<() => void>();

function keyOf(row: unknown): string {
  if (row && typeof row === 'object') {
    const { id, docId } = row as { id?: unknown; docId?: unknown };
    if (typeof id === 'string') return id;
    if (typeof docId === 'string') return docId;
  }
  return '(no key)';
}

function skip(kind: RecordKind, row: unknown, issue: string) {
  const key = keyOf(row);
  if (skipped.some((s) => s.kind === kind && s.key === key)) return;
  skipped = [...skipped, { kind, key, issue }];
  for (const listener of listeners) listener();
}

/** The records of one kind that fit their schema; the others are skipped and remembered. */
export function validRecords<K extends RecordKind>(kind: K, rows: readonly unknown[]): Kinds[K][] {
  const check = guard(kind);
  const schema = SCHEMAS[kind];
  const out: Kinds[K][] = [];
  for (const row of rows) {
    if (check(row)) {
      out.push(row as Kinds[K]);
      continue;
    }
    const fits = fitsSchema(schema, check, row);
    if (fits.ok) out.push(row as Kinds[K]);
    else skip(kind, row, fits.issue);
  }
  return out;
}

/** One record if it fits its schema; undefined if it is missing or skipped. */
export function validRecord<K extends RecordKind>(kind: K, row: unknown): Kinds[K] | undefined {
  return row === undefined ? undefined : validRecords(kind, [row])[0];
}

/** Every record skipped so far in this window, oldest first. */
export function skippedRecords(): readonly SkippedRecord[] {
  return skipped;
}

export function onSkippedRecords(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Forgets what was skipped (tests). */
export function clearSkippedRecords(): void {
  skipped = [];
  for (const listener of listeners) listener();
}
