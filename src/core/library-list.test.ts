import { describe, expect, it } from 'vitest';
import { filterLibrary, sortLibrary } from './library-list';
import type { DocumentRecord } from './model';

const doc = (id: string, extra: Partial<DocumentRecord>): DocumentRecord => ({
  id,
  title: id,
  source: null,
  date: null,
  author: null,
  url: null,
  language: null,
  format: 'txt',
  fileName: `${id}.txt`,
  filePath: `${id}.txt`,
  contentHash: '0'.repeat(64),
  byteLength: 1,
  textLength: 1,
  importedAt: 0,
  ...extra,
});
const docs = [
  doc('Audit', { date: '2014-11-19', source: 'Audit Office', format: 'pdf', importedAt: 3 }),
  doc('Pledge', { date: '2008-03-14', source: 'Harbour Gazette', importedAt: 1 }),
  doc('Undated', { format: 'md', importedAt: 2 }),
  doc('Repeat', { date: '2015-01-20', source: 'Harbour Gazette', format: 'docx', importedAt: 4 }),
];
const counts = new Map([
  ['Pledge', 2],
  ['Repeat', 5],
]);
const ids = (list: DocumentRecord[]) => list.map((d) => d.id);

describe('library list', () => {
  it('filters by date, source, type, title and whether a document has annotations', () => {
    expect(ids(filterLibrary(docs, counts, { from: '2010-01-01' }))).toEqual(['Audit', 'Repeat']);
    expect(ids(filterLibrary(docs, counts, { to: '2010-01-01' }))).toEqual(['Pledge']);
    expect(ids(filterLibrary(docs, counts, { source: 'gazette' }))).toEqual(['Pledge', 'Repeat']);
    expect(ids(filterLibrary(docs, counts, { type: 'pdf' }))).toEqual(['Audit']);
    expect(ids(filterLibrary(docs, counts, { annotated: 'yes' }))).toEqual(['Pledge', 'Repeat']);
    expect(ids(filterLibrary(docs, counts, { annotated: 'no' }))).toEqual(['Audit', 'Undated']);
    expect(ids(filterLibrary(docs, counts, { title: 'aud' }))).toEqual(['Audit']);
  });
  it('sorts by each column, undated and sourceless last', () => {
    expect(ids(sortLibrary(docs, counts, 'date'))).toEqual([
      'Pledge',
      'Audit',
      'Repeat',
      'Undated',
    ]);
    expect(ids(sortLibrary(docs, counts, 'source'))).toEqual([
      'Audit',
      'Pledge',
      'Repeat',
      'Undated',
    ]);
    expect(ids(sortLibrary(docs, counts, 'annotations', true))).toEqual([
      'Repeat',
      'Pledge',
      'Audit',
      'Undated',
    ]);
    expect(ids(sortLibrary(docs, counts, 'type'))).toEqual([
      'Repeat',
      'Undated',
      'Audit',
      'Pledge',
    ]);
    expect(ids(sortLibrary(docs, counts, 'imported'))).toEqual([
      'Pledge',
      'Undated',
      'Audit',
      'Repeat',
    ]);
  });
});
