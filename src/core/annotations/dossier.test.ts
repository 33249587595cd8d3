import { describe, expect, it } from 'vitest';
import { parsedSamples } from '../../../tests/samples';
import { describeRange } from '../anchoring';
import type { Annotation, AnnotationLink, Relation, Tag } from '../model';
import { filterRows, sortRows, toRows } from './annotation-filter';
import { buildDossier } from './dossier';

const samples = await parsedSamples();
const doc = (prefix: string) => {
  const found = samples.find((d) => d.id.startsWith(prefix));
  if (!found) throw new Error(`no sample ${prefix}`);
  return found;
};
const minister = doc('2008-03-14');
const pm = doc('2015-01-20');
const opinion = doc('2012-02-09');
const court = doc('2015-09-03');
const documents = samples.map((d) => ({
  id: d.id,
  title: d.title,
  date: d.date,
  source: d.source,
}));

let seq = 0;
function annotate(d: typeof minister, words: number, tag: Tag, extra: Partial<Annotation> = {}) {
  // The first words of the document's second paragraph: real text, whatever it says.
  const block = d.blocks[1] ?? d.blocks[0];
  if (!block) throw new Error('empty sample');
  const paragraph = d.text.slice(block.start, block.end);
  const phrase = paragraph.split(' ').slice(0, words).join(' ');
  seq += 1;
  const annotation: Annotation = {
    id: `a${seq}`,
    docId: d.id,
    tag,
    note: '',
    target: {
      contentHash: '0'.repeat(64),
      selectors: describeRange(d.text, { start: block.start, end: block.start + phrase.length }),
    },
    createdAt: seq,
    updatedAt: seq,
    ...extra,
  };
  return annotation;
}
const link = (from: Annotation, to: Annotation, relation: Relation): AnnotationLink => ({
  id: `${from.id}-${to.id}`,
  fromId: from.id,
  toId: to.id,
  relation,
  createdAt: 1,
});

const pledge2008 = annotate(minister, 8, 'pledge', { actor: 'Justice Minister' });
const pledge2015 = annotate(pm, 8, 'pledge', { actor: 'Prime Minister' });
const critique = annotate(opinion, 6, 'critique', { note: 'No prosecutions at all.' });
const evidence = annotate(court, 6, 'evidence', { statementDate: '2015-09-03' });
const unrelated = annotate(doc('2010-11-08'), 5, 'pledge');
const annotations = [evidence, pledge2015, critique, unrelated, pledge2008];
const links = [
  link(pledge2015, pledge2008, 'repeats'),
  link(critique, pledge2008, 'contradicts'),
  link(evidence, pledge2015, 'supports'),
];

describe('buildDossier', () => {
  it('gathers what is linked directly and through repeats, in date order', () => {
    const dossier = buildDossier(pledge2008.id, annotations, links, documents);
    expect(dossier?.items.map((i) => [i.annotation.id, i.relation, i.date])).toEqual([
      [pledge2008.id, null, minister.date],
      [critique.id, 'contradicts', opinion.date],
      [pledge2015.id, 'repeats', pm.date],
      [evidence.id, 'supports', '2015-09-03'],
    ]);
    expect(dossier?.items[3]?.linkedTo?.id).toBe(pledge2015.id);
    expect(dossier?.items[1]?.doc?.title).toBe(opinion.title);
  });

  it('works from the later pledge too, and leaves out what is not linked', () => {
    const dossier = buildDossier(pledge2015.id, annotations, links, documents);
    const ids = dossier?.items.map((i) => i.annotation.id);
    expect(ids).toEqual([pledge2008.id, critique.id, pledge2015.id, evidence.id]);
    expect(ids).not.toContain(unrelated.id);
    expect(buildDossier('gone', annotations, links, documents)).toBeNull();
  });
});

describe('annotation table filters', () => {
  const rows = toRows(annotations, documents);

  it('narrows by tag, actor, status, dates and words of quote or note', () => {
    expect(filterRows(rows, { tag: 'pledge' })).toHaveLength(3);
    expect(filterRows(rows, { actor: 'minister' })).toHaveLength(2);
    expect(filterRows(rows, { actor: 'prime' }).map((r) => r.annotation.id)).toEqual([
      pledge2015.id,
    ]);
    expect(
      filterRows(rows, { from: '2012-01-01', to: '2015-06-30' })
        .map((r) => r.annotation.id)
        .sort(),
    ).toEqual([pledge2015.id, critique.id].sort());
    expect(filterRows(rows, { text: 'PROSECUTIONS no' }).map((r) => r.annotation.id)).toEqual([
      critique.id,
    ]);
    expect(filterRows(rows, { docId: court.id, tag: 'pledge' })).toEqual([]);
    expect(filterRows(rows, { status: 'broken' })).toEqual([]);
    expect(filterRows(rows, { source: court.source ?? '' }).length).toBeGreaterThan(0);
    expect(
      filterRows(rows, { document: 'PRIME minister repeats' }).map((r) => r.annotation.id),
    ).toEqual([pledge2015.id]);
  });

  it('sorts by date either way, undated last', () => {
    const byDate = sortRows(rows, 'date').map((r) => r.date);
    expect(byDate).toEqual([...byDate].sort());
    expect(sortRows(rows, 'date', true)[0]?.date).toBe(byDate[byDate.length - 1]);
  });
});
