import type { LogContext } from '../ipc/contract';

/**
 * Caps how many entries an untrusted or runaway writer (the page, an error that repeats on every
 * frame) gets in per window of time. Entries past the cap are dropped and counted; the next
 * entry let through says how many were dropped.
 */
export function createRateLimitedLog<E extends { context?: LogContext }>(
  log: { write(entry: E): boolean },
  options: { max: number; windowMs: number; now?: () => number },
): (entry: E) => boolean {
  const now = options.now ?? Date.now;
  let windowStart = -Infinity;
  let count = 0;
  let dropped = 0;
  return (entry) => {
    const time = now();
    if (time - windowStart >= options.windowMs) {
      windowStart = time;
      count = 0;
    }
    if (count >= options.max) {
      dropped += 1;
      return false;
    }
    count += 1;
    if (dropped === 0) return log.write(entry);
    const context = { droppedBefore: dropped, ...entry.context };
    dropped = 0;
    return log.write({ ...entry, context });
  };
}
