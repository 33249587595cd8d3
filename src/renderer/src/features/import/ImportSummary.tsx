import { useState } from 'react';
import {
  countOutcomes,
  type ImportFileResult,
  type ImportOutcome,
  type ImportRun,
} from '../../db/import-run';

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

function FileRow({
  file,
  onRetryWithPassword,
}: {
  file: ImportFileResult;
  onRetryWithPassword: Props['onRetryWithPassword'];
}) {
  return (
    <li data-outcome={file.outcome}>
      <span className={`outcome outcome-${file.outcome}`}>{OUTCOME_LABELS[file.outcome]}</span>{' '}
      <span className="file-path">{file.relativePath}</span>
      {file.reason ? <span className="reason">: {file.reason}</span> : null}
      {file.code === 'encrypted' && onRetryWithPassword ? (
        <PasswordRetry
          path={file.relativePath}
          onRetry={(password) => onRetryWithPassword(file.relativePath, password)}
        />
      ) : null}
    </li>
  );
}

/** Long lists of imported files are drawn only on request, so a big import ends quickly. */
const SHOW_IMPORTED_UP_TO = 25;

export function ImportSummary({ run, onClose, onRetryWithPassword }: Props) {
  const counts = countOutcomes(run);
  const done = run.files.filter((f) => f.outcome === 'imported' || f.outcome === 'updated');
  const others = run.files.filter((f) => f.outcome !== 'imported' && f.outcome !== 'updated');
  const [showDone, setShowDone] = useState(done.length <= SHOW_IMPORTED_UP_TO);
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
      {others.length > 0 ? (
        <ul aria-label="Files not imported">
          {others.map((file) => (
            <FileRow
              key={file.relativePath}
              file={file}
              onRetryWithPassword={onRetryWithPassword}
            />
          ))}
        </ul>
      ) : null}
      {done.length > 0 ? (
        <details open={showDone} onToggle={(e) => setShowDone(e.currentTarget.open)}>
          <summary>Imported files ({done.length})</summary>
          {showDone ? (
            <ul>
              {done.map((file) => (
                <FileRow key={file.relativePath} file={file} onRetryWithPassword={undefined} />
              ))}
            </ul>
          ) : null}
        </details>
      ) : null}
    </section>
  );
}
