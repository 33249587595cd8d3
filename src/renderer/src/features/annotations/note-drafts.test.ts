import { beforeEach, describe, expect, it } from 'vitest';
import { keepNoteDraft, noteDrafts, saveLeftDrafts } from './note-drafts';

/** The page's localStorage, as a map (Node has none). */
class MemoryStorage {
  private items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

beforeEach(() => {
  Object.assign(globalThis, { localStorage: new MemoryStorage() });
});

describe('notes being typed', () => {
  it('are kept at each keystroke, and dropped when typed back to the stored note', () => {
    keepNoteDraft('a1', 'Promised in 2008', '');
    keepNoteDraft('a2', 'x', 'x');
    expect(noteDrafts()).toEqual({ a1: { note: 'Promised in 2008', base: '' } });
    keepNoteDraft('a1', '', '');
    expect(noteDrafts()).toEqual({});
  });

  it('are saved at the next start over the note they began from, and only there', async () => {
    keepNoteDraft('a1', 'Promised in 2008, repeated in 2012', 'Promised in 2008');
    keepNoteDraft('a2', 'typed over an older note', 'old');
    keepNoteDraft('gone', 'typed on an annotation since deleted', '');
    const stored = new Map([
      ['a1', { note: 'Promised in 2008' }],
      // Edited elsewhere (an import of annotations) since: the draft would undo that.
      ['a2', { note: 'newer' }],
    ]);
    const saved: [string, string][] = [];
    const count = await saveLeftDrafts(
      async (id) => stored.get(id),
      async (id, note) => saved.push([id, note]),
    );
    expect(count).toBe(1);
    expect(saved).toEqual([['a1', 'Promised in 2008, repeated in 2012']]);
    expect(noteDrafts()).toEqual({});
  });

  it('survive a damaged entry in storage', async () => {
    localStorage.setItem('dossier.note-drafts', '{not json');
    expect(noteDrafts()).toEqual({});
    localStorage.setItem('dossier.note-drafts', JSON.stringify({ a1: { base: '' } }));
    expect(
      await saveLeftDrafts(
        async () => ({ note: '' }),
        async () => undefined,
      ),
    ).toBe(0);
  });
});
