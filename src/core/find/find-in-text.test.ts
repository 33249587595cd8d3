import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findInText, stepIndex } from './find-in-text';

const article = readFileSync(
  new URL('../anchoring/fixtures/shelter-budget.txt', import.meta.url),
  'utf8',
);

describe('findInText', () => {
  it('finds every occurrence regardless of case', () => {
    const found = findInText(article, 'WITHIN EXISTING allocations');
    expect(found).toHaveLength(2);
    for (const r of found) {
      expect(article.slice(r.start, r.end).toLowerCase()).toBe('within existing allocations');
    }
    expect(found[0]!.start).toBeLessThan(found[1]!.start);
  });

  it('matches a phrase broken across lines or spaced differently', () => {
    const text = 'The minister said the shelters\nwould  open in spring.';
    expect(findInText(text, 'shelters would open')).toEqual([
      { start: text.indexOf('shelters'), end: text.indexOf(' in spring') },
    ]);
  });

  it('treats the query as text, not as a pattern, and finds nothing for blank queries', () => {
    const text = 'Costs rose (again) by 4.2% [est.] in 2014.';
    expect(findInText(text, '(again)')).toHaveLength(1);
    expect(findInText(text, '4.2%')).toHaveLength(1);
    expect(findInText(text, '4x2')).toEqual([]);
    expect(findInText(text, '   ')).toEqual([]);
  });

  it('stops at the limit', () => {
    expect(findInText(article, 'e', 5)).toHaveLength(5);
  });
});

describe('stepIndex', () => {
  it('starts at the first or last, and wraps round', () => {
    expect(stepIndex(null, 3, 1)).toBe(0);
    expect(stepIndex(null, 3, -1)).toBe(2);
    expect(stepIndex(2, 3, 1)).toBe(0);
    expect(stepIndex(0, 3, -1)).toBe(2);
    expect(stepIndex(0, 0, 1)).toBe(-1);
  });
});
