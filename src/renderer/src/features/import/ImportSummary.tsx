import { useState } from 'react';
import { countOutcomes, type ImportOutcome, type ImportRun } from '../../db/import-run';

const OUTCOME_LABELS: Record<ImportOutcome, string> = {
  imported: 'Imported',
  updated: 'Updated',
  duplicate: 'Skipped: duplicate',
  unsupported: 'Skipped: unsupported',
  failed: 'Failed',
  cancelled: 'Not imported: cancelled',
};

function PasswordRetry({ path, onRetry }: { path: string; onRetry: (password: string) => void }) {
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  if (!open) {
    return (
      <button type="button" className="inline" onClick={() => setOpen(true)}>
        Enter password…
      </button>
    );
  }
  return (
    <form
      className="password-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (password) onRetry(password);
      }}
    >
      <label>
        Password for {path}
        <input
          type="password"
          autoFocus
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      <button type="submit">Import with password</button>
    </form>
  );
}

interface Props {
  run: ImportRun;
  onClose: () => void;
  /** Present when the run's files are still at hand, so an encrypted one can be retried. */
  onRetryWithPassword?: (relativePath: string, password: string) => void;
}

export function ImportSummary({ run, onClose, onRetryWithPassword }: Props) {
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
        {run.files.length} files: {parts.join(', ') || 'nothing to import'}.{' '}
        <span className="muted">{new Date(run.startedAt).toLocaleString()}</span>
      </p>
      <ul>
        {run.files.map((file) => (
          <li key={file.relativePath} data-outcome={file.outcome}>
            <span className={`outcome outcome-${file.outcome}`}>
              {OUTCOME_LABELS[file.outcome]}
            </span>{' '}
            <span className="file-path">{file.relativePath}</span>
            {file.reason ? <span className="reason">: {file.reason}</span> : null}
            {file.code === 'encrypted' && onRetryWithPassword ? (
              <PasswordRetry
                path={file.relativePath}
                onRetry={(password) => onRetryWithPassword(file.relativePath, password)}
              />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
