import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../model';
import { quoteSelectorOf, positionSelectorOf } from './selectors';
import { describeRange } from './selectors';
import { reanchorAnnotation } from './reanchor';

const article = readFileSync(new URL('./fixtures/shelter-budget.txt', import.meta.url), 'utf8');
const paragraphs = article.split('\n\n');
const second = paragraphs[1] ?? '';
const quote = second.slice(0, Math.min(80, second.length));

function annotationOn(text: string, phrase: string): Annotation {
  const start = text.indexOf(phrase);
  return {
    id: 'a1',
    docId: 'd1',
    tag: 'evidence',
    note: 'keep me',
    target: {
      contentHash: 'old',
      selectors: describeRange(text, { start, end: start + phrase.length }),
    },
    createdAt: 1,
    updatedAt: 1,
  };
}

describe('reanchorAnnotation onto a new version of the text', () => {
  const original = annotationOn(article, quote);

  it('renews the selectors when the quote is still there, even after inserted text', () => {
    const newText = `A new opening paragraph was added by the editors.\n\n${article}`;
    const { annotation, outcome } = reanchorAnnotation(original, newText, 'new', 5);
    expect(outcome).toBe('kept');
    expect(annotation.target.contentHash).toBe('new');
    const position = positionSelectorOf(annotation.target.selectors)!;
    expect(newText.slice(position.start, position.end)).toBe(quote);
    expect(annotation.review).toBeUndefined();
    expect(annotation.note).toBe('keep me');
  });

  it('moves to a similar passage and flags it when a word of the quote changed', () => {
    const words = quote.split(' ');
    const idx = Math.floor(words.length / 2);
    words[idx] = `${words[idx]}x`;
    const edited = article.replace(quote, words.join(' '));
    const { annotation, outcome } = reanchorAnnotation(original, edited, 'new', 5);
    expect(outcome).toBe('changed');
    expect(quoteSelectorOf(annotation.target.selectors)?.exact).toBe(words.join(' '));
    expect(annotation.review).toEqual({ reason: 'changed', previousQuote: quote, since: 5 });
  });

  it('keeps an annotation whose passage is gone, flagged, with its old selectors', () => {
    const cut = paragraphs.filter((_, i) => i !== 1).join('\n\n');
    const { annotation, outcome } = reanchorAnnotation(original, cut, 'new', 5);
    expect(outcome).toBe('not-found');
    expect(annotation.target).toEqual(original.target);
    expect(annotation.review).toMatchObject({ reason: 'not-found', previousQuote: quote });
  });
});
