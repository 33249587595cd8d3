import { describe, it, expect } from 'vitest';
import { findDate, parseDate } from './dates';

describe('findDate', () => {
  it('reads the forms news articles use', () => {
    expect(findDate('Filed 2015-03-03 by the desk.')).toBe('2015-03-03');
    expect(findDate('PORT SEREIN, March 3, 2015 — The minister said')).toBe('2015-03-03');
    expect(findDate('Published 3 March 2015 at noon')).toBe('2015-03-03');
    expect(findDate('Updated Mar. 3, 2015, 10:42 a.m.')).toBe('2015-03-03');
    expect(findDate('Posted 3 Mar 2015')).toBe('2015-03-03');
    expect(findDate('on Sept. 22, 2008 the ministry')).toBe('2008-09-22');
    expect(findDate('the 1st of November, 2008 deadline')).toBe('2008-11-01');
    expect(findDate('June 18th 2009')).toBe('2009-06-18');
  });

  it('returns the first date in reading order, whatever its form', () => {
    const text =
      'The Ministry announced on 22 September 2008 that shelters would open by 2010-12-31, ' +
      'as promised on March 14, 2008.';
    expect(findDate(text)).toBe('2008-09-22');
    expect(findDate('Deadline 2010-12-31; announced 22 September 2008')).toBe('2010-12-31');
  });

  it('skips impossible calendar dates and keeps looking', () => {
    expect(findDate('On February 30, 2015 nothing happened; on 2015-02-29 neither.')).toBeNull();
    expect(findDate('Not 2015-13-01 but 29 February 2016.')).toBe('2016-02-29');
    expect(findDate('February 29, 1900')).toBeNull();
    expect(findDate('February 29, 2000')).toBe('2000-02-29');
  });

  it('does not read ordinary words or numbers as dates', () => {
    expect(findDate('The minister may 2015 be replaced')).toBeNull();
    expect(findDate('Mayor Hansen said 3 of 2015 cases were closed.')).toBeNull();
    expect(findDate('Call 1 700 400 before 12015-03-03')).toBeNull();
    expect(findDate('03/04/2015')).toBeNull();
    expect(findDate('')).toBeNull();
  });
});

describe('parseDate', () => {
  it('parses a whole header value', () => {
    expect(parseDate('2008-03-14')).toBe('2008-03-14');
    expect(parseDate(' 22 September 2008 ')).toBe('2008-09-22');
    expect(parseDate('June 18, 2009')).toBe('2009-06-18');
    expect(parseDate('Mar. 3, 2015')).toBe('2015-03-03');
    expect(parseDate('3 Mar 2015')).toBe('2015-03-03');
  });

  it('tolerates a weekday in front and a time behind', () => {
    expect(parseDate('Tuesday, March 3, 2015')).toBe('2015-03-03');
    expect(parseDate('March 3, 2015 Tuesday')).toBe('2015-03-03');
    expect(parseDate('2015-03-03T10:42:00Z')).toBe('2015-03-03');
    expect(parseDate('3 March 2015 10:42 GMT')).toBe('2015-03-03');
  });

  it('rejects values that are not just a date', () => {
    expect(parseDate('around March 3, 2015')).toBeNull();
    expect(parseDate('March 3, 2015 and later')).toBeNull();
    expect(parseDate('2015-02-30')).toBeNull();
    expect(parseDate('soon')).toBeNull();
    expect(parseDate('')).toBeNull();
  });
});
