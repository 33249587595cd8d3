import { describe, expect, it } from 'vitest';
import {
  createChildGoneHandler,
  createCrashCounter,
  createMainErrorHandler,
  createRenderGoneHandler,
  focusExistingWindow,
  type FocusableWindow,
  type RenderGoneDeps,
} from './lifecycle';
import type { LogInput } from './log-file';

function setUp(answer: 'reload' | 'quit' = 'reload') {
  let time = 0;
  const state = { reloads: 0, quits: 0, destroyed: false, asked: [] as string[] };
  const logged: LogInput[] = [];
  const deps: RenderGoneDeps = {
    window: { isDestroyed: () => state.destroyed, reload: () => (state.reloads += 1) },
    log: (entry) => logged.push(entry),
    logFile: '/home/ana/.config/dossier/logs/dossier.log',
    counter: createCrashCounter({ windowMs: 60_000, now: () => time }),
    ask: async (message, detail) => {
      state.asked.push(`${message} | ${detail}`);
      return answer;
    },
    quit: () => (state.quits += 1),
  };
  return {
    state,
    logged,
    onGone: createRenderGoneHandler(deps),
    advance: (ms: number) => (time += ms),
  };
}

const crash = { reason: 'crashed', exitCode: 139 };

describe('render-process-gone', () => {
  it('reloads the window after a crash and logs why', async () => {
    const { state, logged, onGone } = setUp();
    await onGone(crash);
    expect(state.reloads).toBe(1);
    expect(state.asked).toEqual([]);
    expect(logged).toEqual([
      {
        level: 'error',
        source: 'main',
        message: 'The window’s page stopped (crashed)',
        context: { reason: 'crashed', exitCode: 139, crashesInLastMinute: 1 },
      },
    ]);
  });

  it('asks instead of reloading on the third crash in a minute, and reloads when told to', async () => {
    const { state, onGone, advance } = setUp('reload');
    await onGone(crash);
    advance(10_000);
    await onGone({ reason: 'oom', exitCode: 0 });
    advance(10_000);
    await onGone(crash);
    expect(state.reloads).toBe(3);
    expect(state.asked).toHaveLength(1);
    expect(state.asked[0]).toContain('stopped 3 times in the last minute');
    expect(state.asked[0]).toContain('/home/ana/.config/dossier/logs/dossier.log');
    // The count starts again after the user chose to reload.
    await onGone(crash);
    expect(state.asked).toHaveLength(1);
  });

  it('quits when the user chooses to', async () => {
    const { state, onGone } = setUp('quit');
    for (let index = 0; index < 3; index += 1) await onGone(crash);
    expect(state.reloads).toBe(2);
    expect(state.quits).toBe(1);
  });

  it('reloads again without asking when crashes are more than a minute apart', async () => {
    const { state, onGone, advance } = setUp();
    for (let index = 0; index < 5; index += 1) {
      await onGone(crash);
      advance(31_000);
    }
    expect(state.reloads).toBe(5);
    expect(state.asked).toEqual([]);
  });

  it('leaves closed windows and clean exits alone', async () => {
    const { state, logged, onGone } = setUp();
    await onGone({ reason: 'clean-exit', exitCode: 0 });
    expect(state.reloads).toBe(0);
    expect(logged[0]).toMatchObject({ level: 'info' });
    state.destroyed = true;
    await onGone(crash);
    expect(state.reloads).toBe(0);
  });
});

describe('child-process-gone', () => {
  it('logs a helper that died, not one that exited cleanly', () => {
    const logged: LogInput[] = [];
    const onGone = createChildGoneHandler((entry) => logged.push(entry));
    onGone({ type: 'GPU', reason: 'crashed', exitCode: 11 });
    onGone({
      type: 'Utility',
      reason: 'killed',
      exitCode: 9,
      serviceName: 'network.mojom.NetworkService',
      name: 'Network Service',
    });
    onGone({ type: 'Utility', reason: 'clean-exit', exitCode: 0 });
    expect(logged).toEqual([
      {
        level: 'warn',
        source: 'main',
        message: 'A GPU process stopped (crashed)',
        context: { type: 'GPU', reason: 'crashed', exitCode: 11 },
      },
      {
        level: 'error',
        source: 'main',
        message: 'A Utility process stopped (killed)',
        context: {
          type: 'Utility',
          reason: 'killed',
          exitCode: 9,
          serviceName: 'network.mojom.NetworkService',
          name: 'Network Service',
        },
      },
    ]);
  });
});

describe('errors in main', () => {
  it('logs every error with its stack and shows uncaught ones at most once a minute', () => {
    let time = 0;
    const logged: LogInput[] = [];
    const shown: string[] = [];
    const onError = createMainErrorHandler({
      log: (entry) => logged.push(entry),
      logFile: '/logs/dossier.log',
      showError: (title, content) => shown.push(`${title}: ${content}`),
      now: () => time,
    });
    onError(new TypeError('menu is undefined'), 'uncaughtException');
    onError(new Error('again'), 'uncaughtException');
    onError('a rejected string', 'unhandledRejection');
    time = 61_000;
    onError(new Error('later'), 'uncaughtException');

    expect(logged.map((entry) => entry.message)).toEqual([
      'uncaughtException: menu is undefined',
      'uncaughtException: again',
      'unhandledRejection: a rejected string',
      'uncaughtException: later',
    ]);
    expect(logged[0]?.context).toMatchObject({
      name: 'TypeError',
      stack: expect.stringContaining('TypeError: menu is undefined'),
    });
    expect(shown).toHaveLength(2);
    expect(shown[0]).toContain('menu is undefined');
    expect(shown[0]).toContain('/logs/dossier.log');
  });
});

describe('second instance', () => {
  function fakeWindow(minimized: boolean) {
    const calls: string[] = [];
    const window: FocusableWindow = {
      isDestroyed: () => false,
      isMinimized: () => minimized,
      restore: () => calls.push('restore'),
      show: () => calls.push('show'),
      focus: () => calls.push('focus'),
    };
    return { window, calls };
  }

  it('restores and focuses the window that is already open', () => {
    const minimized = fakeWindow(true);
    expect(focusExistingWindow(minimized.window)).toBe(true);
    expect(minimized.calls).toEqual(['restore', 'show', 'focus']);
    const open = fakeWindow(false);
    focusExistingWindow(open.window);
    expect(open.calls).toEqual(['show', 'focus']);
  });

  it('answers false when there is no window to focus', () => {
    expect(focusExistingWindow(undefined)).toBe(false);
    expect(focusExistingWindow({ ...fakeWindow(false).window, isDestroyed: () => true })).toBe(
      false,
    );
  });
});
