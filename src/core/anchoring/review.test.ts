import { describe, expect, it } from 'vitest';
import type { Annotation } from '../model';
import { describeRange } from './selectors';
import { findOrphans } from './review';

const text = 'The minister promised a shelter in every province by December 2010.';
const annotation = (id: string, docId: string, phrase: string): Annotation => {
  const start = text.indexOf(phrase);
  return {
    id,
    docId,
    tag: 'pledge',
    note: '',
    target: {
      contentHash: 'h',
      selectors: describeRange(text, { start, end: start + phrase.length }),
    },
    createdAt: 0,
    updatedAt: 0,
  };
};

describe('finding annotations that need review', () => {
  it('lists those whose passage is gone or whose document is missing, and no others', async () => {
    const kept = annotation('kept', 'a', 'a shelter in every province');
    const gone = annotation('gone', 'b', 'by December 2010');
    const missing = annotation('missing', 'deleted', 'The minister');
    const contents: Record<string, { text: string }> = {
      a: { text },
      b: { text: 'Something else entirely, about customs officers and a lorry at night.' },
    };
    const read: string[] = [];
    const orphans = await findOrphans([kept, gone, missing], async (docId) => {
      read.push(docId);
      return contents[docId];
    });
    expect(orphans.sort()).toEqual(['gone', 'missing']);
    // Each document is read once.
    expect(read).toEqual(['a', 'b', 'deleted']);
  });
});
