import type { FacetFilters } from '@core/search/query/facets';
import { onAnnotationsChanged } from '../../db/annotations-repo';
import { createIndexClient } from '../../workers/clients';
import { QueryGate } from './query-gate';
import type { SearchAnswer } from './search-engine';

export interface IndexStatus {
  state: 'loading' | 'indexing' | 'ready' | 'error';
  docCount: number;
  /** Grows with each change to the annotations: a search shown is asked again. */
  annotationChanges: number;
  message?: string;
  /** At start the saved index did not match the library and was rebuilt from it. */
  repaired?: boolean;
}

type Listener = (status: IndexStatus) => void;

/**
 * The page's handle on the search index, which lives in the index worker: loaded at start,
 * then brought in step with the library (indexing only what no longer matches), updated
 * after imports and edits, and queried. Queries wait for the saved index to load, never for an
 * update: meanwhile they are answered from what is indexed so far.
 */
class SearchService {
  private client = createIndexClient();
  private status: IndexStatus = { state: 'loading', docCount: 0, annotationChanges: 0 };
  private readonly listeners = new Set<Listener>();
  private ready: Promise<void> | null = null;
  private rebuilding: Promise<void> | null = null;
  private rebuildAgain = false;
  private repaired = false;
  private readonly gate = new QueryGate();

  constructor() {
    // The index worker keeps the annotations' tags for filters and facets. It hears of each
    // change (made here or in another window) as it commits, before any later query on the
    // same channel, and a search on screen is asked again.
    onAnnotationsChanged(() => {
      void this.client.request({ type: 'annotations-changed' }).catch(() => undefined);
      this.publish({ ...this.status, annotationChanges: this.status.annotationChanges + 1 });
    });
  }

  start(): Promise<void> {
    if (!this.ready) {
      this.ready = this.track(async () => {
        const loaded = await this.client.request({ type: 'load' });
        if (loaded.type !== 'ready') throw new Error('index worker answered out of turn');
        this.repaired = loaded.repaired === true;
        this.setStatus({ state: 'ready', docCount: loaded.docCount });
      });
      void this.ready.then(() => this.rebuild());
    }
    return this.ready;
  }

  /**
   * Indexes what changed in the library; calls during an update coalesce into one more.
   * The status says "indexing" only once the index worker finds work, and its count grows
   * as segments arrive, so a search shown is asked again as the index fills.
   */
  rebuild(): Promise<void> {
    if (this.rebuilding) {
      this.rebuildAgain = true;
      return this.rebuilding;
    }
    this.rebuilding = this.track(async () => {
      await this.start();
      do {
        this.rebuildAgain = false;
        const built = await this.client.request({ type: 'rebuild' }, [], (progress) =>
          this.setStatus({ state: 'indexing', docCount: progress.docCount }),
        );
        if (built.type === 'ready') this.setStatus({ state: 'ready', docCount: built.docCount });
      } while (this.rebuildAgain);
    }).finally(() => {
      this.rebuilding = null;
    });
    return this.rebuilding;
  }

  /** One page of results: the best ones after the first `offset`, at least `shown` of them. */
  async query(query: string, filters?: FacetFilters, offset = 0, shown = 0): Promise<SearchAnswer> {
    await this.start();
    const reply = await this.gate.run(() =>
      this.client.request({ type: 'query', query, filters, offset, shown }),
    );
    if (reply.type !== 'answer') throw new Error('index worker answered out of turn');
    return reply.answer;
  }

  /** Resolves once no query is being answered (or after a short wait): an import's turn. */
  whenQueriesAnswered(): Promise<void> {
    return this.gate.whenClear();
  }

  getStatus(): IndexStatus {
    return this.status;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async track(task: () => Promise<void>): Promise<void> {
    try {
      await task();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.setStatus({ state: 'error', docCount: this.status.docCount, message });
    }
  }

  private setStatus(status: Omit<IndexStatus, 'annotationChanges'>) {
    this.publish({ ...status, annotationChanges: this.status.annotationChanges });
  }

  private publish(status: IndexStatus) {
    // Once the saved index was found out of step and rebuilt, every status says so.
    this.status = this.repaired ? { ...status, repaired: true } : status;
    for (const listener of this.listeners) listener(this.status);
  }
}

export const searchService = new SearchService();
