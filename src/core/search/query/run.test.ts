import { describe, expect, it } from 'vitest';
import { CORPUS, corpusSources } from '../../../../tests/search-corpus';
import { analyse, createEngine } from '../engine';
import { NO_FILTERS, type FacetFilters } from './facets';
import { libraryFacts } from './library-facts';
import { runQuery, type QueryAnswer } from './run';

const sources = () => corpusSources(createEngine(), analyse);

async function ids(query: string, filters?: FacetFilters): Promise<string[]> {
  const answer = await runQuery(query, sources(), { filters });
  if (!answer.ok) throw new Error(answer.message);
  return answer.hits.map((h) => h.id).sort();
}

async function answer(query: string, filters?: FacetFilters) {
  const a: QueryAnswer = await runQuery(query, sources(), { filters });
  if (!a.ok) throw new Error(a.message);
  return a;
}

const bodyOf = (id: string) => CORPUS.find((d) => d.id === id)?.body ?? '';

describe('runQuery on a library with known answers', () => {
  it('finds stemmed words, ranked', async () => {
    expect(await ids('shelter')).toEqual(['audit', 'deadline', 'promises', 'statement']);
    const a = await answer('shelter');
    const scores = a.hits.map((h) => h.score);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);
    expect(a.total).toBe(4);
  });

  it('requires and excludes words', async () => {
    expect(await ids('+government -customs')).toEqual(['audit', 'deadline', 'promises']);
    expect(await ids('+government +shelter')).toEqual(['audit', 'deadline', 'promises']);
    expect(await ids('shelter -government')).toEqual(['statement']);
  });

  it('searches one field', async () => {
    expect(await ids('title:shelter')).toEqual(['audit', 'deadline', 'statement']);
    expect(await ids('source:gazette')).toEqual(['crackdown', 'deadline']);
    expect(await ids('author:marchetti')).toEqual(['crackdown']);
  });

  it('expands wildcards and allows typos', async () => {
    expect(await ids('traff*')).toEqual(['convicted', 'crackdown', 'oped', 'promises']);
    expect(await ids('goverment~1')).toEqual(['audit', 'convicted', 'deadline', 'promises']);
    expect(await ids('goverment')).toEqual([]);
    expect(await ids('sh*ter')).toEqual(['audit', 'deadline', 'promises', 'statement']);
  });

  it('checks phrases word by word against the text, across line breaks', async () => {
    expect(bodyOf('promises')).toContain('end\ntrafficking');
    expect(await ids('"end trafficking"')).toEqual(['crackdown', 'promises']);
    expect(await ids('"trafficking end"')).toEqual(['oped']);
    // Exact words: common words count, and no stemming.
    expect(await ids('"to end trafficking"')).toEqual(['crackdown', 'promises']);
    expect(await ids('"will end trafficking"')).toEqual([]);
    expect(await ids('"end traffic"')).toEqual([]);
    expect(await ids('+"end trafficking" -province')).toEqual([]);
    expect(await ids('shelter -"end trafficking"')).toEqual(['audit', 'deadline', 'statement']);
    expect(await ids('title:"shelter programme"')).toEqual(['audit']);
    const a = await answer('"end trafficking"');
    const promises = a.hits.find((h) => h.id === 'promises');
    expect(promises?.bodyMatches.map((m) => bodyOf('promises').slice(m.start, m.end))).toEqual([
      'end\ntrafficking',
    ]);
  });

  it('filters on the document date, and lists by date alone', async () => {
    expect(await ids('shelter date:2008..2012')).toEqual(['promises']);
    expect(await ids('date:2015')).toEqual(['statement']);
    expect(await ids('date:2008-03..2009')).toEqual(['convicted', 'crackdown']);
    expect(await ids('date:..2009 -customs')).toEqual(['crackdown']);
    // An undated document is outside every range, so excluding a range keeps it.
    expect(await ids('government -date:2009..2014')).toEqual(['deadline']);
  });

  it('explains a bad query instead of throwing', async () => {
    const a = await runQuery('shelter title:', sources());
    expect(a).toMatchObject({ ok: false, error: { position: 8 } });
    expect(!a.ok && a.message).toMatch(/character 9/);
    const common = await runQuery('"the of"', sources());
    expect(common).toMatchObject({ ok: false });
  });

  it('highlights every matched word in several snippets, with pages for PDFs', async () => {
    const a = await answer('government shelter');
    for (const hit of a.hits) {
      const text = bodyOf(hit.id);
      expect(hit.bodyMatches.length).toBeGreaterThan(0);
      for (const m of hit.bodyMatches) {
        expect(text.slice(m.start, m.end).toLowerCase()).toMatch(/^(government|shelters?)$/);
      }
      for (const s of hit.snippets) {
        for (const h of s.highlights) {
          expect(s.text.slice(h.start, h.end).toLowerCase()).toMatch(/^(government|shelters?)$/);
        }
        expect(hit.bodyMatches[s.hitIndex]?.start).toBe(s.anchor);
      }
    }
    const audit = a.hits.find((h) => h.id === 'audit');
    expect(audit?.snippets.map((s) => s.page)).toEqual([1]);
    expect(audit?.bodyMatches).toHaveLength(3);
    expect(audit?.titleMatches.map((m) => 'Shelter programme audit'.slice(m.start, m.end))).toEqual(
      ['Shelter'],
    );
    const long = await runQuery(
      'government',
      corpusSources(createEngine(), analyse, [
        {
          ...CORPUS[1]!,
          body: `The government spoke. ${'Nothing. '.repeat(60)}The government again.`,
        },
      ]),
    );
    expect(long.ok && long.hits[0]?.snippets).toHaveLength(2);
  });

  it('counts facets that add up, and combines and clears filters', async () => {
    const a = await answer('traff* shelter');
    expect(a.total).toBe(7);
    for (const group of ['format', 'source', 'year'] as const) {
      expect(a.facets[group].reduce((n, f) => n + f.count, 0)).toBe(a.total);
    }
    expect(a.facets.year.map((f) => [f.label, f.count])).toEqual([
      ['2008', 1],
      ['2009', 1],
      ['2010', 1],
      ['2012', 1],
      ['2014', 1],
      ['2015', 1],
      ['Undated', 1],
    ]);
    expect(a.facets.tags.map((f) => [f.value, f.count])).toEqual([
      ['pledge', 1],
      ['evidence', 2],
      ['critique', 2],
    ]);
    expect(a.facets.source.find((f) => f.value === '')?.label).toBe('Unknown source');

    const txt = { ...NO_FILTERS, format: ['txt'] };
    const filtered = await answer('traff* shelter', txt);
    expect(filtered.hits.map((h) => h.id).sort()).toEqual(['convicted', 'crackdown', 'oped']);
    // The chosen group still shows what could be added to it.
    expect(filtered.facets.format.find((f) => f.value === 'pdf')?.count).toBe(1);
    expect(filtered.facets.format.find((f) => f.value === 'txt')?.selected).toBe(true);
    expect(filtered.facets.source.reduce((n, f) => n + f.count, 0)).toBe(filtered.total);

    const both = await ids('traff* shelter', { ...txt, format: ['txt', 'md'], tags: ['critique'] });
    expect(both).toEqual(['oped', 'promises']);
    expect(await ids('traff* shelter', { ...NO_FILTERS, tags: ['critique', 'evidence'] })).toEqual([
      'promises',
    ]);
    expect(await ids('shelter', { ...NO_FILTERS, year: [''] })).toEqual(['deadline']);
    expect(await ids('traff* shelter', NO_FILTERS)).toHaveLength(7);
  });

  it('leaves out documents gone from the library that the index still holds', async () => {
    const engine = createEngine();
    const all = corpusSources(engine, analyse);
    // The library without the op-ed, before the index heard of its removal.
    const library = libraryFacts(
      CORPUS.filter((d) => d.id !== 'oped'),
      (id) => engine.numberOf(id),
    );
    const gone = { ...all, library: async () => library };
    for (const query of ['traff*', '"trafficking end"', 'date:2012', '-customs']) {
      const answer = await runQuery(query, gone);
      if (!answer.ok) throw new Error(answer.message);
      expect(
        answer.hits.map((h) => h.id),
        query,
      ).not.toContain('oped');
      expect(
        answer.facets.year.find((f) => f.value === '2012'),
        query,
      ).toBeUndefined();
      expect(answer.facets.format.reduce((n, f) => n + f.count, 0)).toBe(answer.total);
    }
  });

  it('gives results page by page, in the order of the whole ranking', async () => {
    const all = await runQuery('traff* shelter', sources(), { limit: 50 });
    if (!all.ok) throw new Error(all.message);
    expect(all.hits.length).toBe(7);
    const pages: string[] = [];
    for (let offset = 0; offset < 7; offset += 3) {
      const page = await runQuery('traff* shelter', sources(), { limit: 3, offset });
      if (!page.ok) throw new Error(page.message);
      expect(page.total).toBe(7);
      pages.push(...page.hits.map((h) => h.id));
    }
    expect(pages).toEqual(all.hits.map((h) => h.id));
  });
});
