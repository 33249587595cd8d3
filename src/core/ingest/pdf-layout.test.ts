import { describe, expect, it } from 'vitest';
import { assemblePages, joinLines, layoutDocument, measureBody } from './pdf-layout';
import type { PdfLine, PdfPageLines } from './pdf-lines';

const A4_HEIGHT = 842;

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

describe('measureBody', () => {
  it('takes the commonest size and the spacing within paragraphs, not between them', () => {
    const two = (y: number) => lines(['A line of body text here.', 'Its second line.'], y);
    const metrics = measureBody([
      [line('Title', 60, { fontSize: 18 }), ...two(100), ...two(136), ...two(172)],
    ]);
    expect(metrics).toEqual({ fontSize: 11, lineSpacing: 14.5 });
  });
});

describe('joinLines', () => {
  it('undoes hyphenation before a lower-case continuation', () => {
    expect(joinLines(['the gov-', 'ernment pledged'])).toBe('the government pledged');
  });

  it('joins a compound broken at its hyphen too: the documented trade-off', () => {
    expect(joinLines(['twenty-', 'five shelters'])).toBe('twentyfive shelters');
  });

  it('keeps the hyphen when the document spells the word hyphenated elsewhere', () => {
    const words = new Set(['non-governmental']);
    expect(joinLines(['the non-', 'governmental groups'], words)).toBe(
      'the non-governmental groups',
    );
  });

  it('keeps the hyphen, without a space, before a capital or a digit', () => {
    expect(joinLines(['the Franco-', 'Prussian war'])).toBe('the Franco-Prussian war');
    expect(joinLines(['in 2011-', '2014'])).toBe('in 2011-2014');
  });

  it('drops soft hyphens wherever they are', () => {
    expect(joinLines(['ac\u00ADcount\u00AD', 'ability'])).toBe('accountability');
  });

  it('joins other lines with one space and keeps a spaced dash', () => {
    expect(joinLines(['pledges -', 'and critiques', '  ', 'too'])).toBe(
      'pledges - and critiques too',
    );
  });
});

describe('layoutDocument', () => {
  it('splits paragraphs at wider gaps and finds headings by size, ranked by size', () => {
    const p1 = [
      line('Shelter Audit', 60, { fontSize: 18 }),
      line('1. Findings', 90, { fontSize: 14 }),
      ...lines(['The shelter was locked on three of', 'five visits.'], 110),
      ...lines(['Funding came late in every year', 'under review.'], 110 + 14.5 + 22),
    ];
    const layout = layoutDocument([page(p1)]);
    expect(layout.pages).toEqual([
      [
        { kind: 'heading', level: 1, text: 'Shelter Audit' },
        { kind: 'heading', level: 2, text: '1. Findings' },
        { kind: 'paragraph', text: 'The shelter was locked on three of five visits.' },
        { kind: 'paragraph', text: 'Funding came late in every year under review.' },
      ],
    ]);
    expect(layout.bodyTitle).toBe('Shelter Audit');
    expect(layout.leadLines[0]).toBe('Shelter Audit');
  });

  it('splits at a first-line indent after a finished sentence, and at bullets', () => {
    const p1 = [
      ...lines(['The ministry pledged twelve shelters', 'by 2013.'], 100),
      line('Five opened. The rest were', 129, { x: 90 }),
      line('never contracted.', 143.5),
      line('• Belmire: locked on three visits', 158),
      line('• Korvany: no interpreters', 172.5),
    ];
    expect(layoutDocument([page(p1)]).pages[0]).toEqual([
      { kind: 'paragraph', text: 'The ministry pledged twelve shelters by 2013.' },
      { kind: 'paragraph', text: 'Five opened. The rest were never contracted.' },
      { kind: 'list-item', text: 'Belmire: locked on three visits' },
      { kind: 'list-item', text: 'Korvany: no interpreters' },
    ]);
  });

  it('splits where the text goes back up to the top of the next column', () => {
    const p1 = [
      ...lines(['Left column ends', 'here'], 700),
      ...lines(['right column', 'starts'], 100),
    ];
    expect(layoutDocument([page(p1)]).pages[0]?.map((d) => d.text)).toEqual([
      'Left column ends here',
      'right column starts',
    ]);
  });

  it('never joins a paragraph across pages, and takes the first line as title without a heading', () => {
    const layout = layoutDocument([
      page(lines(['Report on shelters', 'continues'], 100)),
      page(lines(['onto the next page.'], 100)),
    ]);
    expect(layout.pages.map((p) => p.map((d) => d.text))).toEqual([
      ['Report on shelters continues'],
      ['onto the next page.'],
    ]);
    expect(layout.bodyTitle).toBe('Report on shelters');
  });

  it('has nothing to offer for pages without text', () => {
    expect(layoutDocument([page([]), page([])])).toEqual({
      pages: [[], []],
      bodyTitle: null,
      leadLines: [],
    });
  });
});

describe('assemblePages', () => {
  it('records page offsets, with an empty page at the end of the text before it', () => {
    const result = assemblePages([
      [
        { kind: 'heading', level: 1, text: 'Audit' },
        { kind: 'paragraph', text: '  ' },
        { kind: 'paragraph', text: 'First  page.' },
      ],
      [],
      [{ kind: 'paragraph', text: 'Third page.' }],
    ]);
    expect(result.text).toBe('Audit\n\nFirst page.\n\nThird page.');
    expect(result.pages).toEqual([
      { start: 0, end: 18 },
      { start: 18, end: 18 },
      { start: 20, end: 31 },
    ]);
    expect(result.blocks.map((b) => result.text.slice(b.start, b.end))).toEqual([
      'Audit',
      'First page.',
      'Third page.',
    ]);
  });

  it('gives every page an empty slice at 0 when there is no text at all', () => {
    expect(assemblePages([[], [{ kind: 'paragraph', text: ' ' }]])).toEqual({
      text: '',
      blocks: [],
      pages: [
        { start: 0, end: 0 },
        { start: 0, end: 0 },
      ],
    });
  });
});
