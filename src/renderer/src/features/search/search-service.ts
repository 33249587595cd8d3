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
 * The page's handle on the search index, which lives in the index worker: loaded at start,
 * then brought in step with the library (only when it no longer matches), updated after
 * imports and edits, and queried. Queries wait for the saved index to load, never for an
 * update: meanwhile they are answered from what is indexed so far.
 */
class SearchService {
  private client = createIndexClient();
  private status: IndexStatus = { state: 'loading', docCount: 0 };
  private readonly listeners = new Set<Listener>();
  private ready: Promise<void> | null = null;
  private rebuilding: Promise<void> | null = null;
  private rebuildAgain = false;

  start(): Promise<void> {
    if (!this.ready) {
      let stale = false;
      this.ready = this.track(async () => {
        const loaded = await this.client.request({ type: 'load' });
        if (loaded.type !== 'loaded') throw new Error('index worker answered out of turn');
        stale = loaded.stale;
        this.setStatus({ state: stale ? 'indexing' : 'ready', docCount: loaded.docCount });
      });
      // Said "Indexing…" only when there is something to index; the check runs either way.
      void this.ready.then(() => this.update(stale));
    }
    return this.ready;
  }

  /** Indexes what changed in the library; calls during an update coalesce into one more. */
  rebuild(): Promise<void> {
    return this.update(true);
  }

  private update(announce: boolean): Promise<void> {
    if (this.rebuilding) {
      this.rebuildAgain = true;
      return this.rebuilding;
    }
    this.rebuilding = this.track(async () => {
      await this.start();
      let show = announce;
      do {
        this.rebuildAgain = false;
        if (show) this.setStatus({ state: 'indexing', docCount: this.status.docCount });
        const built = await this.client.request({ type: 'rebuild' });
        if (built.type === 'ready') this.setStatus({ state: 'ready', docCount: built.docCount });
        show = true;
      } while (this.rebuildAgain);
    }).finally(() => {
      this.rebuilding = null;
    });
    return this.rebuilding;
  }

  async query(query: string, filters?: FacetFilters): Promise<SearchAnswer> {
    await this.start();
    const reply = await this.client.request({ type: 'query', query, filters });
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
