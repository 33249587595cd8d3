import { describe, expect, it } from 'vitest';
import {
  dropRunningLines,
  groupLines,
  type PdfLine,
  type PdfPageLines,
  type PdfTextItem,
} from './pdf-lines';

const A4_HEIGHT = 842;

function item(str: string, x: number, y: number, options: Partial<PdfTextItem> = {}): PdfTextItem {
  const fontSize = options.fontSize ?? 11;
  // Roughly what a proportional font at this size takes.
  return { str, x, y, width: str.length * fontSize * 0.5, fontSize, hasEOL: false, ...options };
}

function line(text: string, y: number, options: Partial<PdfLine> = {}): PdfLine {
  const fontSize = options.fontSize ?? 11;
  return { text, x: 72, y, width: text.length * fontSize * 0.5, fontSize, ...options };
}

/** Lines set one under the other at 14.5 pt, starting at `y`. */
function lines(texts: readonly string[], y: number, options: Partial<PdfLine> = {}): PdfLine[] {
  return texts.map((text, i) => line(text, y + i * 14.5, options));
}

function page(pageLines: PdfLine[]): PdfPageLines {
  return { lines: pageLines, height: A4_HEIGHT };
}

describe('groupLines', () => {
  it('joins runs on one baseline, adding a space only where there is a gap', () => {
    const result = groupLines([
      item('Traff', 72, 100),
      item('icking', 72 + 5 * 5.5, 100), // kerning split: no gap
      item('cases', 72 + 11 * 5.5 + 3, 100), // a word space
      item('rose', 200, 130),
    ]);
    expect(result.map((l) => l.text)).toEqual(['Trafficking cases', 'rose']);
    expect(result[0]).toMatchObject({ x: 72, y: 100, fontSize: 11 });
  });

  it('ends a line where pdf.js says so and ignores empty and blank runs', () => {
    const result = groupLines([
      item('', 72, 100, { hasEOL: true }),
      item(' ', 72, 100),
      item('First', 72, 100, { hasEOL: true }),
      item('Second', 100, 100),
    ]);
    expect(result.map((l) => l.text)).toEqual(['First', 'Second']);
  });

  it('keeps a raised footnote mark on its line at the body size', () => {
    const result = groupLines([
      item('seven shelters', 72, 100),
      item('3', 72 + 14 * 5.5, 96, { fontSize: 7 }),
      item(' were closed', 72 + 15 * 5.5, 100),
    ]);
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ text: 'seven shelters3 were closed', fontSize: 11 });
  });

  it('starts a new line when the text jumps back to the left on the same baseline', () => {
    const result = groupLines([item('right column text', 300, 100), item('left', 72, 100)]);
    expect(result.map((l) => l.text)).toEqual(['right column text', 'left']);
  });

  it('drops control characters left by broken font maps', () => {
    expect(groupLines([item('pledge\u0003d', 72, 100)])[0]?.text).toBe('pledged');
  });
});

describe('dropRunningLines', () => {
  const body = (n: number) => lines([`Body text of page ${n}.`, 'Shared closing line.'], 300);

  it('drops a header repeated at the top and a numbered footer at the bottom', () => {
    const pages = [1, 2, 3].map((n) =>
      page([
        line('Ministry of Justice of Valdoria', 40, { fontSize: 9 }),
        ...body(n),
        line(`Page ${n} of 3`, 810, { fontSize: 9 }),
      ]),
    );
    expect(dropRunningLines(pages).map((p) => p.map((l) => l.text))).toEqual([
      ['Body text of page 1.', 'Shared closing line.'],
      ['Body text of page 2.', 'Shared closing line.'],
      ['Body text of page 3.', 'Shared closing line.'],
    ]);
  });

  it('drops a bare page number in the margin, but not words, years or numbers in the body', () => {
    const kept = [line('Civil', 30), line('42', 400), line('2015', 812)];
    expect(dropRunningLines([page([...kept, line('- 7 -', 826)])])).toEqual([kept]);
    expect(dropRunningLines([page([line('xiv', 30), line('Body.', 400)])])).toEqual([
      [line('Body.', 400)],
    ]);
  });

  it('keeps a top line that appears on one page only', () => {
    const pages = [
      page([line('Annex: list of shelters', 40), ...body(1)]),
      page([line('Other matters', 40), ...body(2)]),
    ];
    expect(dropRunningLines(pages).map((p) => p[0]?.text)).toEqual([
      'Annex: list of shelters',
      'Other matters',
    ]);
  });
});
