import { describe, expect, it } from 'vitest';
import { indexableSamples } from '../../../../tests/samples';
import { analyse, createEngine, type IndexableDoc, type TermClause } from '../engine';
import { exactWords } from './exact-words';
import { formMatcher, phraseFinder } from './highlight';
import { findPhrase } from './phrase';

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

describe('finding exact phrases without splitting the whole text', () => {
  /** The spans of splitting the whole text into words and comparing them. */
  const whole = (text: string, phrase: string) =>
    findPhrase(exactWords(text, null), exactWords(phrase, null));
  const find = (text: string, phrase: string) =>
    phraseFinder(exactWords(phrase, null), exactWords)?.(text, null);

  it('marks exactly what splitting the whole text marks, on every sample', () => {
    // Runs of two and three words from a few places of every sample, as typed lowercased.
    const phrases = new Set<string>(['end trafficking', 'the minister', 'shelters in']);
    for (const doc of docs) {
      const found = exactWords(doc.body, null);
      for (let i = 0; i + 3 < found.length; i += Math.max(1, Math.floor(found.length / 5))) {
        for (const n of [2, 3])
          phrases.add(
            found
              .slice(i, i + n)
              .map((t) => t.term)
              .join(' '),
          );
      }
    }
    let compared = 0;
    for (const phrase of phrases) {
      for (const doc of docs) {
        const fast = find(doc.body, phrase);
        if (!fast) continue;
        compared += 1;
        expect(fast, phrase).toEqual(whole(doc.body, phrase));
      }
    }
    expect(compared).toBeGreaterThan(docs.length * 40);
  });

  it('keeps to word starts, possessives, line breaks and sentence ends as the analyser does', () => {
    const text =
      "Free software: the ministry's free\nsoftware, un-free software. Free. Software; FREE SOFT'WARE, freesoftware free softwares";
    const spans = find(text, 'free software');
    expect(spans).toEqual(whole(text, 'free software'));
    expect(spans?.map((s) => text.slice(s.start, s.end))).toEqual([
      'Free software',
      'free\nsoftware',
      'free software',
      "FREE SOFT'WARE",
    ]);
    expect(find(text, 'ministry free')).toEqual(whole(text, 'ministry free'));
    expect(find(text, 'free. software')).toEqual(whole(text, 'free. software'));
  });

  it('leaves writing without spaces, and letters outside plain ASCII, to the analyser', () => {
    expect(phraseFinder(exactWords('the café', null), exactWords)).toBeNull();
    expect(find('ที่พักพิง free software', 'free software')).toBeNull();
  });
});
