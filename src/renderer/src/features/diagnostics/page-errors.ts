import { notify } from '../../ui/notices';
import { setProblemSink } from '../../workers/worker-problems';
import { logEntry, logProblem } from './app-log';

/** Chromium's note that a resize observer skipped a frame: harmless, and frequent. */
const BENIGN = /ResizeObserver loop/;
/** At most one message about unexpected errors this often, however many come. */
const NOTICE_EVERY_MS = 5_000;

let lastNotice = -Infinity;

function tellUser(message: string): void {
  const now = Date.now();
  if (now - lastNotice < NOTICE_EVERY_MS) return;
  lastNotice = now;
  notify(
    `Something went wrong: ${message.slice(0, 200)}. It is kept in the log (More › Copy diagnostic report).`,
  );
}

/**
 * Errors nobody caught, on the page and in its workers, are logged and shown, never lost in a
 * console nobody opens. Installed once, before the app renders.
 */
export function installPageErrorHandlers(): void {
  window.addEventListener('error', (event) => {
    const message = event.message || String(event.error);
    if (BENIGN.test(message)) return;
    const entry = logProblem('page', event.error ?? message);
    tellUser(entry.message);
  });
  window.addEventListener('unhandledrejection', (event) => {
    const entry = logProblem('page, unhandled promise', event.reason);
    tellUser(entry.message);
  });
  setProblemSink((entry) => {
    logEntry(entry);
    if (entry.level === 'error') tellUser(entry.message);
  });
}
