export function EmptyLibrary({
  busy,
  onLoadSamples,
}: {
  busy: boolean;
  onLoadSamples: (withAnnotations: boolean) => void;
}) {
  return (
    <div className="empty-library">
      <h1>Your library is empty</h1>
      <p>
        Import your own articles and reports with <strong>Import files</strong> or{' '}
        <strong>Import folder</strong>, drop them onto this window, or start with a small fictional
        collection about one government&apos;s promises on human trafficking.
      </p>
      <div className="sample-choices">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => onLoadSamples(false)}
        >
          Load sample collection
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => onLoadSamples(true)}
        >
          Load sample collection with annotations
        </button>
      </div>
      <p className="muted">
        With annotations, the samples come with pledges, evidence and critiques already tagged and
        linked, so the Dossiers and Analysis views have something to show at once.
      </p>
      <p className="muted">
        Dossier imports PDF, Word (.docx), saved web pages (.html), Markdown and text files.
        Everything stays on this computer.
      </p>
    </div>
  );
}
