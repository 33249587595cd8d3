import { stageRank, type ImportJob, type JournalPatch } from '../../db/import-journal';
import type { ListedFile } from '../../db/import-journal-repo';
import type { ImportRun } from '../../db/import-run';

/** Where an import's journal is kept (the app's is importJournalRepo). */
export interface JournalStore {
  /** Records the import; one it `replaces` (an interrupted one it completes) goes. */
  begin(job: ImportJob, files: readonly ListedFile[], replaces?: string): Promise<void>;
  advance(jobId: string, patches: ReadonlyMap<number, JournalPatch>): Promise<void>;
  finish(jobId: string, run: ImportRun): Promise<void>;
}

/** How long file stages gather before they are written: a few writes a second at most. */
const FLUSH_MS = 400;

/**
 * Writes file stages to the journal in batches: a file that moves through several stages
 * between two writes is written once, at its latest. Writes go one after another.
 */
export class JournalWriter {
  private pending = new Map<number, JournalPatch>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> = Promise.resolve();
  private failure: unknown = null;

  constructor(
    private readonly store: JournalStore,
    private readonly jobId: string,
    private readonly flushMs = FLUSH_MS,
  ) {}

  note(index: number, patch: JournalPatch): void {
    const before = this.pending.get(index);
    if (before && stageRank(before.stage) > stageRank(patch.stage)) return;
    this.pending.set(index, before ? { ...before, ...patch } : patch);
    this.timer ??= setTimeout(() => void this.flush(), this.flushMs);
  }

  /** Writes what is pending; resolves once every write so far is done. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = new Map();
    if (batch.size > 0) {
      // A failed write of stages is not the import's failure: the documents are stored
      // regardless, and the worst outcome is a vaguer report after a crash.
      this.writing = this.writing
        .then(() => this.store.advance(this.jobId, batch))
        .catch((error: unknown) => void (this.failure ??= error));
    }
    return this.writing;
  }

  /** The first write that failed, if any. */
  get error(): unknown {
    return this.failure;
  }
}
