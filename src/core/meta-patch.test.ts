import { describe, expect, it } from 'vitest';
import { DocumentMetaSchema } from './model';
import { MetaPatchSchema, parseMetaForm } from './meta-patch';

const filled = {
  title: '  Customs Chief Resigns  ',
  source: ' The Harbour Gazette ',
  date: ' 2010-03-04 ',
  author: 'Elin Marchetti',
  url: 'https://www.harbourgazette.example/2010/03/customs-chief-resigns',
  language: 'en',
};

describe('parseMetaForm', () => {
  it('trims every field and gives a complete DocumentMeta', () => {
    const result = parseMetaForm(filled);
    expect(result).toEqual({
      ok: true,
      patch: {
        title: 'Customs Chief Resigns',
        source: 'The Harbour Gazette',
        date: '2010-03-04',
        author: 'Elin Marchetti',
        url: 'https://www.harbourgazette.example/2010/03/customs-chief-resigns',
        language: 'en',
      },
    });
    if (result.ok) expect(DocumentMetaSchema.parse(result.patch)).toEqual(result.patch);
  });

  it('turns empty, blank and missing optional fields into null', () => {
    expect(parseMetaForm({ title: 'Notes', source: '', date: '   ', author: '\t' })).toEqual({
      ok: true,
      patch: { title: 'Notes', source: null, date: null, author: null, url: null, language: null },
    });
  });

  it('requires a title that is more than whitespace', () => {
    expect(parseMetaForm({ ...filled, title: '   ' })).toEqual({
      ok: false,
      errors: { title: 'A title is required.' },
    });
    expect(parseMetaForm({})).toMatchObject({ ok: false, errors: { title: expect.any(String) } });
  });

  it('asks for YYYY-MM-DD when the date is written another way', () => {
    for (const date of ['3 March 2010', '2010-3-4', '04/03/2010', '2010-03-04T10:00']) {
      expect(parseMetaForm({ ...filled, date }), date).toEqual({
        ok: false,
        errors: { date: 'Write the date as YYYY-MM-DD, or leave it empty.' },
      });
    }
  });

  it('rejects days that do not exist, and accepts 29 February in leap years only', () => {
    for (const date of ['2015-02-29', '2010-02-30', '2010-13-01', '2010-04-31', '2010-00-10']) {
      expect(parseMetaForm({ ...filled, date }), date).toEqual({
        ok: false,
        errors: { date: 'This is not a real date.' },
      });
    }
    expect(parseMetaForm({ ...filled, date: '2016-02-29' })).toMatchObject({
      ok: true,
      patch: { date: '2016-02-29' },
    });
    expect(parseMetaForm({ ...filled, date: '2000-02-29' }).ok).toBe(true);
    expect(parseMetaForm({ ...filled, date: '1900-02-29' }).ok).toBe(false);
  });

  it('reports every wrong field at once, one message each', () => {
    const result = parseMetaForm({ title: '', date: '2010-02-30' });
    expect(result).toEqual({
      ok: false,
      errors: { title: 'A title is required.', date: 'This is not a real date.' },
    });
  });

  it('ignores keys that are not document details', () => {
    expect(parseMetaForm({ title: 'T', id: 'x', contentHash: 'y' })).toMatchObject({
      ok: true,
      patch: { title: 'T' },
    });
  });
});

describe('MetaPatchSchema', () => {
  it('accepts a record’s own metadata, nulls included', () => {
    const meta = { title: 'T', source: null, date: null, author: null, url: null, language: null };
    expect(MetaPatchSchema.parse(meta)).toEqual(meta);
  });

  it('rejects an unreal date given directly', () => {
    const meta = { title: 'T', source: null, author: null, url: null, language: null };
    expect(MetaPatchSchema.safeParse({ ...meta, date: '2010-02-28' }).success).toBe(true);
    expect(MetaPatchSchema.safeParse({ ...meta, date: '2010-02-30' }).success).toBe(false);
  });
});
