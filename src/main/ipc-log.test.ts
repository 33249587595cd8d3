import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appEvent, createHandlerTestKit, type HandlerTestKit } from './handler-test-kit';
import { createHandlers, PAGE_LOG_ENTRIES_PER_MINUTE } from './ipc-handlers';

let kit: HandlerTestKit;

beforeEach(async () => {
  kit = await createHandlerTestKit();
});

afterEach(async () => {
  await kit.dispose();
});

async function logLines(): Promise<Record<string, unknown>[]> {
  const text = await readFile(kit.deps.log.path, 'utf8');
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('log:write', () => {
  it('appends the page’s entry to the log file, marked as coming from the page', async () => {
    const handlers = createHandlers(kit.deps);
    const result = await handlers['log:write'](appEvent, {
      level: 'error',
      message: 'Import failed: damaged PDF',
      context: { extension: 'pdf', files: 12 },
      source: 'main', // a page cannot pass itself off as main
    });
    expect(result).toEqual({ ok: true, value: { written: true } });
    expect(await logLines()).toEqual([
      {
        time: expect.any(String),
        level: 'error',
        source: 'renderer',
        message: 'Import failed: damaged PDF',
        context: { extension: 'pdf', files: 12 },
      },
    ]);
  });

  it('refuses entries that are too long, have odd keys or carry objects', async () => {
    const handlers = createHandlers(kit.deps);
    for (const raw of [
      { level: 'error', message: 'x'.repeat(2001) },
      { level: 'fatal', message: 'x' },
      { level: 'info', message: '' },
      { level: 'info', message: 'x', context: { constructor: 'x' } },
      { level: 'info', message: 'x', context: { 'has space': 'x' } },
      { level: 'info', message: 'x', context: { note: { text: 'nested' } } },
      { level: 'info', message: 'x', context: { text: 'y'.repeat(501) } },
    ]) {
      expect(await handlers['log:write'](appEvent, raw)).toMatchObject({
        ok: false,
        error: /^invalid request/,
      });
    }
  });

  it('drops a __proto__ key instead of giving the context a prototype', async () => {
    const handlers = createHandlers(kit.deps);
    const context = JSON.parse('{"__proto__": {"polluted": true}, "view": "reader"}') as unknown;
    expect(await handlers['log:write'](appEvent, { level: 'info', message: 'x', context })).toEqual(
      {
        ok: true,
        value: { written: true },
      },
    );
    expect((await logLines())[0]).toMatchObject({ context: { view: 'reader' } });
    expect(Object.keys((await logLines())[0]?.context ?? {})).toEqual(['view']);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('writes at most a minute’s budget of entries the page causes', async () => {
    let time = 0;
    const handlers = createHandlers({ ...kit.deps, now: () => time });
    const entry = { level: 'warn', message: 'render loop' };
    const results = [];
    for (let index = 0; index < PAGE_LOG_ENTRIES_PER_MINUTE + 5; index += 1) {
      results.push(await handlers['log:write'](appEvent, entry));
    }
    expect(results.filter((r) => r.ok && r.value.written)).toHaveLength(
      PAGE_LOG_ENTRIES_PER_MINUTE,
    );
    time = 60_000;
    expect(await handlers['log:write'](appEvent, entry)).toEqual({
      ok: true,
      value: { written: true },
    });
    expect((await logLines()).at(-1)).toMatchObject({ context: { droppedBefore: 5 } });
  });
});

describe('app:diagnostics', () => {
  it('answers versions, platform, the log file and recent problems, not notes', async () => {
    const handlers = createHandlers(kit.deps);
    await handlers['log:write'](appEvent, { level: 'info', message: 'Library opened' });
    await handlers['import:read'](appEvent, { id: 'never-handed-out' });
    const result = await handlers['app:diagnostics'](appEvent, {});
    if (!result.ok) throw new Error(result.error);
    expect(result.value).toMatchObject({
      appVersion: '0.1.0',
      versions: { electron: '45.4.1', chrome: '142.0.0.0', node: '22.20.0' },
      platform: 'linux',
      arch: 'x64',
      logFile: kit.deps.log.path,
    });
    expect(result.value.recentProblems).toEqual([
      {
        time: expect.any(String),
        level: 'warn',
        source: 'main',
        message: 'IPC import:read: Unknown file id: import the file again',
      },
    ]);
  });
});
