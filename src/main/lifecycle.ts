import type { LogInput } from './log-file';

/**
 * What main does when something dies: the page's renderer process, a helper process, or main's
 * own code. Plain functions over small interfaces, so index.ts only wires Electron's events to
 * them and the tests drive them with fakes.
 */

export type Log = (entry: LogInput) => unknown;

/** Electron's RenderProcessGoneDetails / Details, reduced to what is logged and decided on. */
export interface GoneDetails {
  reason: string;
  exitCode: number;
  /** child-process-gone only: 'GPU', 'Utility', … */
  type?: string;
  serviceName?: string;
  name?: string;
}

/** Counts crashes in a sliding window, so a page that dies at every load is not reloaded forever. */
export function createCrashCounter(options: { windowMs: number; now?: () => number }): {
  record(): number;
  reset(): void;
} {
  const now = options.now ?? Date.now;
  let times: number[] = [];
  return {
    /** Records a crash and answers how many happened within the window, this one included. */
    record() {
      const time = now();
      times = [...times.filter((t) => time - t < options.windowMs), time];
      return times.length;
    },
    reset() {
      times = [];
    },
  };
}

export const CRASHES_BEFORE_ASKING = 3;
export const CRASH_WINDOW_MS = 60_000;

export interface RecoveryWindow {
  isDestroyed(): boolean;
  reload(): void;
}

export interface RenderGoneDeps {
  window: RecoveryWindow;
  log: Log;
  logFile: string;
  counter: { record(): number; reset(): void };
  /** Asks the user after repeated crashes; resolves to the button chosen. */
  ask(message: string, detail: string): Promise<'reload' | 'quit'>;
  quit(): void;
}

/**
 * render-process-gone: the page is reloaded from the app's files; the library lives in
 * IndexedDB on disk, so nothing the user stored is lost. After CRASHES_BEFORE_ASKING crashes in
 * a minute the user chooses instead of watching the window flicker.
 */
export function createRenderGoneHandler(
  deps: RenderGoneDeps,
): (details: GoneDetails) => Promise<void> {
  return async (details) => {
    if (deps.window.isDestroyed()) return;
    if (details.reason === 'clean-exit') {
      deps.log({ level: 'info', source: 'main', message: 'The window’s page exited cleanly' });
      return;
    }
    const crashes = deps.counter.record();
    deps.log({
      level: 'error',
      source: 'main',
      message: `The window’s page stopped (${details.reason})`,
      context: { reason: details.reason, exitCode: details.exitCode, crashesInLastMinute: crashes },
    });
    if (crashes < CRASHES_BEFORE_ASKING) {
      deps.window.reload();
      return;
    }
    const choice = await deps.ask(
      'The Dossier window keeps stopping',
      `It stopped ${crashes} times in the last minute (last reason: ${details.reason}). ` +
        `Your library is saved on disk. Details are in the log: ${deps.logFile}`,
    );
    if (deps.window.isDestroyed()) return;
    if (choice === 'quit') {
      deps.quit();
      return;
    }
    deps.counter.reset();
    deps.window.reload();
  };
}

/** child-process-gone: Chromium restarts its helpers itself; main keeps a record for bug reports. */
export function createChildGoneHandler(log: Log): (details: GoneDetails) => void {
  return (details) => {
    if (details.reason === 'clean-exit') return;
    const context: Record<string, string | number> = {
      type: details.type ?? 'unknown',
      reason: details.reason,
      exitCode: details.exitCode,
    };
    if (details.serviceName) context.serviceName = details.serviceName;
    if (details.name) context.name = details.name;
    log({
      level: details.type === 'GPU' ? 'warn' : 'error',
      source: 'main',
      message: `A ${details.type ?? 'helper'} process stopped (${details.reason})`,
      context,
    });
  };
}

function describeError(error: unknown): { message: string; name: string; stack: string } {
  if (error instanceof Error) {
    return { message: error.message, name: error.name, stack: error.stack ?? '' };
  }
  return { message: String(error), name: typeof error, stack: '' };
}

/**
 * uncaughtException / unhandledRejection in main: logged with their stack (main's own code, no
 * user text), and an uncaught exception is also shown, at most once a minute.
 */
export function createMainErrorHandler(deps: {
  log: Log;
  logFile: string;
  showError(title: string, content: string): void;
  now?: () => number;
}): (error: unknown, kind: 'uncaughtException' | 'unhandledRejection') => void {
  const now = deps.now ?? Date.now;
  let lastShown = -Infinity;
  return (error, kind) => {
    const { message, name, stack } = describeError(error);
    deps.log({
      level: 'error',
      source: 'main',
      message: `${kind}: ${message}`,
      context: { name, stack: stack.slice(0, 480) },
    });
    if (kind !== 'uncaughtException' || now() - lastShown < CRASH_WINDOW_MS) return;
    lastShown = now();
    deps.showError(
      'Dossier hit an error',
      `${message}\n\nYour library is saved. The error was written to the log: ${deps.logFile}`,
    );
  };
}

export interface FocusableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/**
 * second-instance: a second copy of the app quits (it never opens the same database) and the
 * first one comes to the front. Answers whether there was a window to focus.
 */
export function focusExistingWindow(window: FocusableWindow | undefined): boolean {
  if (!window || window.isDestroyed()) return false;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
  return true;
}
