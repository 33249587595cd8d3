import { corpusFingerprint, type SearchOutcome } from '@core/search';
import { documentsRepo } from '../../db/documents-repo';
import { searchIndexRepo } from '../../db/search-index-repo';
import { createIndexClient } from '../../workers/clients';

export interface IndexStatus {
  state: 'loading' | 'indexing' | 'ready' | 'error';
  docCount: number;
  message?: string;
}

export interface QueryAnswer {
  outcome: SearchOutcome;
  tookMs: number;
}

type Listener = (status: IndexStatus) => void;

/**
 * Owns the search index: loads the saved index at start (rebuilding only when it no longer
 * matches the library), rebuilds in the index worker after imports, and answers queries.
 */
class SearchService {
  private client = createIndexClient();
  private status: IndexStatus = { state: 'loading', docCount: 0 };
  private readonly listeners = new Set<Listener>();
  private ready: Promise<void> | null = null;
  private rebuilding: Promise<void> | null = null;
  private rebuildAgain = false;

  start(): Promise<void> {
    this.ready ??= this.loadOrRebuild();
    return this.ready;
  }

  private async loadOrRebuild(): Promise<void> {
    try {
      const [saved, ids] = await Promise.all([searchIndexRepo().load(), documentsRepo().ids()]);
      if (saved && saved.fingerprint === corpusFingerprint(ids)) {
        await this.client.request({ type: 'load', json: saved.json });
        this.setStatus({ state: 'ready', docCount: ids.length });
        return;
      }
      await this.rebuild();
    } catch (error) {
      this.fail(error);
    }
  }

  /** Rebuilds from the library; calls made while a rebuild runs coalesce into one more. */
  rebuild(): Promise<void> {
    if (this.rebuilding) {
      this.rebuildAgain = true;
      return this.rebuilding;
    }
    this.rebuilding = (async () => {
      try {
        do {
          this.rebuildAgain = false;
          this.setStatus({ state: 'indexing', docCount: this.status.docCount });
          const corpus = await searchIndexRepo().corpus();
          const built = await this.client.request({ type: 'build', docs: corpus });
          if (built.type !== 'built') throw new Error('index worker answered out of turn');
          await searchIndexRepo().save(built.json, corpusFingerprint(corpus.map((d) => d.id)));
          this.setStatus({ state: 'ready', docCount: built.docCount });
        } while (this.rebuildAgain);
      } catch (error) {
        this.fail(error);
      } finally {
        this.rebuilding = null;
      }
    })();
    return this.rebuilding;
  }

  async query(query: string): Promise<QueryAnswer> {
    await this.start();
    const answer = await this.client.request({ type: 'query', query });
    if (answer.type !== 'results') throw new Error('index worker answered out of turn');
    return { outcome: answer.outcome, tookMs: answer.tookMs };
  }

  getStatus(): IndexStatus {
    return this.status;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private fail(error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    this.setStatus({ state: 'error', docCount: this.status.docCount, message });
  }

  private setStatus(status: IndexStatus) {
    this.status = status;
    for (const listener of this.listeners) listener(status);
  }
}

export const searchService = new SearchService();
