import { describe, expect, it } from 'vitest';
import { describeQueryError, parseQuery, passesDates, type ParsedQuery } from './parse';

function parsed(input: string): ParsedQuery {
  const outcome = parseQuery(input);
  if (!outcome.ok) throw new Error(describeQueryError(outcome.error));
  return outcome.query;
}

function failure(input: string) {
  const outcome = parseQuery(input);
  if (outcome.ok) throw new Error(`"${input}" should not parse`);
  return outcome.error;
}

describe('parseQuery', () => {
  it('reads words with presence, fields, wildcards and fuzziness', () => {
    const { words } = parsed(
      'shelter +complicit -customs title:pledge traff* *ficking goverment~1 source:gazette~',
    );
    expect(words.map((w) => [w.text, w.presence, w.field, w.wildcard, w.fuzzy])).toEqual([
      ['shelter', 'should', undefined, undefined, undefined],
      ['complicit', 'must', undefined, undefined, undefined],
      ['customs', 'mustNot', undefined, undefined, undefined],
      ['pledge', 'should', 'title', undefined, undefined],
      ['traff*', 'should', undefined, 'trailing', undefined],
      ['*ficking', 'should', undefined, 'leading', undefined],
      ['goverment', 'should', undefined, undefined, 1],
      ['gazette', 'should', 'source', undefined, 1],
    ]);
  });

  it('reads phrases, with a field or presence, and keeps line breaks out of them', () => {
    const q = parsed('+"end trafficking" -title:"press release"   "shelter\n programme"');
    expect(q.phrases.map((p) => [p.text, p.presence, p.field])).toEqual([
      ['end trafficking', 'must', undefined],
      ['press release', 'mustNot', 'title'],
      ['shelter\n programme', 'should', undefined],
    ]);
    expect(q.words).toEqual([]);
  });

  it('reads dates as inclusive ranges of days', () => {
    const { dates } = parsed(
      'date:2008..2015 date:2010 date:2008-03..2009 date:..2012-02-09 -date:2011-06',
    );
    expect(dates).toEqual([
      { from: '2008-01-01', to: '2015-12-31', exclude: false },
      { from: '2010-01-01', to: '2010-12-31', exclude: false },
      { from: '2008-03-01', to: '2009-12-31', exclude: false },
      { from: null, to: '2012-02-09', exclude: false },
      { from: '2011-06-01', to: '2011-06-30', exclude: true },
    ]);
    expect(parsed('date:2012-02..2012-02').dates[0]).toMatchObject({ to: '2012-02-29' });
  });

  it('says where and what is wrong, without throwing', () => {
    expect(failure('shelter title:')).toEqual({
      position: 8,
      message: '"title:" must be followed by what to look for',
    });
    expect(failure('pledge "end trafficking')).toMatchObject({
      position: 7,
      message: /never closed/,
    });
    expect(failure('colour:red')).toMatchObject({
      position: 0,
      message: /unknown field "colour:"/,
    });
    expect(failure('date:2015..2008')).toMatchObject({ message: /ends \(2008\) before it starts/ });
    expect(failure('date:2010-13')).toMatchObject({ message: /no month 13/ });
    expect(failure('date:2011-02-29')).toMatchObject({ message: /no day 29/ });
    expect(failure('date:last-year')).toMatchObject({ message: /is not a date/ });
    expect(failure('goverment~3')).toMatchObject({ position: 9, message: /at most 2 typos/ });
    expect(failure('goverment~x')).toMatchObject({ message: /takes a number/ });
    expect(parsed('sh*ter *ffic*').words.map((w) => w.wildcard)).toEqual(['both', 'both']);
    expect(failure('shelter + pledge')).toMatchObject({ position: 8, message: /must be followed/ });
    expect(failure('*')).toMatchObject({ message: /no letters or digits/ });
    expect(failure('"  "')).toMatchObject({ message: /no words/ });
    expect(failure('traff*~1')).toMatchObject({ message: /both "\*" and "~"/ });
    expect(describeQueryError({ position: 8, message: 'x' })).toBe(
      'Cannot read this query at character 9: x',
    );
  });

  it('accepts odd but harmless input', () => {
    expect(parsed('').words).toEqual([]);
    expect(parsed('  10:30  ').words.map((w) => w.text)).toEqual(['10:30']);
    expect(parsed('Tarsk-Harbour').words.map((w) => w.text)).toEqual(['Tarsk-Harbour']);
    expect(parsed('TITLE:Pledge').words[0]).toMatchObject({ field: 'title', text: 'Pledge' });
  });

  it('takes the scope’s own field names', () => {
    const outcome = parseQuery('actor:minister note:"follow up"', { fields: ['actor', 'note'] });
    expect(outcome.ok && outcome.query.words[0]?.field).toBe('actor');
    expect(parseQuery('title:x', { fields: ['actor'] }).ok).toBe(false);
  });
});

describe('passesDates', () => {
  const ranges = parsed('date:2008..2015 -date:2011').dates;
  it('keeps dates inside every range and outside every excluded one', () => {
    expect(passesDates('2008-01-01', ranges)).toBe(true);
    expect(passesDates('2015-12-31', ranges)).toBe(true);
    expect(passesDates('2016-01-01', ranges)).toBe(false);
    expect(passesDates('2011-05-05', ranges)).toBe(false);
    expect(passesDates(null, ranges)).toBe(false);
    expect(passesDates(null, parsed('-date:2011').dates)).toBe(true);
  });
});
