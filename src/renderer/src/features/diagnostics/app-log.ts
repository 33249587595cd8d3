import type { LogContext, LogEntry } from '@core/ipc/contract';
import { problemEntry } from '@core/log/problem';
import { createRateLimitedLog } from '@core/log/rate-limit';
import { getHost } from '../../host';

/** As main allows the page: an error repeating on every frame must not flood the log. */
const ENTRIES_PER_MINUTE = 60;

const limited = createRateLimitedLog<LogEntry>(
  {
    write: (entry) => {
      void getHost().writeLog(entry);
      return true;
    },
  },
  { max: ENTRIES_PER_MINUTE, windowMs: 60_000 },
);

/**
 * The page's log: entries go to the host (desktop: main's log file; web: IndexedDB). Entries
 * say where and what failed, never a document's or a note's words.
 */
export function logEntry(entry: LogEntry): void {
  limited(entry);
}

/** Logs something thrown, and answers the entry (to show its message). */
export function logProblem(where: string, thrown: unknown, extra?: LogContext): LogEntry {
  const entry = problemEntry(where, thrown, extra);
  limited(entry);
  return entry;
}
