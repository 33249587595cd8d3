import { useEffect, useState } from 'react';
import {
  PLEDGE_STATUS_LABELS,
  PLEDGE_STATUSES,
  PledgeStatusSchema,
  type Annotation,
  type PledgeStatus,
} from '@core/model';
import { annotationService } from './annotation-service';

export function formatTime(at: number): string {
  return new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function StatusHistory({ annotation }: { annotation: Annotation }) {
  const history = annotation.statusHistory ?? [];
  if (history.length === 0) return <p className="muted">No status set yet.</p>;
  return (
    <ol className="status-history" aria-label="Status history">
      {history.toReversed().map((change) => (
        <li key={change.at}>
          <time dateTime={new Date(change.at).toISOString()}>{formatTime(change.at)}</time>{' '}
          <strong>{PLEDGE_STATUS_LABELS[change.status]}</strong>
          {change.rationale ? `: ${change.rationale}` : ''}
        </li>
      ))}
    </ol>
  );
}

/** A pledge's assessment: the status and why, saved together so the history reads well. */
export function StatusEditor({ annotation }: { annotation: Annotation }) {
  const [status, setStatus] = useState<PledgeStatus>(annotation.status ?? 'open');
  const [rationale, setRationale] = useState(annotation.rationale ?? '');
  useEffect(() => {
    setStatus(annotation.status ?? 'open');
    setRationale(annotation.rationale ?? '');
  }, [annotation.id, annotation.status, annotation.rationale]);
  const dirty = status !== annotation.status || rationale.trim() !== (annotation.rationale ?? '');
  return (
    <fieldset className="status-editor">
      <legend>Pledge status</legend>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (dirty) void annotationService.update(annotation.id, { status, rationale });
        }}
      >
        <label className="field">
          Status
          <select
            value={status}
            onChange={(e) => setStatus(PledgeStatusSchema.parse(e.target.value))}
          >
            {PLEDGE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {PLEDGE_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Rationale
          <input
            value={rationale}
            onChange={(e) => setRationale(e.target.value)}
            placeholder="Why, in a sentence (with the evidence)"
          />
        </label>
        <button type="submit" disabled={!dirty}>
          Set status
        </button>
      </form>
      <StatusHistory annotation={annotation} />
    </fieldset>
  );
}
