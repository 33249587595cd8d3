import { describe, expect, it } from 'vitest';
import { parsedSamples } from '../../../tests/samples';
import {
  buildIndex,
  corpusFingerprint,
  loadIndex,
  searchIndex,
  serializeIndex,
  type SearchableDoc,
} from './lunr-index';

const corpus: SearchableDoc[] = (await parsedSamples()).map((d) => ({
  id: d.id,
  title: d.title,
  source: d.source ?? '',
  body: d.text,
}));
const bodyOf = (id: string) => corpus.find((d) => d.id === id)?.body ?? '';

function ids(query: string, index = buildIndex(corpus)): string[] {
  const outcome = searchIndex(index, query);
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.hits.map((h) => h.id);
}

describe('the lunr index over the sample collection', () => {
  const index = buildIndex(corpus);

  it('finds stemmed words and reports match positions in the normalised text', () => {
    const outcome = searchIndex(index, 'shelters');
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.hits.length).toBeGreaterThanOrEqual(5);
    for (const hit of outcome.hits) {
      const body = bodyOf(hit.id);
      for (const m of hit.matches.filter((x) => x.field === 'body')) {
        expect(body.slice(m.start, m.end).toLowerCase()).toMatch(/^shelter/);
      }
    }
  });

  it('honours required and excluded terms and fields', () => {
    const customs = ids('customs');
    const withoutCustoms = ids('shelter -customs', index);
    expect(withoutCustoms.length).toBeGreaterThan(0);
    for (const id of withoutCustoms) expect(customs).not.toContain(id);
    const both = ids('+complicit +statistics', index);
    for (const id of both) {
      expect(bodyOf(id).toLowerCase()).toContain('complicit');
      expect(bodyOf(id).toLowerCase()).toContain('statistic');
    }
    expect(ids('title:figures', index)).toEqual([
      '2015-09-03-court-statistics-published-twenty-months-late.txt',
    ]);
  });

  it('expands wildcards and fuzzy terms', () => {
    expect(ids('traff*', index).length).toBeGreaterThanOrEqual(8);
    expect(ids('prosecuted~1', index)).toEqual(expect.arrayContaining(ids('prosecuted', index)));
  });

  it('answers the same after serialising and loading', () => {
    const reloaded = loadIndex(serializeIndex(index));
    for (const q of ['shelter', 'complicit officials', 'title:pledge', 'traff*']) {
      expect(ids(q, reloaded)).toEqual(ids(q, index));
    }
  });

  it('turns a malformed query into a message instead of an exception', () => {
    const outcome = searchIndex(index, 'title:');
    expect(outcome).toMatchObject({ ok: false });
    if (!outcome.ok) expect(outcome.error).toMatch(/Cannot read this query/);
    expect(searchIndex(index, '   ')).toEqual({ ok: true, hits: [] });
  });
});

describe('corpusFingerprint', () => {
  it('ignores order but changes with membership', () => {
    expect(corpusFingerprint(['a', 'b'])).toBe(corpusFingerprint(['b', 'a']));
    expect(corpusFingerprint(['a', 'b'])).not.toBe(corpusFingerprint(['a', 'c']));
    expect(corpusFingerprint(['ab'])).not.toBe(corpusFingerprint(['a', 'b']));
  });
});
