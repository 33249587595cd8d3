import type { QueuedImport } from './import-queue';
import type { ImportProgress } from './import-service';

function formatSeconds(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

export function ImportProgressPanel({
  progress,
  running,
  waiting,
  onCancel,
  onCancelWaiting,
}: {
  progress: ImportProgress | null;
  running: QueuedImport<unknown> | null;
  waiting: readonly QueuedImport<unknown>[];
  onCancel: () => void;
  /** One waiting import by id, or all of them. */
  onCancelWaiting: (id?: number) => void;
}) {
  const elapsed = progress ? Date.now() - progress.startedAt : 0;
  const remaining =
    progress && progress.done > 0
      ? (elapsed / progress.done) * (progress.total - progress.done)
      : null;
  return (
    <section className="import-progress" role="status" aria-label="Import progress">
      {running ? <p className="import-running">Importing {running.label}</p> : null}
      {progress ? (
        <>
          <progress max={progress.total} value={progress.done} />
          <p>
            Importing {progress.done} of {progress.total} files
            {progress.current ? `: ${progress.current}` : ''}
          </p>
          {/* Counted once each document is committed: what a crash now would keep. */}
          <p className="muted" data-testid="import-stored">
            {progress.stored} stored in the library
          </p>
          <p className="muted">
            Elapsed {formatSeconds(elapsed)}
            {remaining !== null ? `, about ${formatSeconds(remaining)} left` : ''}
          </p>
        </>
      ) : null}
      <button type="button" onClick={onCancel} disabled={!running}>
        Cancel import
      </button>
      {waiting.length > 0 ? (
        <div className="import-waiting">
          <p>
            {waiting.length} more import{waiting.length === 1 ? '' : 's'} waiting
            {waiting.length === 1 ? `: ${waiting[0]?.label}` : ''}
          </p>
          <ul aria-label="Waiting imports">
            {waiting.map((entry) => (
              <li key={entry.id}>
                {waiting.length > 1 ? <span>{entry.label}</span> : null}
                <button
                  type="button"
                  className="inline"
                  aria-label={`Cancel waiting import: ${entry.label}`}
                  onClick={() => onCancelWaiting(entry.id)}
                >
                  Don’t import
                </button>
              </li>
            ))}
          </ul>
          {waiting.length > 1 ? (
            <button type="button" className="inline" onClick={() => onCancelWaiting()}>
              Cancel all waiting imports
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
