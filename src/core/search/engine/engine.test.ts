import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { indexableSamples } from '../../../../tests/samples';
import { analyse } from './analyse';
import { createEngine } from './engine';
import { buildSegment, segmentFromData, segmentToData, type SegmentData } from './segment';
import type { IndexableDoc, TermClause } from './types';

const corpus: IndexableDoc[] = await indexableSamples();
const byId = new Map(corpus.map((d) => [d.id, d]));

const engine = createEngine();
engine.add(corpus);

function ids(clauses: TermClause[], e = engine): string[] {
  return e.search(clauses).map((h) => h.id);
}
const should = (term: string, extra: Partial<TermClause> = {}): TermClause => ({
  term,
  presence: 'should',
  ...extra,
});

/** Documents whose text (any field) contains a word matching `re`, found by plain scanning. */
function scan(re: RegExp): string[] {
  return corpus
    .filter((d) => [d.title, d.source, d.author, d.body].some((t) => re.test(t)))
    .map((d) => d.id)
    .sort();
}

describe('analyse', () => {
  it('stems English, drops stop words, keeps offsets into the text', () => {
    const text = 'The Minister promised shelters; all were opened.';
    const tokens = analyse(text, null);
    expect(tokens.map((t) => t.term)).toEqual(['minist', 'promis', 'shelter', 'open']);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toMatch(/^[A-Za-z]+$/);
  });

  it('splits URLs, e-mail addresses and punctuation into words', () => {
    const text = 'See https://www.gazette.vd/2016/shelters?id=4 or press@ministry.vd.';
    const words = analyse(text, 'en').map((t) => text.slice(t.start, t.end));
    expect(words).toEqual([
      'See',
      'https',
      'www',
      'gazette',
      'vd',
      '2016',
      'shelters',
      'id',
      '4',
      'press',
      'ministry',
      'vd',
    ]);
  });

  it("keeps apostrophes inside words and drops the possessive 's", () => {
    const terms = analyse("The minister's pledge wasn't kept", 'en').map((t) => t.term);
    expect(terms).toEqual(['minist', 'pledg', 'wasnt', 'kept']);
  });
});

describe('the engine over the sample collection', () => {
  it('counts its documents and finds stemmed words in every field', () => {
    expect(engine.size()).toBe(corpus.length);
    const hits = engine.search([should('shelters')]);
    expect(hits.map((h) => h.id).sort()).toEqual(scan(/\bshelter/i));
    const terms = engine.terms([should('shelters')]);
    for (const field of ['title', 'source', 'author', 'body'] as const) {
      expect([...(terms.get(field) ?? [])]).toEqual(['shelter']);
    }
    expect(engine.terms([should('shelters', { field: 'title' })]).has('body')).toBe(false);
  });

  it('ranks a title match above body-only matches (title boost)', () => {
    const hits = engine.search([should('audit')]);
    const titled = hits.filter((h) => /audit/i.test(byId.get(h.id)?.title ?? ''));
    expect(titled.length).toBeGreaterThan(0);
    expect(/audit/i.test(byId.get(hits[0]?.id ?? '')?.title ?? '')).toBe(true);
  });

  it('honours must and mustNot', () => {
    const customs = ids([should('customs')]);
    const notCustoms = ids([should('shelter'), should('customs', { presence: 'mustNot' })]);
    expect(notCustoms.length).toBeGreaterThan(0);
    for (const id of notCustoms) expect(customs).not.toContain(id);
    const both = ids([
      should('complicit', { presence: 'must' }),
      should('statistics', { presence: 'must' }),
    ]);
    expect(both.length).toBeGreaterThan(0);
    for (const id of both) {
      expect(byId.get(id)?.body.toLowerCase()).toContain('complicit');
      expect(byId.get(id)?.body.toLowerCase()).toContain('statistic');
    }
    const onlyExcluded = ids([should('customs', { presence: 'mustNot' })]);
    expect(onlyExcluded.sort()).toEqual(
      corpus
        .map((d) => d.id)
        .filter((id) => !customs.includes(id))
        .sort(),
    );
  });

  it('restricts a clause to one field', () => {
    expect(ids([should('figures', { field: 'title' })])).toEqual([
      '2015-09-03-court-statistics-published-twenty-months-late.txt',
    ]);
    expect(ids([should('figures')]).length).toBeGreaterThan(1);
  });

  it('expands trailing, leading and inner wildcards over the words of the library', () => {
    expect(ids([should('traff*', { wildcard: 'trailing' })]).sort()).toEqual(scan(/\btraff/i));
    expect(ids([should('*ficking', { wildcard: 'leading' })]).sort()).toEqual(scan(/ficking\b/i));
    const inner = engine.search([should('sh*ter', { wildcard: 'both' })]);
    expect(inner.map((h) => h.id).sort()).toEqual(scan(/\bsh\w*ter/i));
  });

  it('matches fuzzy words before stemming', () => {
    const exact = ids([should('prosecuted')]);
    expect(ids([should('prosecuted', { fuzzy: 1 })])).toEqual(expect.arrayContaining(exact));
    // One edit from "government", but lunr would stem it to "gover" first and match "over".
    const typo = engine.search([should('goverment', { fuzzy: 1 })]);
    expect(typo.map((h) => h.id).sort()).toEqual(ids([should('government')]).sort());
    expect([...(engine.terms([should('goverment', { fuzzy: 1 })]).get('body') ?? [])]).toEqual([
      'govern',
    ]);
    const plain = lunr(function () {
      this.ref('id');
      this.field('body');
      for (const d of corpus) this.add(d);
    });
    const lunrTerms = plain.search('goverment~1').flatMap((r) => Object.keys(r.matchData.metadata));
    expect(lunrTerms).toEqual(expect.arrayContaining(['over', 'cover']));
  });

  it('searches a replaced document under its new text only, and forgets removed ones', () => {
    const e = createEngine();
    e.add(corpus);
    const first = corpus[0] as IndexableDoc;
    e.add([{ ...first, body: 'An entirely new text about lighthouses.' }]);
    expect(e.size()).toBe(corpus.length);
    expect(ids([should('lighthouses')], e)).toEqual([first.id]);
    expect(ids([should('crackdown', { field: 'body' })], e)).not.toContain(first.id);
    expect(ids([should('crackdown', { field: 'body' })])).toContain(first.id);
    e.remove([first.id]);
    expect(ids([should('lighthouses')], e)).toEqual([]);
    expect(e.size()).toBe(corpus.length - 1);
  });

  it('answers the same from saved segments', () => {
    const reloaded = createEngine();
    for (const { segment } of engine.segments()) {
      reloaded.addSegment(segmentFromData(JSON.parse(JSON.stringify(segmentToData(segment)))));
    }
    for (const c of [[should('shelter')], [should('traff*', { wildcard: 'trailing' as const })]]) {
      expect(reloaded.search(c)).toEqual(engine.search(c));
    }
  });

  it('refuses a damaged saved segment rather than answering from it', () => {
    const [first] = engine.segments();
    const data = segmentToData(first?.segment ?? buildSegment([]));
    const [starts = '', list = ''] = data.postings[3] ?? [];
    const cut: SegmentData = {
      ...data,
      postings: data.postings.map((p, f) => (f === 3 ? [starts, list.slice(0, 8)] : p)),
    };
    expect(() => segmentFromData(cut)).toThrow(/Damaged/);
    expect(() => segmentFromData({ ...data, ids: data.ids.slice(1) })).toThrow(/Damaged/);
    expect(segmentFromData(data).ids).toEqual(data.ids);
  });
});

describe('filters and limits', () => {
  it('keeps only accepted documents before choosing the best', () => {
    const all = engine.search([should('shelter'), should('trafficking')]);
    expect(all.length).toBeGreaterThan(4);
    const odd = new Set(all.filter((_, i) => i % 2 === 1).map((h) => h.id));
    const accepted = engine.search([should('shelter'), should('trafficking')], {
      limit: 3,
      filter: (doc) => odd.has(engine.idOf(doc) ?? ''),
    });
    expect(accepted).toEqual(all.filter((h) => odd.has(h.id)).slice(0, 3));
    const unordered = engine.matches([should('shelter')]);
    const found = [...unordered.docs].map((doc) => engine.idOf(doc));
    expect(found.sort()).toEqual(ids([should('shelter')]).sort());
    expect([...unordered.scores].sort()).toEqual(
      engine
        .search([should('shelter')])
        .map((h) => h.score)
        .sort(),
    );
  });
});

/**
 * A plain lunr index of the same fields and boosts; with `ourWords`, of the words as Dossier
 * analyses them (lunr's own splitting and stemming differ a little).
 */
function plainLunr(docs: readonly IndexableDoc[], ourWords = false): lunr.Index {
  return lunr(function () {
    if (ourWords) {
      const tokenize = (text?: null | string | object | object[]) =>
        analyse(typeof text === 'string' ? text : '', null).map((t) => new lunr.Token(t.term, {}));
      this.tokenizer = Object.assign(tokenize, { separator: lunr.tokenizer.separator });
      this.pipeline.reset();
      this.searchPipeline.reset();
    }
    this.ref('id');
    this.field('title', { boost: 4 });
    this.field('source', { boost: 2 });
    this.field('author', { boost: 2 });
    this.field('body');
    for (const d of docs) this.add(d);
  });
}

describe('ranking', () => {
  it('ranks as a plain lunr index of the same fields and boosts does', () => {
    const english = corpus.map((d) => ({ ...d, language: null }));
    const plain = plainLunr(english);
    const ours = createEngine({ segmentSize: 4 });
    ours.add(english);
    for (const q of [
      'shelter',
      'trafficking prosecuted',
      'minister pledge',
      'audit',
      'province shelter deadline',
    ]) {
      const theirs = plain.search(q).map((r) => r.ref);
      const clauses = q.split(' ').map((term) => should(term));
      expect(theirs.length).toBeGreaterThan(0);
      // Same documents in the same order; lunr's scores differ only by a factor per query
      // (it divides by the query vector's length) and its rounding of stored weights.
      expect(
        ours.search(clauses, { limit: 8 }).map((h) => h.id),
        q,
      ).toEqual(theirs.slice(0, 8));
    }
  });
});

describe('ranking after removals and new versions', () => {
  // The library as the app keeps it: built in small segments, then three documents removed
  // and four replaced by new versions, which go into a segment of their own; the old
  // versions stay in their segments, marked removed, until a merge.
  const english = corpus.map((d) => ({ ...d, language: null }));
  const removed = new Set([1, 6, 10].map((i) => english[i]?.id ?? ''));
  const versions = [0, 5, 8, 12].map((i) => {
    const d = english[i] as IndexableDoc;
    return {
      ...d,
      body: `${d.body.slice(0, d.body.length / 2)}\n\nUpdate: the shelter deadline passed again; the minister promised a new audit of every province.`,
    };
  });
  const replaced = new Set(versions.map((v) => v.id));
  const current = [
    ...english.filter((d) => !removed.has(d.id) && !replaced.has(d.id)),
    ...versions,
  ];
  const ours = createEngine({ segmentSize: 4 });
  ours.add(english);
  ours.remove([...removed]);
  ours.add(versions);
  const fresh = createEngine();
  fresh.add(current);
  // lunr given the words as Dossier analyses them, so scores can be compared, not only order.
  const plain = plainLunr(current, true);
  const QUERIES = [
    'shelter',
    'audit',
    'deadline',
    'trafficking prosecuted',
    'minister pledge',
    'province shelter deadline',
  ];

  it('scores every document as one index over the current library does', () => {
    expect(ours.size()).toBe(current.length);
    for (const q of QUERIES) {
      const clauses = q.split(' ').map((term) => should(term));
      const mine = ours.search(clauses);
      const one = fresh.search(clauses);
      expect(mine.length, q).toBeGreaterThan(0);
      expect(mine.map((h) => h.id)).toEqual(one.map((h) => h.id));
      mine.forEach((h, i) => expect(h.score).toBeCloseTo(one[i]?.score ?? NaN, 10));
    }
  });

  it('ranks and scores as a plain lunr index of the current library', () => {
    // One word at a time: lunr's score is then ours (its query vector has length 1), up to
    // its rounding of each field's stored weight to three decimals. (With several words lunr
    // scales each field by the words found in it, which reorders near ties; the comparison
    // with one index above covers those.)
    for (const word of ['shelter', 'audit', 'deadline', 'minister', 'trafficking', 'pledge']) {
      const term = analyse(word, null)[0]?.term ?? '';
      const theirs = plain.search(term);
      const mine = ours.search([should(word)]);
      expect(theirs.length, word).toBeGreaterThan(1);
      expect(
        mine.map((h) => h.id),
        word,
      ).toEqual(theirs.map((r) => r.ref));
      mine.forEach((h, i) => {
        expect(Math.abs(h.score - (theirs[i]?.score ?? NaN)), word).toBeLessThan(0.002);
      });
    }
  });

  it('scores the same once saved and loaded with its removed documents, and once merged', () => {
    const load = (order: (list: ReturnType<typeof ours.segments>) => typeof list) => {
      const reloaded = createEngine();
      for (const { segment, deleted } of order(ours.segments())) {
        const data = JSON.parse(JSON.stringify(segmentToData(segment))) as SegmentData;
        reloaded.addSegment(segmentFromData(data), { deleted });
      }
      return reloaded;
    };
    const reloaded = load((list) => list);
    // Loaded newest first, an old version marked removed must not take over from its new one.
    const backwards = load((list) => [...list].reverse());
    const merged = createEngine();
    merged.add(current);
    const scores = (e: typeof ours, clauses: TermClause[]) =>
      e.search(clauses).map((h) => [h.id, h.score.toFixed(10)]);
    for (const q of QUERIES) {
      const clauses = q.split(' ').map((term) => should(term));
      const want = scores(ours, clauses);
      expect(scores(reloaded, clauses)).toEqual(want);
      expect(scores(merged, clauses)).toEqual(want);
      expect(scores(backwards, clauses).sort()).toEqual([...want].sort());
    }
    expect(backwards.size()).toBe(current.length);
  });
});

describe('a segmented index', () => {
  it('ranks the same as one index on a small corpus (same top hits)', () => {
    const segmented = createEngine({ segmentSize: 3 });
    segmented.add(corpus);
    expect(segmented.segments().length).toBe(Math.ceil(corpus.length / 3));
    const queries: TermClause[][] = [
      [should('shelter')],
      [should('trafficking'), should('prosecuted')],
      [should('minister', { presence: 'must' }), should('pledge')],
      [should('traff*', { wildcard: 'trailing' })],
      [should('harbour'), should('customs', { presence: 'mustNot' })],
      [should('audit', { field: 'title' }), should('shelters')],
    ];
    for (const q of queries) {
      const one = engine.search(q, { limit: 5 }).map((h) => h.id);
      expect(one.length).toBeGreaterThan(0);
      expect(segmented.search(q, { limit: 5 }).map((h) => h.id)).toEqual(one);
    }
  });
});

describe('word forms made ahead', () => {
  it('makes one segment and language at a time until all are made, and again for a new segment', () => {
    const warm = createEngine({ segmentSize: 3 });
    const cold = createEngine({ segmentSize: 3 });
    warm.add(corpus);
    cold.add(corpus);
    const expected = warm.segments().reduce((n, s) => n + s.segment.vocab.size, 0);
    let steps = 0;
    while (warm.prepareForms()) steps += 1;
    expect(steps).toBe(expected);
    expect(warm.prepareForms()).toBe(false);
    // The forms a query's highlighting looks up are the same, made ahead or on demand.
    for (const words of [['shelter'], ['traffick', 'prosecut'], ['minist', 'pledg', 'harbour']]) {
      const terms = new Set(words);
      expect(warm.forms(terms).sort()).toEqual(cold.forms(terms).sort());
      expect(warm.forms(terms).length).toBeGreaterThan(0);
    }
    // A new version of a document arrives in a segment of its own, which has no forms yet.
    const first = corpus[0]!;
    warm.add([{ ...first, body: `${first.body} Ombudsperson.` }]);
    expect(warm.prepareForms()).toBe(true);
    while (warm.prepareForms());
    expect(warm.forms(new Set(['ombudsperson']))).toEqual(['ombudsperson']);
  });
});
