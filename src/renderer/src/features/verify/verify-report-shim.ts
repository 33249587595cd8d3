import type { ReportLibrary, VerifyResult } from '@core/export/report-types';

// Until the core's verifyReport lands.
export async function verifyReport(
  _file: { name: string; bytes: Uint8Array },
  _library: ReportLibrary,
): Promise<VerifyResult> {
  throw new Error('Verify report is not available in this build yet');
}
