import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Selector } from '../model';
import { anchor, describeRange, type TextRange } from './index';

const article = readFileSync(
  new URL('./fixtures/shelter-budget.txt', import.meta.url),
  'utf8',
).trimEnd();
const paragraphs = article.split('\n\n');

function rangeOf(text: string, phrase: string, occurrence = 0): TextRange {
  let start = -1;
  for (let i = 0; i <= occurrence; i += 1) start = text.indexOf(phrase, start + 1);
  if (start < 0) throw new Error(`phrase not in text: ${phrase}`);
  return { start, end: start + phrase.length };
}

function describePhrase(phrase: string, occurrence = 0): Selector[] {
  return describeRange(article, rangeOf(article, phrase, occurrence));
}

function quoteOnly(selectors: readonly Selector[]): Selector[] {
  return selectors.filter((s) => s.type === 'TextQuoteSelector');
}

describe('describeRange', () => {
  it('captures the quote, 32 characters of context and the offsets', () => {
    const range = rangeOf(article, 'a safe bed, a doctor and a lawyer');
    const [quote, position] = describeRange(article, range);
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'a safe bed, a doctor and a lawyer',
      prefix: 'nt said every victim would have ',
      suffix: '. Now it says the money will be ',
    });
    expect(quote.prefix).toHaveLength(32);
    expect(position).toEqual({ type: 'TextPositionSelector', ...range });
  });

  it('clips context at the ends of the text and rejects empty ranges', () => {
    const [quote] = describeRange(article, { start: 0, end: 6 }, 10);
    expect(quote).toMatchObject({ exact: 'Shelte', prefix: '', suffix: 'r Budget H' });
    expect(() => describeRange(article, { start: 5, end: 5 })).toThrow(RangeError);
  });
});

describe('anchor on the text it was captured from', () => {
  it('round-trips ranges by position, including across paragraphs and at the edges', () => {
    const ranges: TextRange[] = [
      rangeOf(article, '"No province will be left without protection,"'),
      rangeOf(article, 'opening dates for their provinces.\n\nDeputy Sabine Orlov'),
      { start: 0, end: 14 },
      { start: article.length - 20, end: article.length },
    ];
    for (const range of ranges) {
      expect(anchor(article, describeRange(article, range))).toEqual({
        ...range,
        method: 'position',
        score: 1,
      });
    }
  });

  it('tells a repeated phrase apart by its prefix and suffix', () => {
    const first = rangeOf(article, 'within existing allocations', 0);
    const second = rangeOf(article, 'within existing allocations', 1);
    expect(second.start).toBeGreaterThan(first.start);
    expect(anchor(article, quoteOnly(describePhrase('within existing allocations', 1)))).toEqual({
      ...second,
      method: 'quote',
      score: 1,
    });
    expect(
      anchor(article, quoteOnly(describePhrase('within existing allocations', 0))),
    ).toMatchObject(first);
  });

  it('returns a lone position selector when it fits the text', () => {
    const position: Selector = { type: 'TextPositionSelector', start: 10, end: 20 };
    expect(anchor(article, [position])).toEqual({
      start: 10,
      end: 20,
      method: 'position',
      score: 1,
    });
    expect(anchor(article, [{ ...position, end: article.length + 1 }])).toBeNull();
    expect(anchor(article, [])).toBeNull();
  });
});

describe('anchor after the document changed', () => {
  const inserted =
    'Correction: an earlier version of this article gave the wrong figure for the 2009 ' +
    'allocation. It was 4.2 million marks.';

  it('finds the quote by search when paragraphs were inserted before it', () => {
    const selectors = describePhrase(
      'victims in provinces without a shelter were still being placed',
    );
    const edited = [paragraphs[0], inserted, inserted, ...paragraphs.slice(1)].join('\n\n');
    const result = anchor(edited, selectors);
    expect(result).toMatchObject({ method: 'quote', score: 1 });
    expect(edited.slice(result?.start, result?.end)).toBe(
      'victims in provinces without a shelter were still being placed',
    );
  });

  it('follows the second of two repeated phrases when text before both moved', () => {
    const selectors = describePhrase('within existing allocations', 1);
    const edited = [paragraphs[0], inserted, ...paragraphs.slice(1)].join('\n\n');
    const result = anchor(edited, selectors);
    expect(result).toEqual({
      ...rangeOf(edited, 'within existing allocations', 1),
      method: 'quote',
      score: 1,
    });
  });

  it('finds the quote when a paragraph before it was deleted', () => {
    const phrase = 'present a revised timetable';
    const edited = paragraphs.filter((_, i) => i !== 2).join('\n\n');
    const result = anchor(edited, describePhrase(phrase));
    expect(result).toEqual({ ...rangeOf(edited, phrase), method: 'quote', score: 1 });
  });

  it('matches exactly through re-wrapped and re-spaced text', () => {
    const phrase =
      'The Korsa shelter closed for three months last summer because staff salaries were not paid';
    const rewrapped = article.replace(
      'three months last summer',
      'three  months\nlast\u00a0summer',
    );
    const result = anchor(rewrapped, describePhrase(phrase));
    expect(result).toMatchObject({ method: 'quote', score: 1 });
    expect(rewrapped.slice(result?.start, result?.end).replace(/\s+/g, ' ')).toBe(phrase);
  });

  it('matches fuzzily through changed punctuation and spacing', () => {
    const phrase =
      '"No province will be left without protection," said a ministry spokeswoman, Ilse Varga.';
    const edited = article.replace(
      '"No province will be left without protection," said a ministry spokeswoman, Ilse Varga.',
      '“No province will be left without protection”, said a ministry spokeswoman,  Ilse Varga .',
    );
    const result = anchor(edited, describePhrase(phrase));
    expect(result?.method).toBe('fuzzy');
    expect(result?.score).toBeGreaterThan(0.9);
    expect(edited.slice(result?.start, result?.end)).toMatch(/^“?No province .* Ilse Varga/);
  });

  it('matches fuzzily when one word inside the quote changed', () => {
    const phrase = 'Only three shelters are open: in Port Serein, Belmire and Korsa.';
    const edited = article.replace(
      'Only three shelters are open',
      'Only three shelters are operating',
    );
    const result = anchor(edited, describePhrase(phrase));
    expect(result?.method).toBe('fuzzy');
    expect(result?.score).toBeGreaterThanOrEqual(0.75);
    expect(result?.score).toBeLessThan(1);
    expect(edited.slice(result?.start, result?.end)).toBe(
      'Only three shelters are operating: in Port Serein, Belmire and Korsa.',
    );
  });

  it('matches a long quote whose middle sentence was rewritten', () => {
    const paragraph = paragraphs[3] ?? '';
    const rewritten = paragraph.replace(
      'The Korsa shelter closed for three months last summer because staff salaries were not paid',
      'Last summer the shelter in Korsa had to close for three months after salaries went unpaid',
    );
    expect(rewritten).not.toBe(paragraph);
    const edited = article.replace(paragraph, rewritten);
    const result = anchor(edited, describePhrase(paragraph));
    expect(result?.method).toBe('fuzzy');
    // More edits than a whole-text search allows (32), so the head-and-tail path found it.
    expect(result?.score).toBeLessThan(1 - 32 / paragraph.length);
    expect(edited.slice(result?.start, result?.end)).toBe(rewritten);
  });

  it('gives up (an orphan) when the quote was deleted or rewritten beyond recognition', () => {
    const phrase = 'A reflection period means nothing if it is spent in a cell';
    const deleted = paragraphs.filter((p) => !p.includes(phrase)).join('\n\n');
    expect(anchor(deleted, describePhrase(phrase))).toBeNull();
    const rewritten = article.replace(
      phrase,
      'Protection cannot start in a police cell, whatever the law says',
    );
    expect(anchor(rewritten, describePhrase(phrase))).toBeNull();
  });

  // How fast is for the benchmarks; a timed assertion would fail on a busy machine.
  it('finds a fuzzy quote in a 500 KB text', () => {
    const phrase =
      'Officials said the reduction would be met within existing allocations for social services';
    const selectors = describePhrase(phrase);
    const filler = pseudoProse(500_000);
    const changed =
      paragraphs[2]?.replace('the reduction would be met', 'the reduction will be met') ?? '';
    const big = `${filler.slice(0, 250_000)}\n\n${changed}\n\n${filler.slice(250_000)}`;
    const result = anchor(big, selectors);
    expect(result?.method).toBe('fuzzy');
    expect(big.slice(result?.start, result?.end)).toContain('the reduction will be met within');
  });
});

/** Deterministic word salad from the article's own vocabulary, so nothing in it matches by accident. */
function pseudoProse(length: number): string {
  const words = article.toLowerCase().match(/[a-z]+/g) ?? [];
  let seed = 42;
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const out: string[] = [];
  let size = 0;
  while (size < length) {
    const word = words[Math.floor(next() * words.length)] ?? 'the';
    out.push(word);
    size += word.length + 1;
    if (next() < 0.01) out.push('\n\n');
  }
  return out.join(' ');
}
