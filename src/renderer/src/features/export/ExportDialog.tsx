import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import {
  REPORT_ARRANGEMENT_LABELS,
  REPORT_ARRANGEMENTS,
  REPORT_FORMAT_LABELS,
  REPORT_FORMATS,
  type ReportFormat,
} from '@core/export/report-types';
import { REPORT_MIME_TYPES } from '@core/export/write-report';
import type { HostApi } from '../../host';
import { Dialog } from '../../ui/Dialog';
import { loadExportChoices, saveExportChoices, type ExportChoices } from './export-choices';
import { scopeChoices, scopeOf, type ExportContext, type ScopeKind } from './export-scopes';
import type { ReportJobProgress } from './report-jobs';
import { JobCancelled } from './report-worker';
import { useReportJob } from './use-report-job';

interface Props {
  host: HostApi;
  context: ExportContext;
  /** A scope to start with instead of the remembered one (when it can be had now). */
  scope?: ScopeKind;
  onClose: () => void;
  /** Told what was exported, once the file is saved (or its saving was cancelled). */
  onExported: (message: string) => void;
}

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

export function exportedMessage(counts: { items: number; unverified: number }): string {
  return `Report exported: ${plural(counts.items, 'quote')} (${counts.unverified.toLocaleString('en')} could not be verified)`;
}

function progressText(progress: ReportJobProgress, format: ReportFormat): string {
  switch (progress.phase) {
    case 'reading':
      return 'Reading the library…';
    case 'placing':
      return `Placing each quote in its document's current text: ${progress.done.toLocaleString('en')} of ${plural(progress.total, 'quote')}`;
    case 'writing':
      return format === 'pdf'
        ? 'Writing the report to print…'
        : `Writing the ${REPORT_FORMAT_LABELS[format]} file…`;
    case 'checking':
      return 'Checking…';
  }
}

/** The remembered choices, with a scope that cannot be had now replaced by the whole library. */
function initialChoices(context: ExportContext, scope?: ScopeKind): ExportChoices {
  const remembered = loadExportChoices();
  const wanted = scope ?? remembered.scope;
  return { ...remembered, scope: scopeOf(wanted, context) ? wanted : 'library' };
}

/**
 * "Export report": scope, arrangement and format, then the report is built and written in a
 * worker with progress and Cancel, and saved through the host (a download on the web).
 */
export function ExportDialog({ host, context, scope: startScope, onClose, onExported }: Props) {
  const id = useId();
  const [choices, setChoices] = useState(() => initialChoices(context, startScope));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const job = useReportJob();
  const scopeRef = useRef<HTMLSelectElement>(null);
  // After the dialog's showModal(), which focuses its first button.
  useEffect(() => scopeRef.current?.focus(), []);
  const busy = job.progress !== null || saving;
  const scopes = scopeChoices(context);
  const chosen = scopes.find((s) => s.kind === choices.scope);
  const unavailable = scopes.filter((s) => s.unavailable);

  const set = (patch: Partial<ExportChoices>) => setChoices((c) => ({ ...c, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const scope = scopeOf(choices.scope, context);
    if (!scope) return;
    setError(null);
    setNotice(null);
    saveExportChoices(choices);
    try {
      const response = await job.run({
        kind: 'export',
        scope,
        arrangement: choices.arrangement,
        format: choices.format,
        generatedAt: Date.now(),
        printInParts: host.printsInParts,
      });
      if (response.kind !== 'export') throw new Error('the worker answered another job');
      setSaving(true);
      const saved =
        choices.format === 'pdf'
          ? await host.printPdf(response.fileName, response.printed ?? response.bytes)
          : await host.saveFile(
              response.fileName,
              response.bytes,
              REPORT_MIME_TYPES[choices.format],
            );
      onExported(saved ? exportedMessage(response.counts) : 'Export cancelled: nothing was saved.');
    } catch (caught) {
      if (caught instanceof JobCancelled) {
        setNotice('Export cancelled: nothing was written.');
        return;
      }
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setSaving(false);
    }
  };

  const close = () => {
    job.cancel();
    onClose();
  };

  const progress = job.progress;
  return (
    <Dialog title="Export report" className="export-dialog" onClose={close}>
      <form className="export-form" onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <div className="field">
          <label htmlFor={`${id}-scope`}>Scope</label>
          <select
            id={`${id}-scope`}
            ref={scopeRef}
            disabled={busy}
            value={choices.scope}
            aria-describedby={`${id}-scope-detail`}
            onChange={(e) => set({ scope: e.target.value as ScopeKind })}
          >
            {scopes.map((s) => (
              <option key={s.kind} value={s.kind} disabled={!!s.unavailable} title={s.unavailable}>
                {s.label}
              </option>
            ))}
          </select>
          <div id={`${id}-scope-detail`} className="field-hint">
            <p>{chosen?.detail}</p>
            {unavailable.length > 0 ? (
              <ul className="unavailable-scopes" aria-label="Not available now">
                {unavailable.map((s) => (
                  <li key={s.kind}>
                    {s.label}: {s.unavailable}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-arrangement`}>Arrange by</label>
          <select
            id={`${id}-arrangement`}
            disabled={busy}
            value={choices.arrangement}
            onChange={(e) => set({ arrangement: e.target.value as ExportChoices['arrangement'] })}
          >
            {REPORT_ARRANGEMENTS.map((a) => (
              <option key={a} value={a}>
                {REPORT_ARRANGEMENT_LABELS[a]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-format`}>Format</label>
          <select
            id={`${id}-format`}
            disabled={busy}
            value={choices.format}
            aria-describedby={choices.format === 'pdf' ? `${id}-pdf-hint` : undefined}
            onChange={(e) => set({ format: e.target.value as ReportFormat })}
          >
            {REPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {REPORT_FORMAT_LABELS[f]}
              </option>
            ))}
          </select>
          {choices.format === 'pdf' && host.kind === 'browser' ? (
            <p id={`${id}-pdf-hint`} className="field-hint">
              The browser's print dialog opens: choose Save as PDF.
            </p>
          ) : null}
        </div>
        {progress || saving ? (
          <div className="export-progress" role="status">
            <progress
              aria-label="Export progress"
              max={progress?.phase === 'placing' ? progress.total : undefined}
              value={progress?.phase === 'placing' ? progress.done : undefined}
            />
            <span>
              {progress
                ? progressText(progress, choices.format)
                : choices.format === 'pdf'
                  ? 'Printing to PDF…'
                  : 'Saving…'}
            </span>
          </div>
        ) : null}
        {notice ? <p role="status">{notice}</p> : null}
        {error ? (
          <p className="save-error" role="alert">
            Export failed: {error}
          </p>
        ) : null}
        <div className="dialog-actions">
          {progress ? (
            <button type="button" onClick={job.cancel}>
              Cancel
            </button>
          ) : (
            <button type="button" onClick={close} disabled={saving}>
              Close
            </button>
          )}
          <button type="submit" className="primary" disabled={busy}>
            Export
          </button>
        </div>
      </form>
    </Dialog>
  );
}
