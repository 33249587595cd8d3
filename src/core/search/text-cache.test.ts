import { describe, expect, it } from 'vitest';
import { TextCache } from './text-cache';

const text = (n: number, ch = 'a') => ({ text: ch.repeat(n) });

describe('TextCache', () => {
  it('answers a text only for the version it was kept for', () => {
    const cache = new TextCache(100);
    cache.set('a', 'v1', text(10));
    expect(cache.get('a', 'v1')?.text).toBe('a'.repeat(10));
    expect(cache.get('a', 'v2')).toBeUndefined();
    // An outdated text is gone, not kept beside the next version.
    expect(cache.has('a')).toBe(false);
    expect(cache.size).toBe(0);
  });

  it('lets the least recently used texts go once past its bound', () => {
    const cache = new TextCache(30);
    cache.set('a', 'v', text(10));
    cache.set('b', 'v', text(10));
    cache.set('c', 'v', text(10));
    expect(cache.get('a', 'v')).toBeDefined(); // a is now the most recently used
    cache.set('d', 'v', text(10));
    expect(cache.has('b')).toBe(false);
    expect(['a', 'c', 'd'].every((id) => cache.has(id))).toBe(true);
    expect(cache.size).toBe(30);
  });

  it('replaces a text kept under the same id and never keeps one larger than its bound', () => {
    const cache = new TextCache(30);
    cache.set('a', 'v1', text(10));
    cache.set('a', 'v2', text(20, 'b'));
    expect(cache.size).toBe(20);
    expect(cache.get('a', 'v2')?.text).toBe('b'.repeat(20));
    cache.set('big', 'v', text(31));
    expect(cache.has('big')).toBe(false);
    expect(cache.has('a')).toBe(true);
    cache.clear();
    expect(cache.size).toBe(0);
  });
});
