/** The longest an import waits for queries before it goes on regardless. */
export const MAX_WAIT_MS = 250;

/**
 * Counts the queries being answered, so that an import can let them go first: it hands out no
 * new file while one is answered (up to MAX_WAIT_MS, so a stream of queries never stops it).
 * The files already with the workers go on; what the query gains is the share of the cores
 * and of the page's thread that new files would have taken.
 */
export class QueryGate {
  private running = 0;
  private waiting: (() => void)[] = [];

  constructor(private readonly maxWaitMs = MAX_WAIT_MS) {}

  /** Runs one query; the gate opens once it is answered and its answer had a turn to be drawn. */
  async run<T>(query: () => Promise<T>): Promise<T> {
    this.running += 1;
    try {
      return await query();
    } finally {
      // The results are drawn in a task queued as the answer arrives: let that go first.
      setTimeout(() => {
        this.running -= 1;
        if (this.running === 0) for (const open of this.waiting.splice(0)) open();
      }, 0);
    }
  }

  /** Resolves once no query is being answered, or after the longest wait. */
  whenClear(): Promise<void> {
    if (this.running === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, this.maxWaitMs);
      this.waiting.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
