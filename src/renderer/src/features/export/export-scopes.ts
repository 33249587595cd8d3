import { REPORT_SCOPE_LABELS, type ReportScope } from '@core/export/report-types';

export type ScopeKind = ReportScope['kind'];

/** What the window shows now, which decides the scopes a report can have. */
export interface ExportContext {
  /** The pledge selected in the reader, or the one whose dossier is open. */
  pledge: { id: string; quote: string } | null;
  /** The document open in the reader. */
  document: { id: string; title: string } | null;
  /** The rows the All annotations table shows, when it is on screen. */
  shown: { ids: readonly string[]; total: number } | null;
}

export interface ScopeChoice {
  kind: ScopeKind;
  label: string;
  /** Why it cannot be chosen now; undefined when it can. */
  unavailable?: string;
  /** What it covers, said under the select. */
  detail: string;
}

const SCOPE_ORDER: ScopeKind[] = ['library', 'dossier', 'filtered', 'document'];

function shorten(text: string, max = 70): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

function choiceOf(kind: ScopeKind, context: ExportContext): Omit<ScopeChoice, 'kind' | 'label'> {
  switch (kind) {
    case 'library':
      return { detail: 'Every annotation in the library.' };
    case 'dossier':
      return context.pledge
        ? {
            detail: `The pledge “${shorten(context.pledge.quote)}” with everything linked to it, through its repetitions.`,
          }
        : {
            unavailable: 'Select a pledge in the reader, or open its dossier, first.',
            detail: '',
          };
    case 'filtered': {
      const shown = context.shown;
      if (!shown) {
        return { unavailable: 'Open All annotations and filter the table first.', detail: '' };
      }
      if (shown.ids.length === 0) {
        return { unavailable: 'The All annotations table shows no annotation.', detail: '' };
      }
      return {
        detail: `The ${shown.ids.length} of ${shown.total} annotations the All annotations table shows, in its order.`,
      };
    }
    case 'document':
      return context.document
        ? { detail: `The annotations of “${shorten(context.document.title)}”.` }
        : { unavailable: 'Open a document in the reader first.', detail: '' };
  }
}

/** Every scope, in the dialog's order, each with what it covers or why it cannot be chosen. */
export function scopeChoices(context: ExportContext): ScopeChoice[] {
  return SCOPE_ORDER.map((kind) => ({
    kind,
    label: REPORT_SCOPE_LABELS[kind],
    ...choiceOf(kind, context),
  }));
}

/** The scope of that kind in this context, or null when it cannot be chosen now. */
export function scopeOf(kind: ScopeKind, context: ExportContext): ReportScope | null {
  switch (kind) {
    case 'library':
      return { kind };
    case 'dossier':
      return context.pledge ? { kind, pledgeId: context.pledge.id } : null;
    case 'filtered':
      return context.shown && context.shown.ids.length > 0
        ? { kind, annotationIds: [...context.shown.ids] }
        : null;
    case 'document':
      return context.document ? { kind, docId: context.document.id } : null;
  }
}
