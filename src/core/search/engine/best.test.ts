import { describe, expect, it } from 'vitest';
import { bestIndexes } from './best';

describe('bestIndexes', () => {
  // Scores with many ties, as short queries over a big library give.
  const scores = Array.from({ length: 2000 }, (_, i) => ((i * 7919) % 97) / 10);
  const before = (a: number, b: number) =>
    (scores[a] as number) > (scores[b] as number) || (scores[a] === scores[b] && a < b);
  const sorted = scores.map((_, i) => i).sort((a, b) => (before(a, b) ? -1 : 1));

  it('gives the same first items as a full sort, ties in order', () => {
    for (const limit of [1, 5, 50, 100, 1999]) {
      expect(bestIndexes(scores.length, limit, before)).toEqual(sorted.slice(0, limit));
    }
  });

  it('sorts everything when the limit reaches the count, and nothing for a limit of 0', () => {
    expect(bestIndexes(scores.length, 5000, before)).toEqual(sorted);
    expect(bestIndexes(scores.length, 0, before)).toEqual([]);
    expect(bestIndexes(0, 10, before)).toEqual([]);
  });
});
