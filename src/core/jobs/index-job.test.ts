import { describe, expect, it } from 'vitest';
import { planUpdate, segmentsToMerge, signatureOf, type IndexSource } from './index-job';

const doc = (id: string, extra: Partial<IndexSource> = {}): IndexSource => ({
  id,
  title: `Title ${id}`,
  source: 'The Harbour Gazette',
  author: null,
  language: 'en',
  contentHash: 'a'.repeat(64),
  ...extra,
});

describe('planUpdate', () => {
  it('adds new and changed documents and removes gone ones', () => {
    const indexed = Object.fromEntries(['a', 'b', 'c'].map((id) => [id, signatureOf(doc(id))]));
    const plan = planUpdate(indexed, [
      doc('a'),
      doc('b', { title: 'Edited title' }),
      doc('d'),
      doc('e', { contentHash: 'b'.repeat(64) }),
    ]);
    expect(plan).toEqual({ add: ['b', 'd', 'e'], remove: ['c'] });
    expect(planUpdate(indexed, [doc('a'), doc('b'), doc('c')])).toEqual({ add: [], remove: [] });
  });

  it('re-indexes a new version of the text or a changed language', () => {
    const indexed = { a: signatureOf(doc('a')) };
    expect(planUpdate(indexed, [doc('a', { contentHash: 'c'.repeat(64) })]).add).toEqual(['a']);
    expect(planUpdate(indexed, [doc('a', { language: 'fr' })]).add).toEqual(['a']);
    // The same bytes read again as another encoding: only the version tells.
    expect(planUpdate(indexed, [doc('a', { version: 1 })]).add).toEqual([]);
    expect(planUpdate(indexed, [doc('a', { version: 2 })]).add).toEqual(['a']);
  });
});

describe('segmentsToMerge', () => {
  it('merges small segments once there are several, and segments full of removed documents', () => {
    const small = (key: string) => ({ key, size: 20, deleted: 0 });
    expect(segmentsToMerge([{ key: 'big', size: 5000, deleted: 10 }, small('a')])).toEqual([]);
    expect(
      segmentsToMerge(
        ['a', 'b', 'c', 'd', 'e'].map(small).concat({ key: 'big', size: 5000, deleted: 0 }),
      ),
    ).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(segmentsToMerge([{ key: 'big', size: 5000, deleted: 2000 }])).toEqual(['big']);
  });
});
