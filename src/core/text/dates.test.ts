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

describe('dates in the document’s language', () => {
  it('reads month names with chrono-node’s locale for the language', () => {
    const cases: [string, string, string][] = [
      ['fr', 'Publié le 3 mars 2015 à 10h42', '2015-03-03'],
      ['fr', 'PARIS, 1er avril 2016 — Le ministre a déclaré', '2016-04-01'],
      ['de', 'Berlin, 3. März 2015 – Die Ministerin sagte', '2015-03-03'],
      ['es', 'MADRID, 15 de marzo de 2015. El Gobierno anunció', '2015-03-15'],
      ['it', 'ROMA, 3 marzo 2015 — Il ministro ha promesso', '2015-03-03'],
      ['pt', 'Lisboa, 3 de março de 2015 - O ministério anunciou', '2015-03-03'],
      ['nl', 'Den Haag, 3 maart 2015 – De minister beloofde', '2015-03-03'],
      ['sv', 'Stockholm den 3 mars 2015. Regeringen lovade', '2015-03-03'],
      ['fi', 'Helsinki 3. maaliskuuta 2015 – Ministeri lupasi', '2015-03-03'],
      ['ru', 'Москва, 3 марта 2015 года. Министр пообещал', '2015-03-03'],
      ['ja', '2015年3月3日、大臣は約束した', '2015-03-03'],
      ['zh', '2015年3月3日，部长承诺', '2015-03-03'],
    ];
    for (const [language, text, iso] of cases) expect(findDate(text, language), text).toBe(iso);
  });

  it('reads month names from its own tables for the languages chrono-node lacks', () => {
    const cases: [string, string, string][] = [
      ['da', 'København, 3. marts 2015. Ministeren lovede', '2015-03-03'],
      ['no', 'Oslo, 3. mars 2015. Statsråden lovet', '2015-03-03'],
      ['nb', 'Bergen 17. desember 2014', '2014-12-17'],
      ['tr', 'Ankara, 3 Mart 2015 – Bakan söz verdi', '2015-03-03'],
      ['tr', '29 Şubat 2016 Pazartesi', '2016-02-29'],
      ['ro', 'București, 3 martie 2015. Ministrul a promis', '2015-03-03'],
      ['hu', 'Budapest, 2015. március 3. A miniszter megígérte', '2015-03-03'],
      ['pl', 'Warszawa, 3 marca 2015 r. Minister obiecał', '2015-03-03'],
      ['pl', '12 października 2013', '2013-10-12'],
      ['el', 'Αθήνα, 3 Μαρτίου 2015. Ο υπουργός υποσχέθηκε', '2015-03-03'],
    ];
    for (const [language, text, iso] of cases) expect(findDate(text, language), text).toBe(iso);
  });

  it('keeps ISO dates and English month names in any language', () => {
    expect(findDate('Rapport du 2015-03-03', 'fr')).toBe('2015-03-03');
    expect(findDate('Zitiert nach dem Bericht vom March 3, 2015', 'de')).toBe('2015-03-03');
    expect(findDate('Raport z 2014-11-19', 'pl')).toBe('2014-11-19');
  });

  it('reads dates written in numbers with the year first, and Korean dates, in any language', () => {
    expect(findDate('서울, 2015년 3월 3일 — 장관은 약속했다', 'ko')).toBe('2015-03-03');
    expect(findDate('2015년3월3일 보도', null)).toBe('2015-03-03');
    expect(findDate('입력 2015. 3. 3. 오후 2:10', 'ko')).toBe('2015-03-03');
    expect(findDate('发布时间：2015/03/03 10:42', 'zh')).toBe('2015-03-03');
    expect(findDate('Report dated 2015.12.31, filed late', 'en')).toBe('2015-12-31');
    expect(parseDate('2015년 3월 3일', 'ko')).toBe('2015-03-03');
    expect(parseDate('2015/03/03', null)).toBe('2015-03-03');
    // Not dates: a month 13, a version number, mixed separators, a number running on.
    expect(findDate('2015년 13월 3일', 'ko')).toBeNull();
    expect(findDate('version 2015.3.3.1 of the tool', 'en')).toBeNull();
    expect(findDate('code 2015/3.3 here', 'en')).toBeNull();
    expect(findDate('ref 12015/03/031', 'en')).toBeNull();
  });

  it('reads a language’s month names only in that language', () => {
    expect(findDate('Berlin, 3. März 2015', 'fr')).toBeNull();
    expect(findDate('Paris, 3 mars 2015', 'en')).toBeNull();
    expect(findDate('Paris, 3 mars 2015', null)).toBeNull();
  });

  it('ignores relative phrases, dates without a day or a year, and days that do not exist', () => {
    expect(findDate('Le ministre a parlé hier et la semaine dernière', 'fr')).toBeNull();
    expect(findDate('Der Minister sprach gestern, am Montag', 'de')).toBeNull();
    expect(findDate('en mars 2015, le ministre', 'fr')).toBeNull();
    expect(findDate('le 3 mars, le ministre', 'fr')).toBeNull();
    expect(findDate('le 30 février 2015', 'fr')).toBeNull();
    expect(findDate('31 kwietnia 2015', 'pl')).toBeNull();
    expect(findDate('le 03/04/2015', 'fr')).toBeNull();
  });

  it('parses whole header values in the language, with a weekday and a time', () => {
    expect(parseDate('mardi 3 mars 2015', 'fr')).toBe('2015-03-03');
    expect(parseDate('Dienstag, 3. März 2015, 10:42 Uhr', 'de')).toBe('2015-03-03');
    expect(parseDate('3 marca 2015', 'pl')).toBe('2015-03-03');
    expect(parseDate('2015. március 3.', 'hu')).toBe('2015-03-03');
    expect(parseDate('vers le 3 mars 2015', 'fr')).toBeNull();
    expect(parseDate('3 mars 2015', 'de')).toBeNull();
  });
});
