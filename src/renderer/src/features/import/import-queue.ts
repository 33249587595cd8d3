import { encodingLabel } from '@core/ingest/encodings';
import type { ImportRun } from '../../db/import-run';

/** An import waiting its turn or running, with the words that tell the analyst which it is. */
export interface QueuedImport<R> {
  id: number;
  request: R;
  label: string;
}

export interface QueueState<R> {
  running: QueuedImport<R> | null;
  waiting: readonly QueuedImport<R>[];
}

interface Entry<R, T> extends QueuedImport<R> {
  resolve: (value: T | null) => void;
  reject: (error: unknown) => void;
}

/**
 * Imports one at a time, in the order they were asked for: an import asked for while another
 * runs waits for it rather than being dropped. No React, no database: `run` does the work.
 */
export class ImportQueue<R, T> {
  private nextId = 1;
  private running: (Entry<R, T> & { controller: AbortController }) | null = null;
  private waiting: Entry<R, T>[] = [];

  constructor(
    private readonly run: (request: R, signal: AbortSignal) => Promise<T>,
    private readonly onChange: (state: QueueState<R>) => void = () => undefined,
  ) {}

  /** True when nothing runs and nothing waits. */
  get idle(): boolean {
    return this.running === null && this.waiting.length === 0;
  }

  /**
   * Queues an import; resolves with its result once it has run, or with null if it was
   * cancelled before its turn. Rejects if the import itself fails.
   */
  add(request: R, label: string): Promise<T | null> {
    return new Promise<T | null>((resolve, reject) => {
      this.waiting.push({ id: this.nextId++, request, label, resolve, reject });
      this.advance();
    });
  }

  /** Stops the running import (it keeps what it finished); the next one then starts. */
  cancelRunning(): void {
    this.running?.controller.abort();
  }

  /** Takes one waiting import off the queue, or all of them when no id is given. */
  cancelWaiting(id?: number): void {
    const dropped = this.waiting.filter((entry) => id === undefined || entry.id === id);
    if (dropped.length === 0) return;
    this.waiting = this.waiting.filter((entry) => !dropped.includes(entry));
    for (const entry of dropped) entry.resolve(null);
    this.notify();
  }

  state(): QueueState<R> {
    const plain = ({ id, request, label }: QueuedImport<R>) => ({ id, request, label });
    return {
      running: this.running ? plain(this.running) : null,
      waiting: this.waiting.map(plain),
    };
  }

  private advance(): void {
    if (this.running) {
      this.notify();
      return;
    }
    const entry = this.waiting.shift();
    if (!entry) {
      this.notify();
      return;
    }
    const running = { ...entry, controller: new AbortController() };
    this.running = running;
    this.notify();
    // The next import starts only once this one has settled, however it ends.
    this.run(entry.request, running.controller.signal)
      .then(entry.resolve, entry.reject)
      .finally(() => {
        this.running = null;
        this.advance();
      });
  }

  private notify(): void {
    this.onChange(this.state());
  }
}

/** What the progress panel calls a queued import. */
export interface ImportDescription {
  files: readonly { name: string; relativePath: string }[];
  origin: ImportRun['origin'];
  versionOf?: string;
  password?: string;
  encoding?: string;
  /** Set when the import completes an interrupted one. */
  resume?: unknown;
}

/** "the sample collection", "folder “reports” (120 files)", "a.txt read as Shift_JIS"… */
export function describeImport({
  files,
  origin,
  versionOf,
  password,
  encoding,
  resume,
}: ImportDescription): string {
  const first = files[0];
  if (resume !== undefined) {
    return `the rest of the interrupted import (${files.length} file${files.length === 1 ? '' : 's'})`;
  }
  const count = `${files.length} file${files.length === 1 ? '' : 's'}`;
  if (!first) return 'no files';
  if (encoding !== undefined) return `${first.name} read as ${encodingLabel(encoding)}`;
  if (versionOf !== undefined) return `new version from ${first.name}`;
  if (password !== undefined) return `${first.name} with its password`;
  if (origin === 'samples') return 'the sample collection';
  if (files.length === 1) return first.name;
  if (origin === 'folder') {
    const folder = first.relativePath.split('/')[0] ?? first.name;
    return `folder “${folder}” (${count})`;
  }
  const names = files.slice(0, 2).map((f) => f.name);
  return `${count}: ${names.join(', ')}${files.length > 2 ? ', …' : ''}`;
}
