import { countOutcomes, type ImportOutcome, type ImportRun } from '../../db/import-run';

const OUTCOME_LABELS: Record<ImportOutcome, string> = {
  imported: 'Imported',
  duplicate: 'Skipped: duplicate',
  unsupported: 'Skipped: unsupported',
  failed: 'Failed',
  cancelled: 'Not imported: cancelled',
};

export function ImportSummary({ run, onClose }: { run: ImportRun; onClose: () => void }) {
  const counts = countOutcomes(run);
  const parts = (Object.keys(counts) as ImportOutcome[])
    .filter((k) => counts[k] > 0)
    .map((k) => `${counts[k]} ${k}`);
  return (
    <section className="import-summary" role="dialog" aria-label="Import summary">
      <header>
        <h2>Import summary</h2>
        <button type="button" onClick={onClose} aria-label="Close import summary">
          ×
        </button>
      </header>
      <p>
        {run.files.length} files: {parts.join(', ') || 'nothing to import'}.
      </p>
      <ul>
        {run.files.map((file) => (
          <li key={file.relativePath} data-outcome={file.outcome}>
            <span className={`outcome outcome-${file.outcome}`}>
              {OUTCOME_LABELS[file.outcome]}
            </span>{' '}
            <span className="file-path">{file.relativePath}</span>
            {file.reason ? <span className="reason">: {file.reason}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
