import type { LogRecord } from '../ipc/contract';

/**
 * Everything a diagnostic report may say. Only facts about the app and the machine, counts, and
 * log entries, which by design name no document's or note's words: the report is for pasting
 * into a bug report, and a library often holds sensitive material.
 */
export interface DiagnosticFacts {
  generatedAt: Date;
  appVersion: string;
  host: 'electron' | 'browser';
  /** Component → version, e.g. electron, chrome, node; or the browser's user agent. */
  versions: Record<string, string>;
  platform: string;
  language: string;
  counts: Record<string, number | null>;
  storage: { usage: number | null; quota: number | null; persisted: boolean | null };
  /** Where the log is kept, and how many entries it holds when known. */
  log: { where: string; entries: number | null };
  /** The last warnings and errors, oldest first. */
  problems: LogRecord[];
}

/** How many of the last problems a report lists. */
export const REPORT_PROBLEMS = 20;

function bytes(n: number | null): string {
  if (n === null) return 'unknown';
  if (n < 1024 * 1024) return `${Math.max(1, Math.round(n / 1024))} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(1)} GB`;
}

function problemLine(record: LogRecord): string {
  const context = record.context ? ` ${JSON.stringify(record.context)}` : '';
  return `- ${record.time} ${record.level} (${record.source}) ${record.message}${context}`;
}

/** The report as plain text, the same on both hosts. */
export function formatDiagnosticReport(facts: DiagnosticFacts): string {
  const problems = facts.problems.slice(-REPORT_PROBLEMS);
  const counts = Object.entries(facts.counts)
    .map(([name, n]) => `${n ?? 'unknown'} ${name}`)
    .join(', ');
  const kept =
    facts.storage.persisted === null ? 'unknown' : facts.storage.persisted ? 'yes' : 'no';
  return [
    'Dossier diagnostic report',
    `Made: ${facts.generatedAt.toISOString()}`,
    `App: Dossier ${facts.appVersion} (${facts.host === 'electron' ? 'desktop' : 'web'})`,
    ...Object.entries(facts.versions).map(([name, version]) => `${name}: ${version}`),
    `Platform: ${facts.platform}`,
    `Language: ${facts.language}`,
    `Library: ${counts}`,
    `Storage: ${bytes(facts.storage.usage)} used of ${bytes(facts.storage.quota)}; kept by the browser: ${kept}`,
    `Log: ${facts.log.where}${facts.log.entries === null ? '' : ` (${facts.log.entries} entries)`}`,
    '',
    problems.length === 0
      ? 'Last problems: none'
      : `Last problems (${problems.length}${facts.problems.length > problems.length ? ` of ${facts.problems.length}` : ''}, oldest first):`,
    ...problems.map(problemLine),
    '',
    'This report holds no document text and no notes.',
    '',
  ].join('\n');
}
