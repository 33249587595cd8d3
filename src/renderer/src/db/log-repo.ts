import Dexie, { type EntityTable } from 'dexie';
import type { LogRecord } from '@core/ipc/contract';
import { LogRecordSchema } from '@core/ipc/contract';

/** The web app's log keeps this many entries; older ones are dropped as new ones come. */
export const LOG_KEEP = 1000;

interface StoredLogRecord extends LogRecord {
  seq?: number;
}

/**
 * The web app's log, in a database of its own (`dossier-log`): an error that keeps the
 * library's database from opening, or a migration that fails, can still be written down.
 */
export class LogDb extends Dexie {
  entries!: EntityTable<StoredLogRecord, 'seq'>;

  constructor(name = 'dossier-log') {
    super(name);
    this.version(1).stores({ entries: '++seq' });
  }
}

let instance: LogDb | null = null;

export function logDb(): LogDb {
  instance ??= new LogDb();
  return instance;
}

export function logRepo(database: LogDb = logDb()) {
  return {
    /** Adds an entry and drops the oldest beyond `keep`, in one transaction. */
    async append(record: LogRecord, keep = LOG_KEEP): Promise<void> {
      await database.transaction('rw', database.entries, async () => {
        await database.entries.add({ ...record });
        const extra = (await database.entries.count()) - keep;
        if (extra > 0) await database.entries.orderBy('seq').limit(extra).delete();
      });
    },
    /** The last `limit` entries that pass the filter, oldest first; a damaged entry is left out. */
    async recent(limit: number, filter: (r: LogRecord) => boolean = () => true) {
      const found: LogRecord[] = [];
      await database.entries
        .orderBy('seq')
        .reverse()
        .until(() => found.length >= limit)
        .each((stored) => {
          const parsed = LogRecordSchema.safeParse(stored);
          if (parsed.success && filter(parsed.data)) found.push(parsed.data);
        });
      return found.reverse();
    },
    count(): Promise<number> {
      return database.entries.count();
    },
  };
}
