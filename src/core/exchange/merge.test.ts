import { describe, expect, it } from 'vitest';
import type { Annotation, AnnotationLink } from '../model';
import { combine, mergeAnnotations, mergeLinks, planMerge, type LibrarySnapshot } from './merge';
import type { LibraryData, LibraryDocument } from './records';

const H1 = 'a'.repeat(64);
const H2 = 'b'.repeat(64);
let counter = 0;
const options = { now: 5_000, newId: () => `new-${++counter}` };

function doc(id: string, hash: string): LibraryDocument {
  return {
    record: {
      id,
      title: `Doc ${id}`,
      source: null,
      date: null,
      author: null,
      url: null,
      language: null,
      format: 'txt',
      fileName: `${id}.txt`,
      filePath: `${id}.txt`,
      contentHash: hash,
      byteLength: 3,
      textLength: 3,
      importedAt: 1,
    },
    content: { docId: id, text: 'abc', blocks: [] },
    original: new Uint8Array([1, 2, 3]),
  };
}

function ann(id: string, docId: string, extra: Partial<Annotation> = {}): Annotation {
  return {
    id,
    docId,
    tag: 'pledge',
    note: '',
    target: {
      contentHash: H1,
      selectors: [
        { type: 'TextQuoteSelector', exact: 'shelters in every province', prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: 10, end: 36 },
      ],
    },
    createdAt: 100,
    updatedAt: 100,
    ...extra,
  };
}

const link = (id: string, fromId: string, toId: string, createdAt = 100): AnnotationLink => ({
  id,
  fromId,
  toId,
  relation: 'supports',
  createdAt,
});

const empty: LibrarySnapshot = { documents: [], annotations: [], links: [], importRunIds: [] };

describe('planMerge', () => {
  it('adds everything to an empty library, keeping ids', () => {
    const data: LibraryData = {
      documents: [doc('d1', H1)],
      annotations: [ann('a1', 'd1'), ann('a2', 'd1', { tag: 'evidence' })],
      links: [link('l1', 'a2', 'a1')],
      importRuns: [{ id: 'r1', startedAt: 1, finishedAt: 2, origin: 'files', files: [] }],
    };
    const plan = planMerge(data, empty, options);
    expect(plan.documents.map((d) => d.record.id)).toEqual(['d1']);
    expect(plan.annotations.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(plan.links.map((l) => l.id)).toEqual(['l1']);
    expect(plan.importRuns).toHaveLength(1);
    expect(plan.summary.documents.added).toBe(1);
    expect(plan.summary.annotations.added).toBe(2);
  });

  it('matches documents by content hash and moves annotations onto the library’s id', () => {
    const library: LibrarySnapshot = { ...empty, documents: [{ id: 'mine', contentHash: H1 }] };
    const plan = planMerge(
      {
        documents: [doc('theirs', H1)],
        annotations: [ann('a1', 'theirs')],
        links: [],
        importRuns: [],
      },
      library,
      options,
    );
    expect(plan.documents).toEqual([]);
    expect(plan.summary.documents.matched).toBe(1);
    expect(plan.annotations[0]?.docId).toBe('mine');
  });

  it('gives a new id to a new document whose id is taken by another document here', () => {
    const library: LibrarySnapshot = { ...empty, documents: [{ id: 'd1', contentHash: H2 }] };
    const plan = planMerge(
      { documents: [doc('d1', H1)], annotations: [ann('a1', 'd1')], links: [], importRuns: [] },
      library,
      options,
    );
    const added = plan.documents[0];
    expect(added?.record.id).not.toBe('d1');
    expect(added?.content.docId).toBe(added?.record.id);
    expect(plan.annotations[0]?.docId).toBe(added?.record.id);
  });

  it('adds nothing when the same data is merged twice', () => {
    const data: LibraryData = {
      documents: [doc('d1', H1)],
      annotations: [ann('a1', 'd1')],
      links: [],
      importRuns: [],
    };
    const library: LibrarySnapshot = {
      documents: [{ id: 'd1', contentHash: H1 }],
      annotations: [ann('a1', 'd1')],
      links: [],
      importRunIds: [],
    };
    const plan = planMerge(data, library, options);
    expect(plan.documents).toEqual([]);
    expect(plan.annotations).toEqual([]);
    expect(plan.summary.annotations.matched).toBe(1);
  });
});

describe('mergeAnnotations', () => {
  const ids = new Map([['d1', 'd1']]);

  it('matches by id first', () => {
    const result = mergeAnnotations([ann('a1', 'd1')], [ann('a1', 'd1')], ids, options);
    expect(result.counts.matched).toBe(1);
    expect(result.annotations).toEqual([]);
  });

  it('matches by document hash, selectors and tag when ids differ', () => {
    const result = mergeAnnotations([ann('mine', 'd1')], [ann('theirs', 'd1')], ids, options);
    expect(result.counts.matched).toBe(1);
    expect(result.ids.get('theirs')).toBe('mine');
  });

  it('does not match the same passage under another tag', () => {
    const result = mergeAnnotations(
      [ann('mine', 'd1')],
      [ann('theirs', 'd1', { tag: 'critique' })],
      ids,
      options,
    );
    expect(result.counts.added).toBe(1);
  });

  it('refuses an annotation whose document is unknown, and one whose id is on another document', () => {
    const result = mergeAnnotations(
      [ann('a1', 'd9')],
      [ann('x', 'nowhere'), ann('a1', 'd1')],
      ids,
      options,
    );
    expect(result.counts.refused).toBe(2);
    expect(result.refusals[0]).toMatch(/neither in the file nor in this library/);
  });
});

describe('combine', () => {
  it('keeps the newer edit and records the older one in history', () => {
    const ours = ann('a1', 'd1', { note: 'mine', updatedAt: 200 });
    const theirs = ann('a1', 'd1', { note: 'theirs', actor: 'Minister', updatedAt: 300 });
    const merged = combine(ours, theirs, 999);
    expect(merged.note).toBe('theirs');
    expect(merged.actor).toBe('Minister');
    expect(merged.updatedAt).toBe(300);
    expect(merged.history).toEqual([
      { tag: 'pledge', note: 'mine', updatedAt: 200, replacedAt: 999 },
    ]);

    const reverse = combine(theirs, ours, 999);
    expect(reverse.note).toBe('theirs');
    expect(reverse.history?.[0]?.note).toBe('mine');
  });

  it('keeps our placement of the passage whichever side wins', () => {
    const ours = ann('a1', 'd1', { updatedAt: 1 });
    const theirs = {
      ...ann('a1', 'd1', { updatedAt: 2, note: 'x' }),
      target: {
        contentHash: H2,
        selectors: [{ type: 'TextPositionSelector' as const, start: 0, end: 1 }],
      },
    };
    expect(combine(ours, theirs, 5).target).toEqual(ours.target);
  });

  it('joins status histories and records a version met twice only once', () => {
    const ours = ann('a1', 'd1', {
      status: 'open',
      statusHistory: [{ status: 'open', rationale: '', at: 10 }],
      updatedAt: 10,
    });
    const theirs = ann('a1', 'd1', {
      status: 'broken',
      rationale: 'no shelters',
      statusHistory: [
        { status: 'open', rationale: '', at: 10 },
        { status: 'broken', rationale: 'no shelters', at: 20 },
      ],
      updatedAt: 20,
    });
    const once = combine(ours, theirs, 30);
    expect(once.status).toBe('broken');
    expect(once.statusHistory?.map((s) => s.status)).toEqual(['open', 'broken']);
    const twice = combine(once, theirs, 40);
    expect(twice).toBe(once);
  });
});

describe('mergeLinks', () => {
  it('maps ends through the annotation ids and matches links by the pair they join', () => {
    const ids = new Map([
      ['t1', 'a1'],
      ['t2', 'a2'],
    ]);
    const result = mergeLinks(
      [link('mine', 'a2', 'a1')],
      [link('theirs', 't2', 't1'), link('l2', 't1', 't2'), link('l3', 't1', 'gone')],
      ids,
      options,
    );
    expect(result.counts).toEqual({ added: 1, matched: 1, updated: 0, refused: 1 });
    expect(result.links[0]).toMatchObject({ fromId: 'a1', toId: 'a2' });
  });

  it('takes the newer relation for a pair linked on both sides', () => {
    const ids = new Map([
      ['a1', 'a1'],
      ['a2', 'a2'],
    ]);
    const newer = { ...link('x', 'a2', 'a1', 500), relation: 'contradicts' as const };
    const result = mergeLinks([link('mine', 'a2', 'a1', 100)], [newer], ids, options);
    expect(result.counts.updated).toBe(1);
    expect(result.links[0]).toMatchObject({ id: 'mine', relation: 'contradicts' });
  });
});
