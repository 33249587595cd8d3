import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodePdfEngine } from '../../../tests/pdf-engine';
import { parsePdfFile } from '../ingest/pdf';
import type { ParsedDocument, Selector } from '../model';
import { anchor, describeRange, reanchorAnnotation } from './index';

// The sample audit report as the importer reads it: real PDF text, in three pages.
let doc: ParsedDocument;
let paragraphs: string[];

beforeAll(async () => {
  const bytes = new Uint8Array(
    readFileSync(
      new URL('../../../resources/samples/2014-11-19-shelter-programme-audit.pdf', import.meta.url),
    ),
  );
  const result = await parsePdfFile(bytes, 'audit.pdf', { pdf: nodePdfEngine });
  if (result.status !== 'ok') throw new Error(result.reason);
  doc = result.doc;
  paragraphs = doc.text.split('\n\n');
});

function selectorsFor(phrase: string, occurrence = 0): Selector[] {
  let start = -1;
  for (let i = 0; i <= occurrence; i += 1) start = doc.text.indexOf(phrase, start + 1);
  if (start < 0) throw new Error(`not in the report: ${phrase}`);
  return describeRange(doc.text, { start, end: start + phrase.length });
}

function found(text: string, selectors: Selector[]): string | null {
  const range = anchor(text, selectors);
  return range ? text.slice(range.start, range.end) : null;
}

const SENTENCE =
  'On each occasion a notice on the door referred callers to a telephone number that was not answered.';

describe('anchoring in the sample audit report and edited versions of it', () => {
  it('finds the sentence by its quote after paragraphs were inserted and deleted before it', () => {
    const selectors = selectorsFor(SENTENCE);
    const edited = [
      paragraphs[0],
      'Corrected edition: the figures in section 3 were revised in January 2015.',
      ...paragraphs.slice(1, 4),
      ...paragraphs.slice(6),
    ].join('\n\n');
    expect(edited).toContain(SENTENCE);
    expect(anchor(edited, selectors)).toMatchObject({ method: 'quote', score: 1 });
    expect(found(edited, selectors)).toBe(SENTENCE);
  });

  it('finds it through changed line breaks, spacing and punctuation', () => {
    const selectors = selectorsFor(SENTENCE);
    const respaced = doc.text.replace(SENTENCE, SENTENCE.replace(/ a notice /, '  a\nnotice '));
    expect(anchor(respaced, selectors)).toMatchObject({ method: 'quote', score: 1 });
    const repunctuated = doc.text.replace(
      SENTENCE,
      'On each occasion, a notice on the door referred callers to a telephone number that was not answered;',
    );
    const result = anchor(repunctuated, selectors);
    expect(result?.method).toBe('fuzzy');
    expect(found(repunctuated, selectors)).toMatch(/^On each occasion, a notice .* not answered/);
  });

  it('moves with a word changed inside the quote, and says it is not exact', () => {
    const selectors = selectorsFor(SENTENCE);
    const changed = SENTENCE.replace('telephone', 'hotline');
    const edited = doc.text.replace(SENTENCE, changed);
    const result = anchor(edited, selectors);
    expect(result?.method).toBe('fuzzy');
    expect(result?.score).toBeLessThan(1);
    expect(found(edited, selectors)).toBe(changed);
  });

  it('tells a phrase that occurs twice apart by its context, on page 2 or page 3', () => {
    const phrase = 'were never contracted';
    const second = selectorsFor(phrase, 1);
    const first = selectorsFor(phrase, 0);
    const moved = `${paragraphs[0]}\n\nA new opening paragraph.\n\n${paragraphs.slice(1).join('\n\n')}`;
    const at = (s: Selector[]) => anchor(moved, s)?.start ?? -1;
    expect(at(second)).toBe(moved.lastIndexOf(phrase));
    expect(at(first)).toBe(moved.indexOf(phrase));
  });

  it('uses the stored page to choose between identical quotes when there is no position', () => {
    const phrase = 'leased buildings';
    const pages = doc.pages ?? [];
    const bare = (index: number): Selector[] => [
      { type: 'TextQuoteSelector', exact: phrase, prefix: '', suffix: '' },
      { type: 'PageSelector', index },
    ];
    const onPage = (index: number) => {
      const range = anchor(doc.text, bare(index), pages);
      return range ? pages.findIndex((p) => p.start <= range.start && range.end <= p.end) : -1;
    };
    expect(onPage(1)).toBe(1);
    expect(onPage(2)).toBe(2);
  });

  it('leaves an orphan when the sentence was deleted, and keeps it flagged, not dropped', () => {
    const selectors = selectorsFor(SENTENCE);
    const deleted = doc.text.replace(`${SENTENCE} `, '');
    expect(deleted).not.toContain('telephone');
    expect(anchor(deleted, selectors)).toBeNull();
    const { outcome, annotation } = reanchorAnnotation(
      {
        id: 'a',
        docId: 'd',
        tag: 'evidence',
        note: '',
        target: { contentHash: 'old', selectors },
        createdAt: 1,
        updatedAt: 1,
      },
      deleted,
      'new',
      2,
    );
    expect(outcome).toBe('not-found');
    expect(annotation.review).toMatchObject({ reason: 'not-found', previousQuote: SENTENCE });
  });

  it('gives a re-anchored annotation the page its passage is on in the new version', () => {
    const selectors = [...selectorsFor(SENTENCE), { type: 'PageSelector', index: 1 } as const];
    const pages = doc.pages ?? [];
    // Page 1 lost its last paragraph: the sentence now sits further up, still on page 2.
    const cutFrom = doc.text.lastIndexOf('\n\n', pages[0]!.end);
    const shorter = doc.text.slice(0, cutFrom) + doc.text.slice(pages[0]!.end);
    const shift = pages[0]!.end - cutFrom;
    const newPages = pages.map((p, i) =>
      i === 0 ? { start: 0, end: p.end - shift } : { start: p.start - shift, end: p.end - shift },
    );
    const { annotation } = reanchorAnnotation(
      {
        id: 'a',
        docId: 'd',
        tag: 'evidence',
        note: '',
        target: { contentHash: 'old', selectors },
        createdAt: 1,
        updatedAt: 1,
      },
      shorter,
      'new',
      2,
      newPages,
    );
    expect(annotation.target.selectors).toContainEqual({ type: 'PageSelector', index: 1 });
    const position = annotation.target.selectors.find((s) => s.type === 'TextPositionSelector');
    expect(position && shorter.slice(position.start, position.end)).toBe(SENTENCE);
  });
});
