import type { FacetFilters } from '@core/search/query/facets';
import { createIndexClient } from '../../workers/clients';
import type { SearchAnswer } from './search-engine';

export interface IndexStatus {
  state: 'loading' | 'indexing' | 'ready' | 'error';
  docCount: number;
  message?: string;
}

type Listener = (status: IndexStatus) => void;

/**
 * The page's handle on the search index, which lives in the index worker: opened at start
 * (the saved index is loaded, and rebuilt only when it no longer matches the library),
 * rebuilt after imports and edits, and queried. Queries wait for the index to be ready.
 */
class SearchService {
  private client = createIndexClient();
  private status: IndexStatus = { state: 'loading', docCount: 0 };
  private readonly listeners = new Set<Listener>();
  private ready: Promise<void> | null = null;
  private rebuilding: Promise<void> | null = null;
  private rebuildAgain = false;

  start(): Promise<void> {
    this.ready ??= this.track(async () => {
      const opened = await this.client.request({ type: 'open' });
      if (opened.type === 'ready') this.setStatus({ state: 'ready', docCount: opened.docCount });
    });
    return this.ready;
  }

  /** Rebuilds from the library; calls made while a rebuild runs coalesce into one more. */
  rebuild(): Promise<void> {
    if (this.rebuilding) {
      this.rebuildAgain = true;
      return this.rebuilding;
    }
    this.rebuilding = this.track(async () => {
      await this.start();
      do {
        this.rebuildAgain = false;
        this.setStatus({ state: 'indexing', docCount: this.status.docCount });
        const built = await this.client.request({ type: 'rebuild' });
        if (built.type === 'ready') this.setStatus({ state: 'ready', docCount: built.docCount });
      } while (this.rebuildAgain);
    }).finally(() => {
      this.rebuilding = null;
    });
    return this.rebuilding;
  }

  /** One page of results: the best ones after the first `offset`. */
  async query(query: string, filters?: FacetFilters, offset = 0): Promise<SearchAnswer> {
    await this.start();
    const reply = await this.client.request({ type: 'query', query, filters, offset });
    if (reply.type !== 'answer') throw new Error('index worker answered out of turn');
    return reply.answer;
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

  private setStatus(status: IndexStatus) {
    this.status = status;
    for (const listener of this.listeners) listener(status);
  }
}

export const searchService = new SearchService();
