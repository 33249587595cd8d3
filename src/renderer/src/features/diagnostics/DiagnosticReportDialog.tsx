import { useRef } from 'react';
import { Dialog } from '../../ui/Dialog';

/** The report, selected for copying by hand, when the clipboard could not take it. */
export function DiagnosticReportDialog({
  report,
  onClose,
}: {
  report: string;
  onClose: () => void;
}) {
  const text = useRef<HTMLTextAreaElement>(null);
  return (
    <Dialog title="Diagnostic report" className="wide" onClose={onClose} initialFocus={text}>
      <p>The clipboard was not available: select the text and copy it (Ctrl+C).</p>
      <textarea
        ref={text}
        className="diagnostic-report"
        aria-label="Diagnostic report"
        readOnly
        rows={16}
        value={report}
        onFocus={(event) => event.currentTarget.select()}
      />
    </Dialog>
  );
}
