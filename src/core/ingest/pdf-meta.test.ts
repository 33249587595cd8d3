import { describe, expect, it } from 'vitest';
import { cleanTitle, pdfDate, readPdfMeta, type XmpReader } from './pdf-meta';

function xmp(entries: Record<string, unknown>): XmpReader {
  return { get: (name) => entries[name] ?? null };
}

describe('cleanTitle', () => {
  it('keeps a real title, whitespace collapsed', () => {
    expect(cleanTitle('  Audit of the National\nShelter Programme ')).toBe(
      'Audit of the National Shelter Programme',
    );
  });

  it('strips application prefixes and file extensions', () => {
    expect(cleanTitle('Microsoft Word - Shelter audit 2014.docx')).toBe('Shelter audit 2014');
    expect(cleanTitle('C:\\Reports\\shelter audit final.doc')).toBe('shelter audit final');
  });

  it('drops placeholders', () => {
    for (const title of [
      'Untitled',
      'untitled-1',
      'Document1',
      'Microsoft Word - Document1',
      '   ',
      '2014',
      'PowerPoint Presentation',
    ]) {
      expect(cleanTitle(title)).toBeNull();
    }
  });
});

describe('pdfDate', () => {
  it('reads the date part as written, ignoring the time zone', () => {
    expect(pdfDate("D:20150303120000+01'00'")).toBe('2015-03-03');
    expect(pdfDate("D:20141231233000-08'00'")).toBe('2014-12-31');
    expect(pdfDate('20150303')).toBe('2015-03-03');
  });

  it('refuses partial, impossible and placeholder dates', () => {
    expect(pdfDate('D:2015')).toBeNull();
    expect(pdfDate('D:20150230')).toBeNull();
    expect(pdfDate('D:19700101000000Z')).toBeNull();
    expect(pdfDate('yesterday')).toBeNull();
  });
});

describe('readPdfMeta', () => {
  it('prefers the Info dictionary', () => {
    const info = {
      Title: 'Briefing on witness protection',
      Author: 'Teodor Halvik',
      CreationDate: "D:20160209080000+01'00'",
      Language: 'en-GB',
      Producer: 'LibreOffice 7.4',
    };
    const fromXmp = xmp({ 'dc:title': 'Other', 'dc:creator': ['Someone Else'] });
    expect(readPdfMeta(info, fromXmp)).toEqual({
      title: 'Briefing on witness protection',
      author: 'Teodor Halvik',
      date: '2016-02-09',
      language: 'en-GB',
    });
  });

  it('falls back to XMP where Info is empty or a placeholder', () => {
    const info = { Title: 'untitled', Author: 'Administrator', CreationDate: '' };
    const fromXmp = xmp({
      'dc:title': 'Prosecutions for Trafficking in Persons, 2016',
      'dc:creator': ['Office of the Prosecutor General', 'Second Author'],
      'xmp:createdate': '2017-01-16T12:00:00+01:00',
      'dc:language': 'fr-FR de-DE',
    });
    expect(readPdfMeta(info, fromXmp)).toEqual({
      title: 'Prosecutions for Trafficking in Persons, 2016',
      author: 'Office of the Prosecutor General',
      date: '2017-01-16',
      language: 'fr-FR',
    });
  });

  it('gives nothing for missing or unusable values', () => {
    expect(readPdfMeta(null, null)).toEqual({});
    expect(readPdfMeta({ Title: 42, Language: 'x-unknown' }, xmp({}))).toEqual({});
  });
});
