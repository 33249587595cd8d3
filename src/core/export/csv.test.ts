import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvText, parseCsv } from './csv';

describe('CSV', () => {
  const records = [
    ['Quote', 'Note', 'Start'],
    ['He said "no", twice', 'line one\r\nline two\nthree', '12'],
    ['', '=HYPERLINK("http://x","y")', ''],
    ['😀 𝔘, a;b\tc', '""', '0'],
  ];

  it('writes RFC 4180 that a real parser reads back', () => {
    const text = csvText(records);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(Papa.parse(text, { skipEmptyLines: true }).data).toEqual(records);
  });

  it('reads back what it writes, and what spreadsheets save', () => {
    expect(parseCsv(`\uFEFF${csvText(records)}`)).toEqual(records);
    expect(parseCsv('a,b\n1,"x ""y"""\n2,\n')).toEqual([
      ['a', 'b'],
      ['1', 'x "y"'],
      ['2', ''],
    ]);
    expect(parseCsv('Quote;Start\r"a;b";3\r')).toEqual([
      ['Quote', 'Start'],
      ['a;b', '3'],
    ]);
    expect(parseCsv('a\tb\nc\td')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
});
