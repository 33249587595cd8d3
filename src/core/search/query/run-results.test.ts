import { describe, expect, it } from 'vitest';
import { TAGS } from '../../model';
import { CORPUS, corpusSources, type CorpusDoc } from '../../../../tests/search-corpus';
import { parsedSamples } from '../../../../tests/samples';
import { analyse, createEngine } from '../engine';
import { NO_FILTERS } from './facets';
import { runQuery, type QuerySources, type RunOptions } from './run';

/**
 * Everything a query answers (ids, order, scores, total, every facet row, every highlight
 * and snippet) for each kind of query, on the bundled samples (real txt, md, PDF and docx
 * files) and the small library with known answers, pinned in a file: the query layer is
 * tuned for speed, and an answer that changes on the way is a bug, not a tuning.
 */
const QUERIES: [string, RunOptions?][] = [
  ['trafficking'],
  ['shelter programme'],
  ['government'],
  ['title:shelter'],
  ['source:gazette'],
  ['author:marchetti'],
  ['traff*'],
  ['*ficking'],
  ['sh*ter'],
  ['goverment~1'],
  ['prosecuted~2'],
  ['"end trafficking"'],
  ['"shelter programme"'],
  ['"to end trafficking"'],
  ['"trafficking cases"'],
  ['"prime minister" trafficking'],
  ['"the minister" -"prime minister"'],
  ['title:"shelter programme"'],
  ['+government +shelter'],
  ['+government -customs'],
  ['shelter -"end trafficking"'],
  ['+"end trafficking" -province'],
  ['"end trafficking" "shelter programme"'],
  ['minister date:2008..2012'],
  ['date:2015'],
  ['date:..2009 -customs'],
  ['government -date:2009..2014'],
  ['officials', { filters: { ...NO_FILTERS, format: ['txt', 'pdf'] } }],
  ['trafficking', { filters: { ...NO_FILTERS, tags: ['pledge'] } }],
  ['trafficking', { filters: { ...NO_FILTERS, year: ['2008', '1999'] } }],
  ['trafficking', { filters: { ...NO_FILTERS, source: ['No such source'] } }],
  ['trafficking', { limit: 2, offset: 1 }],
  ['trafficking', { limit: 3, maxSnippets: 1 }],
  ["minister's"],
  ['officials shelters'],
];

/** One line per query, its facets and each hit, so a change shows where it is. */
async function answers(sources: () => QuerySources): Promise<string> {
  const out: string[] = [];
  for (const [query, options] of QUERIES) {
    const answer = await runQuery(query, sources(), options);
    const { filters, ...rest } = options ?? {};
    out.push(JSON.stringify({ query, filters, options: rest }));
    if (!answer.ok) out.push(JSON.stringify(answer));
    else {
      out.push(`total ${answer.total}`, JSON.stringify(answer.facets));
      for (const hit of answer.hits) out.push(JSON.stringify(hit));
    }
    out.push('');
  }
  return out.join('\n');
}

async function sampleDocs(): Promise<CorpusDoc[]> {
  return (await parsedSamples()).map((d, i) => ({
    id: d.id,
    format: d.format,
    title: d.title,
    source: d.source,
    author: d.author,
    date: d.date,
    language: d.language,
    body: d.text,
    pages: d.pages,
    tags: TAGS.filter((_, t) => (i + t) % 3 === 0),
  }));
}

describe('the query layer answers as it did', () => {
  it('on the bundled samples', async () => {
    const docs = await sampleDocs();
    const result = await answers(() => corpusSources(createEngine(), analyse, docs));
    await expect(result).toMatchFileSnapshot('run-results.samples.snap.txt');
  });

  it('on the library with known answers', async () => {
    const result = await answers(() => corpusSources(createEngine(), analyse, CORPUS));
    await expect(result).toMatchFileSnapshot('run-results.corpus.snap.txt');
  });
});
