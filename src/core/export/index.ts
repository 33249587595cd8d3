export * from './report-types';
export { buildReport, ReportScopeError } from './build-report';
export {
  writeReport,
  preloadWriter,
  reportFileName,
  REPORT_EXTENSIONS,
  REPORT_MIME_TYPES,
  type WritableFormat,
} from './write-report';
export { codePointIndex, toCodePoints, toUtf16, type CodePointIndex } from '../text/code-points';
export { verifyReport } from './verify-report';
export { ReportReadError } from './read-report';
