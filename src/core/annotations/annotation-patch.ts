import type { Annotation, AnnotationTarget, PledgeStatus, Tag } from '../model';

/** What an edit may change. An empty string or empty list clears an optional field. */
export interface AnnotationPatch {
  tag?: Tag;
  note?: string;
  actor?: string;
  statementDate?: string;
  labels?: readonly string[];
  status?: PledgeStatus;
  rationale?: string;
  /** The analyst checked an annotation flagged for review. */
  reviewed?: true;
  /** Re-attached to newly selected text; this also clears any review flag. */
  target?: AnnotationTarget;
}

/** Cleans a list of labels: trimmed, no empties, no duplicates, in the order given. */
export function cleanLabels(labels: readonly string[]): string[] {
  return [...new Set(labels.map((l) => l.trim()).filter((l) => l !== ''))];
}

function setOptional<K extends 'actor' | 'statementDate' | 'rationale'>(
  out: Annotation,
  key: K,
  value: string | undefined,
) {
  if (value === undefined) return;
  const trimmed = value.trim();
  if (trimmed === '') delete out[key];
  else out[key] = trimmed;
}

/**
 * The annotation after a patch, or null when the patch changes nothing. A change of status or
 * rationale on a pledge appends to its status history, so earlier assessments are never lost.
 */
export function applyPatch(
  before: Annotation,
  patch: AnnotationPatch,
  now: number,
): Annotation | null {
  const after: Annotation = { ...before };
  if (patch.tag !== undefined) after.tag = patch.tag;
  if (patch.note !== undefined) after.note = patch.note;
  setOptional(after, 'actor', patch.actor);
  setOptional(after, 'statementDate', patch.statementDate);
  if (patch.labels !== undefined) {
    const labels = cleanLabels(patch.labels);
    if (labels.length > 0) after.labels = labels;
    else delete after.labels;
  }
  if (patch.reviewed) delete after.review;
  if (patch.target !== undefined) {
    after.target = patch.target;
    delete after.review;
  }
  if (patch.status !== undefined || patch.rationale !== undefined) {
    const status = patch.status ?? before.status ?? 'open';
    setOptional(after, 'rationale', patch.rationale);
    after.status = status;
    if (status !== before.status || after.rationale !== before.rationale) {
      after.statusHistory = [
        ...(before.statusHistory ?? []),
        { status, rationale: after.rationale ?? '', at: now },
      ];
    }
  }
  if (JSON.stringify(after) === JSON.stringify(before)) return null;
  after.updatedAt = now;
  return after;
}

/** A short name for the edit, shown on the Undo and Redo buttons. */
export function describePatch(patch: AnnotationPatch, before: Annotation): string {
  if (patch.target) return 're-attach';
  if (patch.reviewed) return 'mark checked';
  if (patch.tag !== undefined && patch.tag !== before.tag) return 're-tag';
  if (patch.status !== undefined || patch.rationale !== undefined) return 'set status';
  if (patch.actor !== undefined) return 'edit actor';
  if (patch.statementDate !== undefined) return 'edit date';
  if (patch.labels !== undefined) return 'edit labels';
  return 'edit note';
}
