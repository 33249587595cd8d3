import { describe, expect, it } from 'vitest';
import { makeSnippets, splitHighlights, tightenSpan } from './snippets';

const text =
  'The Minister promised shelters in every province.\n\nBy 2010 only two shelters had opened, ' +
  'both in the capital. Critics said the shelter programme existed on paper. ' +
  'x'.repeat(400) +
  ' A later audit counted three shelters.';

function spans(word: string) {
  const out = [];
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    out.push({ start: i, end: i + word.length });
  }
  return out;
}

describe('makeSnippets', () => {
  it('groups nearby matches, highlights each, and marks cuts with an ellipsis', () => {
    const snippets = makeSnippets(text, spans('shelter'), { context: 40 });
    expect(snippets).toHaveLength(2);
    const [first, second] = snippets;
    expect(first?.highlights.length).toBe(3);
    for (const s of snippets) {
      for (const h of s.highlights) expect(s.text.slice(h.start, h.end)).toBe('shelter');
    }
    expect(first?.text.startsWith('The Minister')).toBe(true);
    expect(first?.text.includes('\n')).toBe(false);
    expect(second?.text.startsWith('…')).toBe(true);
    expect(second?.anchor).toBe(text.lastIndexOf('shelter'));
  });

  it('respects the snippet limit and ignores spans outside the text', () => {
    const snippets = makeSnippets(text, [...spans('shelter'), { start: 9999, end: 10005 }], {
      context: 5,
      maxSnippets: 2,
    });
    expect(snippets).toHaveLength(2);
  });
});

describe('splitHighlights', () => {
  it('reproduces the text with highlighted runs', () => {
    const runs = splitHighlights('abc def ghi', [
      { start: 4, end: 7 },
      { start: 0, end: 3 },
    ]);
    expect(runs.map((r) => r.text).join('')).toBe('abc def ghi');
    expect(runs.filter((r) => r.hit).map((r) => r.text)).toEqual(['abc', 'def']);
  });
});

describe('tightenSpan', () => {
  it('drops punctuation lunr leaves on a token, keeping letters of any script', () => {
    const t = '"Officials, said «Señora» (2015).';
    const word = (start: number, end: number) => {
      const s = tightenSpan(t, { start, end });
      return t.slice(s.start, s.end);
    };
    expect(word(0, 11)).toBe('Officials');
    expect(word(17, 25)).toBe('Señora');
    expect(word(26, 33)).toBe('2015');
    expect(tightenSpan(t, { start: 10, end: 12 })).toEqual({ start: 10, end: 12 });
  });
});
