import { describe, expect, it } from 'vitest';
import { indexableSamples } from '../../../../tests/samples';
import { corpusSources, type CorpusDoc } from '../../../../tests/search-corpus';
import { analyse, createEngine } from '../engine';
import { createAnnotationSearch, type AnnotationEntry } from './annotation-search';
import { exactWords } from './exact-words';
import { runQuery } from './run';

// Sentences of the sample collection, each quoted by an annotation and, to compare, indexed
// as a document of its own: the same text in both scopes.
const quotes = (await indexableSamples()).flatMap((d) =>
  d.body
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s, i) => i % 3 === 0 && s.split(' ').length >= 6)
    .map((quote, i) => ({ id: `${d.id}#${i}`, quote, language: d.language })),
);
const entries: AnnotationEntry[] = quotes.map((q) => ({
  id: q.id,
  docId: q.id,
  tag: 'evidence',
  quote: q.quote,
  note: '',
  updatedAt: 1,
}));
const docInfo = new Map(quotes.map((q) => [q.id, { title: '', date: null, language: q.language }]));
const asDocuments: CorpusDoc[] = quotes.map((q) => ({
  id: q.id,
  format: 'txt',
  title: '',
  source: null,
  author: null,
  date: null,
  language: q.language,
  body: q.quote,
  tags: [],
}));
const sources = corpusSources(createEngine(), analyse, asDocuments);
const searchAnnotations = createAnnotationSearch(analyse, exactWords);

async function inDocuments(query: string): Promise<string[]> {
  const answer = await runQuery(query, sources, { limit: 1000 });
  if (!answer.ok) throw new Error(answer.message);
  return answer.hits.map((h) => h.id).sort();
}

function inAnnotations(query: string): string[] {
  const answer = searchAnnotations(query, entries, docInfo);
  if (!answer.ok) throw new Error(answer.message);
  return answer.hits.map((h) => h.entry.id).sort();
}

describe('words with typos', () => {
  it('find the same texts in documents and in annotations', async () => {
    expect(quotes.length).toBeGreaterThan(60);
    for (const query of [
      'teh~1',
      'teh~2',
      'shetler~1',
      'recieve~1',
      'goverment~1',
      'goverment~2',
      'traffikcing~1',
      'minsiter~1',
      'prosecuted~1',
      'offical~1',
      'provinse~2',
      'pledeg~1 -shelter',
    ]) {
      expect([query, inAnnotations(query)]).toEqual([query, await inDocuments(query)]);
    }
  });

  it('count a swap of two neighbouring letters as one typo in both', async () => {
    const withShelter = quotes.filter((q) => /\bshelters?\b/i.test(q.quote)).map((q) => q.id);
    expect(withShelter.length).toBeGreaterThan(3);
    // "shetler" is "shelter" with two letters swapped: one edit, not two.
    expect(inAnnotations('shetler~1')).toEqual(withShelter.sort());
    expect(await inDocuments('shetler~1')).toEqual(withShelter.sort());
    const marked = searchAnnotations('shetler~1', entries, docInfo);
    if (!marked.ok) throw new Error(marked.message);
    for (const hit of marked.hits) {
      for (const m of hit.matches.quote ?? []) {
        expect(hit.entry.quote.slice(m.start, m.end)).toMatch(/^shelters?$/i);
      }
    }
  });
});
