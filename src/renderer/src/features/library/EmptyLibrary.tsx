export function EmptyLibrary({
  busy,
  onLoadSamples,
}: {
  busy: boolean;
  onLoadSamples: () => void;
}) {
  return (
    <div className="empty-library">
      <h1>Your library is empty</h1>
      <p>
        Import your own articles and reports with <strong>Import files</strong> or{' '}
        <strong>Import folder</strong>, drop them onto this window, or start with a small fictional
        collection about one government&apos;s promises on human trafficking.
      </p>
      <button type="button" className="primary" disabled={busy} onClick={onLoadSamples}>
        Load sample collection
      </button>
      <p className="muted">
        Dossier imports PDF, Word (.docx), saved web pages (.html), Markdown and text files.
        Everything stays on this computer.
      </p>
    </div>
  );
}
