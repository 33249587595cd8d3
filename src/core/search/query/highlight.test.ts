import { describe, expect, it } from 'vitest';
import { indexableSamples } from '../../../../tests/samples';
import { analyse, createEngine, type IndexableDoc, type TermClause } from '../engine';
import { formMatcher } from './highlight';

const docs: IndexableDoc[] = await indexableSamples();
const engine = createEngine();
engine.add(docs);

/** The spans the analyser gives: every word whose index term is wanted. */
function analysed(text: string, language: string | null, terms: ReadonlySet<string>) {
  return analyse(text, language)
    .filter((t) => terms.has(t.term))
    .map((t) => ({ start: t.start, end: t.end }));
}

const w = (term: string, extra: Partial<TermClause> = {}): TermClause => ({
  term,
  presence: 'should',
  ...extra,
});

describe('finding matched words by their written forms', () => {
  it('marks exactly what analysing the whole text marks, on every sample', () => {
    const queries: TermClause[][] = [
      [w('shelter')],
      [w('minister'), w('province')],
      [w('traff*', { wildcard: 'trailing' })],
      [w('goverment', { fuzzy: 1 })],
      [w('prosecuted'), w('officials')],
      [w('2015')],
    ];
    let compared = 0;
    for (const q of queries) {
      const terms = engine.terms(q).get('body') ?? new Set<string>();
      const match = formMatcher(engine.forms(terms));
      expect(match).not.toBeNull();
      for (const doc of docs) {
        const fast = match?.(doc.body, doc.language);
        if (!fast) continue;
        compared += 1;
        expect(fast).toEqual(analysed(doc.body, doc.language, terms));
      }
    }
    expect(compared).toBeGreaterThan(docs.length * 5);
  });

  it('keeps possessives whole and does not mark inside words with apostrophes', () => {
    const text = "The Minister's pledge; ministers' pledges; can't; O'Minister; MINISTER.";
    const terms = new Set(['minist', 'can']);
    const match = formMatcher(['minister', 'ministers', 'can']);
    expect(match?.(text, 'en')).toEqual(analysed(text, 'en', terms));
    expect(match?.(text, 'en')?.map((s) => text.slice(s.start, s.end))).toEqual([
      "Minister's",
      'ministers',
      'MINISTER',
    ]);
  });

  it('leaves texts without spaces between words, and written apostrophes, to the analyser', () => {
    expect(formMatcher(['ទីក្រុង'])).toBeNull();
    expect(formMatcher(["o'brien"])).toBeNull();
    expect(formMatcher(['shelter'])?.('ที่พักพิง shelter', 'th')).toBeNull();
    expect(formMatcher([])).toBeNull();
  });
});
