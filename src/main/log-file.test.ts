import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LogRecordSchema, MAX_LOG_MESSAGE_CHARS } from '@core/ipc/contract';
import { createLogFile, createRateLimitedLog, LOG_FILE_NAME } from './log-file';

let dir: string;
const fixedNow = () => new Date('2016-04-11T09:30:00.000Z');

beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'dossier-log-')), 'logs');
});

afterEach(() => {
  rmSync(join(dir, '..'), { recursive: true, force: true });
});

function lines(name = LOG_FILE_NAME): unknown[] {
  return readFileSync(join(dir, name), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as unknown);
}

describe('createLogFile', () => {
  it('creates the folder and appends one JSON line per entry', () => {
    const log = createLogFile({ dir, now: fixedNow });
    expect(log.path).toBe(join(dir, 'dossier.log'));
    expect(log.write({ level: 'error', source: 'renderer', message: 'Import failed' })).toBe(true);
    log.write({
      level: 'warn',
      source: 'main',
      message: 'second\nline',
      context: { extension: 'pdf', pages: 3, encrypted: true, reason: null },
    });
    expect(lines()).toEqual([
      {
        time: '2016-04-11T09:30:00.000Z',
        level: 'error',
        source: 'renderer',
        message: 'Import failed',
      },
      {
        time: '2016-04-11T09:30:00.000Z',
        level: 'warn',
        source: 'main',
        message: 'second\nline',
        context: { extension: 'pdf', pages: 3, encrypted: true, reason: null },
      },
    ]);
    for (const line of lines()) expect(LogRecordSchema.safeParse(line).success).toBe(true);
  });

  it('rotates past the size limit and keeps three files in all', () => {
    const log = createLogFile({ dir, maxBytes: 1000, keep: 3, now: fixedNow });
    for (let index = 0; index < 60; index += 1) {
      log.write({ level: 'info', source: 'main', message: `entry ${index} ${'x'.repeat(80)}` });
    }
    expect(readdirSync(dir).sort()).toEqual(['dossier.log', 'dossier.log.1', 'dossier.log.2']);
    for (const name of readdirSync(dir))
      expect(statSync(join(dir, name)).size).toBeLessThanOrEqual(1000);
    // Newest entries in the current file, the ones before them in .1, then .2.
    const newest = lines().at(-1) as { message: string };
    expect(newest.message).toMatch(/^entry 59 /);
    const previous = lines('dossier.log.1').at(-1) as { message: string };
    const firstCurrent = lines().at(0) as { message: string };
    expect(Number(previous.message.split(' ')[1]) + 1).toBe(
      Number(firstCurrent.message.split(' ')[1]),
    );
  });

  it('caps the message and context values of entries main writes itself', () => {
    const log = createLogFile({ dir, now: fixedNow });
    const context: Record<string, string> = {};
    for (let index = 0; index < 40; index += 1) context[`key${index}`] = 'v'.repeat(5000);
    log.write({ level: 'error', source: 'main', message: 'm'.repeat(100_000), context });
    const [record] = lines() as { message: string; context: Record<string, string> }[];
    expect(record?.message.length).toBe(MAX_LOG_MESSAGE_CHARS);
    expect(Object.keys(record?.context ?? {})).toHaveLength(20);
    expect(Object.values(record?.context ?? {}).every((value) => value.length <= 500)).toBe(true);
  });

  it('keeps a __proto__ key as plain data', () => {
    const log = createLogFile({ dir, now: fixedNow });
    const context = JSON.parse('{"__proto__": "polluted", "ok": 1}') as Record<string, string>;
    log.write({ level: 'warn', source: 'renderer', message: 'hostile', context });
    expect(readFileSync(log.path, 'utf8')).toContain('"__proto__":"polluted"');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers false instead of throwing when the folder cannot be made', () => {
    // A file where the folder should be fails for every user, root included.
    const inTheWay = join(dir, '..', 'in-the-way');
    writeFileSync(inTheWay, 'not a folder');
    const log = createLogFile({ dir: join(inTheWay, 'logs') });
    expect(log.write({ level: 'error', source: 'main', message: 'lost' })).toBe(false);
    expect(log.recent(5)).toEqual([]);
  });

  it('reads back the last entries across rotated files, skipping damaged lines', () => {
    const log = createLogFile({ dir, maxBytes: 400, keep: 3, now: fixedNow });
    for (let index = 0; index < 12; index += 1) {
      log.write({ level: index % 2 ? 'error' : 'info', source: 'main', message: `entry ${index}` });
    }
    const recent = log.recent(4, (record) => record.level === 'error');
    expect(recent.map((record) => record.message)).toEqual([
      'entry 5',
      'entry 7',
      'entry 9',
      'entry 11',
    ]);
    expect(createLogFile({ dir: join(dir, 'none') }).recent(10)).toEqual([]);
  });
});

describe('createRateLimitedLog', () => {
  it('lets max entries through per window and then says how many were dropped', () => {
    let time = 0;
    const written: unknown[] = [];
    const write = createRateLimitedLog(
      { write: (entry) => written.push(entry) > 0 },
      { max: 2, windowMs: 60_000, now: () => time },
    );
    const entry = { level: 'warn' as const, source: 'renderer' as const, message: 'loop' };
    expect([write(entry), write(entry), write(entry), write(entry)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    time = 60_000;
    expect(write({ ...entry, context: { view: 'reader' } })).toBe(true);
    expect(written).toHaveLength(3);
    expect(written[2]).toMatchObject({ context: { droppedBefore: 2, view: 'reader' } });
  });
});
