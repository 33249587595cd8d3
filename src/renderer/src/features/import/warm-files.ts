import type { SourceFile } from '../../host';
import { whenIdle } from '../../ui/when-idle';

/** How long one low-priority step may hold the page's thread. */
const STEP_MS = 4;

/**
 * Learns each chosen file's size ahead of the import, a few files per low-priority task.
 *
 * Why: a file the browser listed from a chosen folder has no size yet, and handing it to an
 * ingest worker first asks the browser for it, in a call that holds the page's thread until
 * the answer comes; while an import writes to the library the answer is slow, and asked file
 * after file as workers take them it held the thread for a third of the time, with search
 * results and keys waiting behind. Asked here, between more urgent work, a file handed over
 * later is passed at once.
 */
export function warmFiles(files: readonly SourceFile[], signal?: AbortSignal): void {
  let next = 0;
  const step = () => {
    if (signal?.aborted) return;
    const until = performance.now() + STEP_MS;
    while (next < files.length && performance.now() < until) {
      const blob = files[next]?.blob;
      next += 1;
      if (blob) void blob.size;
    }
    if (next < files.length) whenIdle(step);
  };
  whenIdle(step);
}
