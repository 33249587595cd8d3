/**
 * Which window runs an import. Each window holds a Web Lock named after it for as long as it
 * lives, so at start an import recorded as running whose window holds no lock is known to be
 * interrupted, while one that another open window (a second browser tab) is running is left
 * alone.
 */
const PREFIX = 'dossier-window-';

export const windowId: string = crypto.randomUUID();

let held: Promise<void> | null = null;

function locks(): LockManager | null {
  return typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : null;
}

/** Takes this window's lock (once); resolves when it is held. */
export function holdWindowLock(): Promise<void> {
  held ??= new Promise<void>((granted) => {
    const manager = locks();
    if (!manager) {
      granted();
      return;
    }
    // Never released: the browser lets it go when the window closes or its page dies.
    void manager.request(`${PREFIX}${windowId}`, () => {
      granted();
      return new Promise<never>(() => undefined);
    });
  });
  return held;
}

/** The windows open now (this one included), by id. */
export async function openWindows(): Promise<Set<string>> {
  const manager = locks();
  if (!manager) return new Set([windowId]);
  const { held: all = [] } = await manager.query();
  return new Set(
    all.flatMap((lock) => (lock.name?.startsWith(PREFIX) ? [lock.name.slice(PREFIX.length)] : [])),
  );
}
