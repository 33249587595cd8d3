import type { ImportProgress } from './import-service';

function formatSeconds(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

export function ImportProgressPanel({
  progress,
  onCancel,
}: {
  progress: ImportProgress;
  onCancel: () => void;
}) {
  const elapsed = Date.now() - progress.startedAt;
  const remaining =
    progress.done > 0 ? (elapsed / progress.done) * (progress.total - progress.done) : null;
  return (
    <section className="import-progress" role="status" aria-label="Import progress">
      <progress max={progress.total} value={progress.done} />
      <p>
        Importing {progress.done} of {progress.total} files
        {progress.current ? `: ${progress.current}` : ''}
      </p>
      <p className="muted">
        Elapsed {formatSeconds(elapsed)}
        {remaining !== null ? `, about ${formatSeconds(remaining)} left` : ''}
      </p>
      <button type="button" onClick={onCancel}>
        Cancel import
      </button>
    </section>
  );
}
