import { createStore } from './store';

export interface Notice {
  id: number;
  text: string;
  /** A button beside the text, such as Undo. */
  action?: { label: string; run: () => void };
}

let next = 1;

/** Messages for the analyst, shown one line each under the navigation. */
export const noticesStore = createStore<Notice[]>([]);

/** How long a message stays: long enough to read, or to press its button. */
const SHOWN_MS = 10_000;
const SHOWN_WITH_ACTION_MS = 30_000;

export function notify(text: string, action?: Notice['action']): number {
  const id = next++;
  noticesStore.set((list) => [...list.slice(-2), { id, text, action }]);
  setTimeout(() => dismissNotice(id), action ? SHOWN_WITH_ACTION_MS : SHOWN_MS);
  return id;
}

export function dismissNotice(id: number): void {
  noticesStore.set((list) => list.filter((n) => n.id !== id));
}
