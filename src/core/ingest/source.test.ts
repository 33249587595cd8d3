import { describe, it, expect } from 'vitest';
import { emailSource, registrableDomain, urlDomain, urlSource } from './source';

describe('registrableDomain', () => {
  it('reduces a host to the domain it is registered under', () => {
    expect(registrableDomain('harbourgazette.vd')).toBe('harbourgazette.vd');
    expect(registrableDomain('www.example-news.com')).toBe('example-news.com');
    expect(registrableDomain('m.news.harbour-gazette.co.uk')).toBe('harbour-gazette.co.uk');
    expect(registrableDomain('valdoria-watch.blogspot.com')).toBe('valdoria-watch.blogspot.com');
    expect(registrableDomain('127.0.0.1')).toBeNull();
    expect(registrableDomain('localhost')).toBeNull();
  });

  it('reads the domain of a web address with or without its scheme', () => {
    expect(urlDomain('https://www.example-news.com/2015/03/03/pilots')).toBe('example-news.com');
    expect(urlDomain('www.courier.example/a/b')).toBe('courier.example');
    expect(urlDomain('not an address')).toBeNull();
  });
});

describe('emailSource and urlSource', () => {
  it('take the first publisher’s address in short lines', () => {
    expect(emailSource(['Contact the reporter: jane.doe@harbourgazette.vd'])).toBe(
      'harbourgazette.vd',
    );
    expect(urlSource(['Originally published at https://www.example-news.com/2015/x'])).toBe(
      'example-news.com',
    );
  });

  it('skip mail providers, social sites, long lines, citations and leftover markup', () => {
    expect(emailSource(['Tips: valdoria.desk@gmail.com', 'desk@proton.me'])).toBeNull();
    expect(urlSource(['Follow us on https://twitter.com/harbourgazette'])).toBeNull();
    expect(
      urlSource([`${'A long paragraph that cites a report. '.repeat(4)}https://un.example/r`]),
    ).toBeNull();
    expect(
      urlSource([
        'The report, published at',
        'https://un.example/report.pdf',
        'last week, says so.',
      ]),
    ).toBeNull();
    expect(
      urlSource(['<img src="https://sb.tracker.example/p?c1=2" height="1" width="1">']),
    ).toBeNull();
  });
});
