import { useCallback, useEffect, useState } from 'react';
import { toUtf16 } from '@core/text/code-points';
import { documentsRepo } from '../../db/documents-repo';
import type { HostApi } from '../../host';
import { Dialog } from '../../ui/Dialog';
import { notify } from '../../ui/notices';
import { openDocument } from '../reader/reader-store';
import { useVerifyReport } from '../verify/use-verify-report';
import { VerifyReport, type VerifyTarget } from '../verify/VerifyReport';
import { ExportDialog } from './ExportDialog';
import { onReportCommand, setVerificationKept } from './report-commands';
import { useExportContext } from './use-export-context';

interface Props {
  host: HostApi;
}

const onMessage = (message: string) => void notify(message);

/**
 * Export report and Verify report: the export dialog, and the last verification's results in
 * a dialog that Open in document closes and Verification results opens again.
 */
export function ReportsCenter({ host }: Props) {
  const context = useExportContext();
  const [exporting, setExporting] = useState<false | 'remembered' | 'dossier'>(false);
  const [showResults, setShowResults] = useState(false);
  const verifier = useVerifyReport(host);
  const { verify } = verifier;

  const verifyReport = useCallback(async () => {
    try {
      if (await verify()) setShowResults(true);
    } catch (error) {
      onMessage(`Verify report: ${error instanceof Error ? error.message : String(error)}`);
    }
  }, [verify]);

  const hasResults = verifier.state !== null;
  useEffect(() => setVerificationKept(hasResults), [hasResults]);
  useEffect(
    () =>
      onReportCommand((command) => {
        if (command === 'export-report') setExporting('remembered');
        if (command === 'export-dossier') setExporting('dossier');
        if (command === 'verify-report') void verifyReport();
        if (command === 'verification-results' && hasResults) setShowResults(true);
      }),
    [verifyReport, hasResults],
  );

  /** The cited (or found) words are counted in code points; the reader marks UTF-16 ranges. */
  const openVerified = async ({ docId, start, end }: VerifyTarget) => {
    const content = await documentsRepo().content(docId);
    if (!content) {
      onMessage('That document is no longer in the library.');
      return;
    }
    setShowResults(false);
    const range = { start: toUtf16(content.text, start), end: toUtf16(content.text, end) };
    openDocument(docId, range.end > range.start ? [range] : []);
  };

  return (
    <>
      {exporting ? (
        <ExportDialog
          host={host}
          context={context}
          scope={exporting === 'dossier' ? 'dossier' : undefined}
          onClose={() => setExporting(false)}
          onExported={(text) => {
            setExporting(false);
            onMessage(text);
          }}
        />
      ) : null}
      {showResults && verifier.state ? (
        <Dialog
          title="Verify report"
          className="verify-dialog"
          onClose={() => setShowResults(false)}
        >
          <VerifyReport
            state={verifier.state}
            onOpen={(target) => void openVerified(target)}
            onCancel={verifier.cancel}
            onVerifyAnother={() => void verifyReport()}
          />
        </Dialog>
      ) : null}
    </>
  );
}
