import { describe, expect, it } from 'vitest';
import { parsedSamples } from '../../../../tests/samples';
import { words } from './analyse';
import { withinEditsOf } from './edit-distance';
import { Vocabulary } from './expand';

/** The textbook full-matrix definition, to check the banded one against. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      let v = Math.min(
        (up[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (up[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = v;
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

const WORDS = [
  'government',
  'goverment',
  'governments',
  'govern',
  'gover',
  'over',
  'cover',
  'recieve',
  'receive',
  'received',
  'shelter',
  'shelters',
  'sheltre',
  'helter',
  'a',
  '',
  'ab',
  'ba',
  'prosecuted',
  'prosecute',
  'persecuted',
  'traffickers',
  'trafficking',
  'ministry',
];

describe('withinEditsOf', () => {
  it('finds what the full definition finds up to the limit, swaps included', () => {
    const list = [...new Set(WORDS)].sort();
    for (const word of WORDS) {
      for (const max of [0, 1, 2]) {
        const want = list.filter((w) => reference(word, w) <= max);
        expect([word, max, withinEditsOf(list, word, max)]).toEqual([word, max, want]);
      }
    }
    expect(withinEditsOf(['tech', 'ten', 'the', 'then'], 'teh', 1)).toEqual(['tech', 'ten', 'the']);
  });
});

describe('Vocabulary', () => {
  const vocab = new Vocabulary([...new Set(WORDS)].filter((w) => w !== '').sort());
  it('finds words within an edit distance', () => {
    expect(vocab.fuzzy('goverment', 1).sort()).toEqual(['goverment', 'government']);
    expect(vocab.fuzzy('recieve', 1).sort()).toEqual(['receive', 'recieve']);
  });
  it("finds exactly what a scan of every word finds, on the samples' words", async () => {
    const all = new Set<string>();
    for (const d of await parsedSamples()) for (const w of words(d.text)) all.add(w.word);
    const list = [...all].sort();
    expect(list.length).toBeGreaterThan(1000);
    const big = new Vocabulary(list);
    const asked = [...list.filter((_, i) => i % 37 === 0), 'goverment', 'recieve', 'traffikcing'];
    for (const word of asked) {
      for (const max of [1, 2]) {
        const scan = list.filter((w) => reference(word, w) <= max);
        expect([word, max, big.fuzzy(word, max).sort()]).toEqual([word, max, scan]);
      }
    }
  });

  it('expands prefix, suffix and inner wildcards', () => {
    expect(vocab.wildcard('shelt*')).toEqual(['shelter', 'shelters', 'sheltre']);
    expect(vocab.wildcard('*ceived')).toEqual(['received']);
    expect(vocab.wildcard('g*ment')).toEqual(['goverment', 'government']);
    expect(vocab.wildcard('minis')).toEqual([]);
  });
});
