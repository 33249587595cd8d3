/*
 * Real faults for end-to-end tests, made from outside the app (nothing in the app's code
 * lets them in): IndexedDB refusing to read one table, as a damaged or locked database would.
 */

/** The sessionStorage key naming the object store whose reads fail. */
export const UNREADABLE_KEY = 'dossier-e2e-unreadable-store';

/** Reads of the object store named in sessionStorage throw, as from a damaged database. */
export function breakStoreReads() {
  const key = 'dossier-e2e-unreadable-store';
  const methods = ['get', 'getAll', 'getAllKeys', 'count', 'openCursor', 'openKeyCursor'] as const;
  const storeName = (target: IDBObjectStore | IDBIndex) =>
    target instanceof IDBIndex ? target.objectStore.name : target.name;
  for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype]) {
    for (const method of methods) {
      const original = (proto as unknown as Record<string, (...args: unknown[]) => unknown>)[
        method
      ];
      if (!original) continue;
      Object.defineProperty(proto, method, {
        configurable: true,
        writable: true,
        value(this: IDBObjectStore | IDBIndex, ...args: unknown[]) {
          if (sessionStorage.getItem(key) === storeName(this)) {
            throw new DOMException(`The ${storeName(this)} table cannot be read`, 'DataError');
          }
          return original.apply(this, args);
        },
      });
    }
  }
}
