import {
  appendFileSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  type Stats,
} from 'node:fs';
import { join } from 'node:path';
import {
  LogRecordSchema,
  MAX_LOG_CONTEXT_KEYS,
  MAX_LOG_CONTEXT_VALUE_CHARS,
  MAX_LOG_MESSAGE_CHARS,
  type LogContext,
  type LogEntry,
  type LogRecord,
} from '@core/ipc/contract';

/**
 * The desktop log: one JSON object per line in `<folder>/dossier.log`, rotated to dossier.log.1,
 * dossier.log.2 … when it passes maxBytes, so it never takes more than about keep × maxBytes.
 * Writes are synchronous on purpose: entries are rare (problems, not traffic), and an entry
 * written just before a crash must reach the disk. Logging never throws: a full disk or a
 * read-only folder must not turn one problem into two.
 */

export const LOG_FILE_NAME = 'dossier.log';
export const DEFAULT_LOG_MAX_BYTES = 1024 * 1024;
/** Files kept in all: the current one and keep - 1 older ones. */
export const DEFAULT_LOG_KEEP = 3;

export interface LogFileOptions {
  /** The folder holding the log files (created when missing). */
  dir: string;
  maxBytes?: number;
  keep?: number;
  now?: () => Date;
}

export interface LogInput extends LogEntry {
  source: LogRecord['source'];
}

export interface LogFile {
  readonly path: string;
  /** Appends one entry; false when it could not be written. */
  write(entry: LogInput): boolean;
  /** The last `limit` entries matching the filter, oldest first (current and rotated files). */
  recent(limit: number, filter?: (record: LogRecord) => boolean): LogRecord[];
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The entry as stored: lengths capped again here, since main writes entries of its own. */
function toRecord(entry: LogInput, time: Date): LogRecord {
  const record: LogRecord = {
    time: time.toISOString(),
    level: entry.level,
    source: entry.source,
    message: clip(entry.message || '(no message)', MAX_LOG_MESSAGE_CHARS),
  };
  if (entry.context) {
    const context: LogContext = {};
    for (const [key, value] of Object.entries(entry.context).slice(0, MAX_LOG_CONTEXT_KEYS)) {
      // defineProperty, so even a key such as __proto__ stays a plain value.
      Object.defineProperty(context, key, {
        value: typeof value === 'string' ? clip(value, MAX_LOG_CONTEXT_VALUE_CHARS) : value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    record.context = context;
  }
  return record;
}

function sizeOf(path: string): number {
  let info: Stats | undefined;
  try {
    info = statSync(path);
  } catch {
    return 0;
  }
  return info.size;
}

function parseLines(text: string): LogRecord[] {
  const records: LogRecord[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const parsed = LogRecordSchema.safeParse(JSON.parse(line));
      if (parsed.success) records.push(parsed.data);
    } catch {
      // A line cut short by a crash or edited by hand is skipped, not fatal.
    }
  }
  return records;
}

export function createLogFile(options: LogFileOptions): LogFile {
  const maxBytes = options.maxBytes ?? DEFAULT_LOG_MAX_BYTES;
  const keep = Math.max(1, options.keep ?? DEFAULT_LOG_KEEP);
  const now = options.now ?? (() => new Date());
  const path = join(options.dir, LOG_FILE_NAME);
  const rotated = (index: number) => (index === 0 ? path : `${path}.${index}`);
  let reportedFailure = false;

  function rotate(): void {
    rmSync(rotated(keep - 1), { force: true });
    for (let index = keep - 2; index >= 0; index -= 1) {
      try {
        renameSync(rotated(index), rotated(index + 1));
      } catch {
        // A missing older file is normal until the log has rotated keep times.
      }
    }
  }

  return {
    path,
    write(entry) {
      try {
        const line = `${JSON.stringify(toRecord(entry, now()))}\n`;
        mkdirSync(options.dir, { recursive: true });
        const size = sizeOf(path);
        if (size > 0 && size + Buffer.byteLength(line) > maxBytes) {
          if (keep === 1) rmSync(path, { force: true });
          else rotate();
        }
        appendFileSync(path, line, { encoding: 'utf8', mode: 0o600 });
        return true;
      } catch (error) {
        // Said once on the console: a log that cannot be written has nowhere else to say it.
        if (!reportedFailure) console.error(`Dossier: cannot write the log at ${path}:`, error);
        reportedFailure = true;
        return false;
      }
    },
    recent(limit, filter = () => true) {
      const found: LogRecord[] = [];
      for (let index = 0; index < keep && found.length < limit; index += 1) {
        let text: string;
        try {
          text = readFileSync(rotated(index), 'utf8');
        } catch {
          break;
        }
        const matching = parseLines(text).filter(filter);
        found.unshift(...matching.slice(Math.max(0, matching.length - (limit - found.length))));
      }
      return found;
    },
  };
}

/**
 * Caps how many entries an untrusted writer (the page) gets in per window of time. Entries past
 * the cap are dropped and counted; the next entry let through says how many were dropped.
 */
export function createRateLimitedLog(
  log: Pick<LogFile, 'write'>,
  options: { max: number; windowMs: number; now?: () => number },
): (entry: LogInput) => boolean {
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
