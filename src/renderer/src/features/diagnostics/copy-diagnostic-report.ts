import type { HostApi } from '../../host';
import { notify } from '../../ui/notices';
import { logProblem } from './app-log';
import { diagnosticReport } from './diagnostic-report';

/**
 * Copies the diagnostic report to the clipboard. Answers the report when the clipboard
 * refused it, to be shown for copying by hand; null when copied or when it could not be made.
 */
export async function copyDiagnosticReport(host: HostApi): Promise<string | null> {
  let report: string;
  try {
    report = await diagnosticReport(host);
  } catch (error) {
    const entry = logProblem('diagnostic report', error);
    notify(`Could not make the diagnostic report: ${entry.message}`);
    return null;
  }
  try {
    await navigator.clipboard.writeText(report);
    notify('Diagnostic report copied to the clipboard: no document text or notes are in it.');
    return null;
  } catch {
    return report;
  }
}
