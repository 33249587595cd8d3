import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ParsedDocumentSchema, type ParsedDocument } from '../model';
import { parseHtmlFile } from './html';
import { withoutSiteSuffix } from './html-meta';
import type { IngestResult } from './result';

function fixture(name: string): Uint8Array {
  return new Uint8Array(
    readFileSync(new URL(`../../../tests/fixtures/collection/${name}`, import.meta.url)),
  );
}

function ok(result: IngestResult): ParsedDocument {
  if (result.status !== 'ok')
    throw new Error(`expected ok, got ${result.status}: ${result.reason}`);
  return ParsedDocumentSchema.parse(result.doc);
}

function blockTexts(doc: ParsedDocument): string[] {
  return doc.blocks.map((b) => doc.text.slice(b.start, b.end));
}

function expectWellFormed(doc: ParsedDocument): void {
  expect(blockTexts(doc).join('\n\n')).toBe(doc.text);
  for (const text of blockTexts(doc)) expect(text).toMatch(/^\S(?:.*\S)?$/);
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const page = (head: string, body: string): string =>
  `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;

describe('parseHtmlFile: a saved news page with chrome and hostile content', () => {
  afterEach(() => vi.restoreAllMocks());

  async function gazette(): Promise<ParsedDocument> {
    const name = 'harbour-gazette-shelter-deadline.html';
    return ok(await parseHtmlFile(fixture(name), name));
  }

  it('reads the metadata from the head', async () => {
    expect(await gazette()).toMatchObject({
      format: 'html',
      title: 'Valdoria Misses Its Own Shelter Deadline for Trafficking Survivors',
      author: 'Elin Marchetti',
      date: '2016-02-11',
      source: 'The Harbour Gazette',
      url: 'https://www.harbourgazette.example/2016/02/11/shelter-deadline-missed',
      language: 'en',
    });
  });

  it('keeps the article, in order, with its headings, list items and quotation', async () => {
    const doc = await gazette();
    expectWellFormed(doc);
    expect(doc.blocks.map((b) => [b.kind, b.level])).toEqual([
      ['heading', 1],
      ['paragraph', undefined],
      ['paragraph', undefined],
      ['paragraph', undefined],
      ['paragraph', undefined],
      ['heading', 2],
      ['list-item', undefined],
      ['list-item', undefined],
      ['list-item', undefined],
      ['paragraph', undefined],
      ['quote', undefined],
      ['paragraph', undefined],
      ['heading', 2],
      ['paragraph', undefined],
    ]);
    expect(blockTexts(doc)).toEqual([
      'Valdoria Misses Its Own Shelter Deadline for Trafficking Survivors',
      'By Elin Marchetti · 11 February 2016',
      'Only two of the six shelters for survivors of human trafficking that the Ministry of the Interior promised to open by the end of 2015 are operating, according to figures released to The Harbour Gazette under the Freedom of Information Act.',
      'In March 2015 the ministry pledged that every province would have a specialised shelter by December 2016, with the first six open before the end of 2015. The shelters in Portsalve and Keradin together offer 38 beds.',
      "Caseworkers say that at least 120 people were referred to the two shelters last year, and that survivors are routinely placed in general homeless hostels instead. Read the ministry's figures in full.",
      'What the ministry promised',
      'Six shelters open by 31 December 2015',
      'Twelve shelters, one in each province, by the end of 2016',
      'A national referral hotline staffed around the clock',
      'The hotline opened in September, but callers outside office hours reach a recorded message, the Gazette found in twelve test calls made in January.',
      "“We were promised beds and got brochures. Every month of delay sends someone back to the people who exploited them,” said Dalia Fenwick of the Northshore Survivors' Network.",
      'A ministry spokesperson said construction delays in three provinces had held back the programme and that four more shelters would open “during 2016”.',
      'Critics question the budget',
      'Opposition deputy Tomas Ilvane said the 2016 budget funds only three new shelters, which would leave the pledge of twelve out of reach until 2018 at the earliest.',
    ]);
  });

  it('leaves out the chrome, the scripts and every foreign URL', async () => {
    const doc = await gazette();
    const everything = JSON.stringify(doc);
    for (const unwanted of [
      'We use cookies',
      'Accept all cookies',
      'Manage preferences',
      'Weather & Tides',
      'Crossword',
      'Search the Gazette',
      'Advertisement',
      'Harbour Ferries',
      'Sponsored content',
      'Related stories',
      'Port strike enters third week',
      'Ferry fares',
      'Morning Tide',
      'Sign me up',
      'Email address',
      '© 2016',
      'Contact the newsroom',
      'Terms of use',
      'Shelter entrance',
      'noscript pixel',
      'STYLE TEXT',
      'Injected',
      '__dossierPwned',
      'alert(',
      'document.write',
      'javascript:',
      'tracker.example',
      'pixel.example',
      'ads.example',
      'cdn.example',
    ]) {
      expect(everything).not.toContain(unwanted);
    }
  });

  it('runs nothing and fetches nothing while reading the page', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    await gazette();
    expect(fetchSpy).not.toHaveBeenCalled();
    expect((globalThis as Record<string, unknown>).__dossierPwned).toBeUndefined();
  });
});

describe('parseHtmlFile: a Windows-1252 page with its article inside <main>', () => {
  async function courier(): Promise<ParsedDocument> {
    const name = 'courier-customs-trial.htm';
    return ok(await parseHtmlFile(fixture(name), name));
  }

  it('reads title, byline, the date of its <time> and the canonical host as source', async () => {
    expect(await courier()).toMatchObject({
      title: 'Customs Officers Go on Trial over Bribes from Traffickers',
      author: 'Anouk Derval',
      date: '2013-10-04',
      source: 'courier.example',
      url: 'https://courier.example/2013/10/customs-officers-trial',
      language: 'en',
    });
  });

  it('is stored as Windows-1252 bytes (a formatter that rewrites it as UTF-8 breaks this test)', () => {
    const bytes = fixture('courier-customs-trial.htm');
    expect(bytes).toContain(0x92);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
  });

  it('decodes Windows-1252 punctuation and accents', async () => {
    const doc = await courier();
    expectWellFormed(doc);
    const texts = blockTexts(doc);
    expect(texts[1]).toBe(
      'Three customs officers from the port of Sarnevo went on trial on Friday, accused of taking bribes to wave through lorries carrying people who had been promised work in Valdoria’s hotels — a case prosecutors call the first test of the 2012 anti-trafficking law.',
    );
    expect(texts).toContain(
      'The prosecution says the officers received more than €40,000 between 2010 and 2012 through a café in Ardèche Street owned by a relative of one defendant. Payments were recorded in a ledger marked ‘Blue Gate’, which investigators found in the café’s cellar.',
    );
    expect(doc.text).toContain(
      'Defence lawyer Émile Varoch told the court his clients had been “naïve',
    );
    expect(doc.text).not.toMatch(/[\uFFFD\u0080-\u009F]/);
  });

  it('keeps the table as rows and the section heading, without menu, sidebar or footer', async () => {
    const doc = await courier();
    expect(doc.blocks.map((b) => b.kind)).toEqual([
      'heading',
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
      'heading',
      'paragraph',
      'paragraph',
    ]);
    expect(blockTexts(doc).slice(4, 9)).toEqual([
      'The defendants',
      'Defendant | Post | Charge',
      'Officer A. K. | Shift supervisor | Bribery; aiding trafficking',
      'Officer R. M. | Inspector | Bribery',
      'Officer T. S. | Inspector | Bribery',
    ]);
    expect(blockTexts(doc)[9]).toBe('Survivors to testify');
    for (const chrome of [
      'Front page',
      'Friday edition',
      'Most read',
      'Harbour toll',
      'Copyright',
    ]) {
      expect(doc.text).not.toContain(chrome);
    }
  });
});

describe('parseHtmlFile: decoding', () => {
  const cafe = (result: IngestResult): string => ok(result).text;

  it('honours a declared legacy charset, in <meta charset> or http-equiv', async () => {
    const metaCharset = latin1(
      page('<meta charset="windows-1252">', '<p>caf\xe9 \x93quoted\x94</p>'),
    );
    const httpEquiv = latin1(
      page(
        '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
        '<p>caf\xe9 \x96 dash</p>',
      ),
    );
    expect(cafe(await parseHtmlFile(metaCharset, 'a.html'))).toBe('café “quoted”');
    expect(cafe(await parseHtmlFile(httpEquiv, 'b.html'))).toBe('café – dash');
  });

  it('reads undeclared UTF-8, and falls back to Windows-1252 when the bytes are not UTF-8', async () => {
    expect(cafe(await parseHtmlFile(utf8('<p>café ’</p>'), 'a.html'))).toBe('café ’');
    expect(cafe(await parseHtmlFile(latin1('<p>caf\xe9 \x92</p>'), 'b.html'))).toBe('café ’');
  });

  it('lets a byte-order mark win over a declaration', async () => {
    const bytes = utf8('\uFEFF' + page('<meta charset="windows-1252">', '<p>café</p>'));
    expect(cafe(await parseHtmlFile(bytes, 'a.html'))).toBe('café');
  });

  it('reads UTF-16 with and without a byte-order mark', async () => {
    const utf16le = (s: string): Uint8Array => {
      const out = new Uint8Array(s.length * 2);
      for (let i = 0; i < s.length; i += 1) out[i * 2] = s.charCodeAt(i) & 0xff;
      for (let i = 0; i < s.length; i += 1) out[i * 2 + 1] = s.charCodeAt(i) >> 8;
      return out;
    };
    const html = page('<meta charset="utf-16">', '<p>café ’</p>');
    expect(cafe(await parseHtmlFile(utf16le('\uFEFF' + html), 'a.html'))).toBe('café ’');
    expect(cafe(await parseHtmlFile(utf16le(html), 'b.html'))).toBe('café ’');
  });

  it('reads an ASCII page that claims UTF-16 as UTF-8, as browsers do', async () => {
    const bytes = utf8(page('<meta charset="utf-16">', '<p>café</p>'));
    expect(cafe(await parseHtmlFile(bytes, 'a.html'))).toBe('café');
  });

  it('reports empty files and binary content', async () => {
    expect(await parseHtmlFile(new Uint8Array(), 'a.html')).toEqual({
      status: 'failed',
      reason: 'file is empty',
    });
    expect(await parseHtmlFile(utf8(' \n\t '), 'a.html')).toEqual({
      status: 'failed',
      reason: 'file is empty',
    });
    const binary = Uint8Array.from({ length: 600 }, (_, i) => (i * 37) % 256);
    expect(await parseHtmlFile(binary, 'a.html')).toEqual({
      status: 'unsupported',
      reason: 'binary content, not text',
    });
  });
});

describe('parseHtmlFile: pages that are not articles', () => {
  it('reads the whole page minus its chrome when there is no article to find', async () => {
    const html = page(
      '<title>Contact list</title>',
      `<nav><a href="/">Home</a></nav><div class="content"><h2>Hotline numbers</h2>
       <p>Northshore: 0800 555 010.</p><ul><li>Keradin shelter</li></ul></div>
       <footer>Site footer</footer>`,
    );
    const doc = ok(await parseHtmlFile(utf8(html), 'contacts.html'));
    expectWellFormed(doc);
    expect(doc.title).toBe('Contact list');
    expect(blockTexts(doc)).toEqual([
      'Hotline numbers',
      'Northshore: 0800 555 010.',
      'Keradin shelter',
    ]);
  });

  it('reads a bare fragment, titled after the file when nothing else names it', async () => {
    const doc = ok(await parseHtmlFile(utf8('<p>Just a <b>note</b>.</p>'), 'field-note.html'));
    expect(doc).toMatchObject({ title: 'field-note', text: 'Just a note.', date: null });
  });

  it('flags a page with no text at all', async () => {
    const html = page('<title>Gallery</title>', '<img src="a.jpg"><script>x()</script>');
    const doc = ok(await parseHtmlFile(utf8(html), 'gallery.html'));
    expect(doc).toMatchObject({ title: 'Gallery', text: '', blocks: [], flags: ['no-text'] });
  });

  it('takes metadata from JSON-LD when the meta tags are missing', async () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'Organization', '@id': '#org', name: 'Northshore Survivors’ Network' },
        {
          '@type': ['Report'],
          headline: 'Annual report',
          datePublished: '2014-12-01',
          author: [{ '@type': 'Person', name: 'Dalia Fenwick' }, 'Tomas Berg'],
          publisher: { '@id': '#org' },
        },
      ],
    };
    const html = page(
      `<script type="application/ld+json">${JSON.stringify(ld)}</script><script type="application/ld+json">{broken</script>`,
      '<h1>Annual report 2014</h1><p>Shelter places fell short of demand.</p>',
    );
    expect(ok(await parseHtmlFile(utf8(html), 'report.html'))).toMatchObject({
      title: 'Annual report 2014',
      author: 'Dalia Fenwick, Tomas Berg',
      date: '2014-12-01',
      source: 'Northshore Survivors’ Network',
      url: null,
      language: null,
    });
  });

  it('accepts only http(s) canonical URLs', async () => {
    const html = page(
      '<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="/relative">',
      '<p>Text.</p>',
    );
    expect(ok(await parseHtmlFile(utf8(html), 'a.html'))).toMatchObject({
      url: null,
      source: null,
    });
  });
});

describe('withoutSiteSuffix', () => {
  it('drops the site name after a bar or a dash, and a short tail after a bar', () => {
    expect(withoutSiteSuffix('Shelters delayed | The Harbour Gazette', null, null)).toBe(
      'Shelters delayed',
    );
    expect(withoutSiteSuffix('Shelters delayed - Gazette', 'Gazette', null)).toBe(
      'Shelters delayed',
    );
    expect(
      withoutSiteSuffix('Trial opens — The Valdoria Courier', null, 'https://courier.example/x'),
    ).toBe('Trial opens');
    expect(
      withoutSiteSuffix('The Harbour Gazette | Shelters delayed', 'The Harbour Gazette', null),
    ).toBe('Shelters delayed');
  });

  it('keeps dashes that belong to the headline', () => {
    expect(withoutSiteSuffix('Anti-trafficking law - one year on', null, null)).toBe(
      'Anti-trafficking law - one year on',
    );
  });
});
