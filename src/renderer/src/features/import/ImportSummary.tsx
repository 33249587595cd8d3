import { useState, type ReactNode } from 'react';
import { encodingLabel, TEXT_ENCODINGS } from '@core/ingest/encodings';
import type { ReadAs } from '@core/model';
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

/** A button that opens a small form in place: a retry with something the import lacked. */
function InlineForm({
  label,
  name,
  submit,
  onSubmit,
  children,
}: {
  label: string;
  /** The button's accessible name, where its label alone would be ambiguous. */
  name?: string;
  submit: string;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" className="inline" aria-label={name} onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  }
  return (
    <form
      className="password-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
      <button type="submit">{submit}</button>
    </form>
  );
}

function PasswordRetry({ path, onRetry }: { path: string; onRetry: (password: string) => void }) {
  const [password, setPassword] = useState('');
  return (
    <InlineForm
      label="Enter password…"
      submit="Import with password"
      onSubmit={() => {
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
    </InlineForm>
  );
}

/** "read as Shift_JIS", and whether that was a guess or the analyst's choice. */
function readAsText({ encoding, how }: ReadAs): string {
  const name = encodingLabel(encoding);
  if (how === 'guessed') return `read as ${name} (a guess: check the text)`;
  if (how === 'chosen') return `read as ${name}, as chosen`;
  return `read as ${name}`;
}

/** UTF-8 goes without saying; other encodings, guesses and choices are worth a word. */
function worthTelling(readAs: ReadAs | undefined): readAs is ReadAs {
  if (readAs === undefined) return false;
  return readAs.encoding !== 'utf-8' || readAs.how === 'guessed' || readAs.how === 'chosen';
}

function RereadAs({
  path,
  current,
  onReread,
}: {
  path: string;
  current: string;
  onReread: (encoding: string) => void;
}) {
  // GBK is read by the GB18030 decoder, its superset, which the list names.
  const [encoding, setEncoding] = useState(current === 'gbk' ? 'gb18030' : current);
  return (
    <InlineForm
      label="Re-import as…"
      name={`Re-import ${path} as another encoding`}
      submit="Re-import"
      onSubmit={() => onReread(encoding)}
    >
      <label>
        Encoding of {path}
        <select autoFocus value={encoding} onChange={(e) => setEncoding(e.target.value)}>
          {TEXT_ENCODINGS.map((e) => (
            <option key={e.name} value={e.name}>
              {e.label}
            </option>
          ))}
        </select>
      </label>
    </InlineForm>
  );
}

interface Handlers {
  /** Present when the run's files are still at hand, so an encrypted one can be retried. */
  onRetryWithPassword?: (relativePath: string, password: string) => void;
  /** Reads a text or HTML document's stored file again as another encoding. */
  onReread: (docId: string, encoding: string) => void;
}

function FileRow({ file, onRetryWithPassword, onReread }: { file: ImportFileResult } & Handlers) {
  const { readAs, docId } = file;
  return (
    <li data-outcome={file.outcome}>
      <span className={`outcome outcome-${file.outcome}`}>{OUTCOME_LABELS[file.outcome]}</span>{' '}
      <span className="file-path">{file.relativePath}</span>
      {file.reason ? <span className="reason">: {file.reason}</span> : null}
      {worthTelling(readAs) ? (
        <span className={`read-as read-as-${readAs.how}`}>
          {file.reason ? '; ' : ': '}
          {readAsText(readAs)}
        </span>
      ) : null}
      {file.code === 'encrypted' && onRetryWithPassword ? (
        <PasswordRetry
          path={file.relativePath}
          onRetry={(password) => onRetryWithPassword(file.relativePath, password)}
        />
      ) : null}
      {readAs && docId ? (
        <RereadAs
          path={file.relativePath}
          current={readAs.encoding}
          onReread={(encoding) => onReread(docId, encoding)}
        />
      ) : null}
    </li>
  );
}

/** Long lists of imported files are drawn only on request, so a big import ends quickly. */
const SHOW_IMPORTED_UP_TO = 25;

function RunSummary({
  run,
  heading,
  ...handlers
}: { run: ImportRun; heading: string | null } & Handlers) {
  const counts = countOutcomes(run);
  const stored = (f: ImportFileResult) => f.outcome === 'imported' || f.outcome === 'updated';
  // Files read in a guessed encoding are listed in view, to be checked.
  const toCheck = (f: ImportFileResult) => stored(f) && f.readAs?.how === 'guessed';
  const done = run.files.filter((f) => stored(f) && !toCheck(f));
  const guessed = run.files.filter(toCheck);
  const others = run.files.filter((f) => !stored(f));
  const [showDone, setShowDone] = useState(done.length <= SHOW_IMPORTED_UP_TO);
  const parts = (Object.keys(counts) as ImportOutcome[])
    .filter((k) => counts[k] > 0)
    .map((k) => `${counts[k]} ${k}`);
  return (
    <>
      {heading ? <h3>{heading}</h3> : null}
      <p>
        {run.files.length} files: {parts.join(', ') || 'nothing to import'}.{' '}
        <span className="muted">{new Date(run.startedAt).toLocaleString()}</span>
      </p>
      {others.length > 0 ? (
        <ul aria-label="Files not imported">
          {others.map((file) => (
            <FileRow key={file.relativePath} file={file} {...handlers} />
          ))}
        </ul>
      ) : null}
      {guessed.length > 0 ? (
        <>
          <p>
            Check the text of {guessed.length === 1 ? 'this file' : 'these files'}: the encoding was
            a guess.
          </p>
          <ul aria-label="Files read in a guessed encoding">
            {guessed.map((file) => (
              <FileRow key={file.relativePath} file={file} {...handlers} />
            ))}
          </ul>
        </>
      ) : null}
      {done.length > 0 ? (
        <details open={showDone} onToggle={(e) => setShowDone(e.currentTarget.open)}>
          <summary>Imported files ({done.length})</summary>
          {showDone ? (
            <ul>
              {done.map((file) => (
                <FileRow key={file.relativePath} file={file} onReread={handlers.onReread} />
              ))}
            </ul>
          ) : null}
        </details>
      ) : null}
    </>
  );
}

interface Props {
  /** Newest first; each with a password retry handler while its files are at hand. */
  runs: readonly {
    run: ImportRun;
    onRetryWithPassword?: (relativePath: string, password: string) => void;
  }[];
  onClose: () => void;
  onReread: (docId: string, encoding: string) => void;
}

/** A run the analyst must look at: a file not imported, or read in a guessed encoding. */
export function needsAttention(run: ImportRun): boolean {
  return run.files.some(
    (f) =>
      f.outcome === 'failed' ||
      f.outcome === 'unsupported' ||
      f.outcome === 'cancelled' ||
      f.readAs?.how === 'guessed',
  );
}

function oneLine(run: ImportRun): string {
  const counts = countOutcomes(run);
  const parts = (Object.keys(counts) as ImportOutcome[])
    .filter((k) => counts[k] > 0)
    .map((k) => `${counts[k]} ${k}`);
  return `${run.files.length} files: ${parts.join(', ') || 'nothing to import'}.`;
}

/**
 * The summary of each import of the latest chain (imports queued one after another), as a
 * notice above the views that never covers them: an import that went well is one line, with
 * its details a click away; one with failures shows them until closed.
 */
export function ImportSummary({ runs, onClose, onReread }: Props) {
  const attention = runs.some(({ run }) => needsAttention(run));
  const [expanded, setExpanded] = useState(attention);
  const latest = runs[0]?.run;
  return (
    <section
      className={`import-summary${expanded ? ' expanded' : ' collapsed'}`}
      aria-label="Import summary"
    >
      <header>
        <h2>Import summary</h2>
        {!expanded && latest ? (
          <p className="summary-line">
            {runs.length > 1 ? `${runs.length} imports. Latest: ` : ''}
            {oneLine(latest)}
          </p>
        ) : null}
        <button
          type="button"
          className="inline"
          onClick={() => setExpanded((e) => !e)}
          aria-expanded={expanded}
        >
          {expanded ? 'Hide details' : 'Show details'}
        </button>
        <button type="button" onClick={onClose} aria-label="Close import summary">
          ×
        </button>
      </header>
      {expanded ? (
        <div className="import-summary-body">
          {runs.map(({ run, onRetryWithPassword }, i) => (
            <section
              key={run.id}
              className="import-run"
              aria-label={
                runs.length > 1 ? `Import ${runs.length - i} of ${runs.length}` : undefined
              }
            >
              <RunSummary
                run={run}
                heading={runs.length > 1 ? `Import ${runs.length - i} of ${runs.length}` : null}
                onRetryWithPassword={onRetryWithPassword}
                onReread={onReread}
              />
            </section>
          ))}
        </div>
      ) : null}
    </section>
  );
}
