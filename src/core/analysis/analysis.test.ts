import { describe, expect, it } from 'vitest';
import type { Annotation, AnnotationLink, PledgeStatus, Relation, Tag } from '../model';
import {
  addMonths,
  balanceOf,
  buildMatrix,
  buildTimeline,
  filterDossiers,
  gapCounts,
  pledgeChains,
  prepareLibrary,
  runGapQuery,
  sortDossiers,
  summarizeChains,
  type AnalysisDoc,
} from './index';

const documents: AnalysisDoc[] = [
  { id: 'd2008', title: 'Minister vows', date: '2008-03-14', source: 'Gazette', format: 'txt' },
  { id: 'd2012', title: 'Opinion', date: '2012-02-09', source: 'Courier', format: 'txt' },
  { id: 'd2015', title: 'PM repeats', date: '2015-01-20', source: 'Gazette', format: 'txt' },
  { id: 'dnodate', title: 'Undated note', date: null, source: null, format: 'md' },
  { id: 'daudit', title: 'Audit', date: '2014-11-19', source: 'Audit office', format: 'pdf' },
  { id: 'dempty', title: 'Nothing tagged', date: '2016-01-01', source: 'Gazette', format: 'html' },
];

let seq = 0;
function a(
  id: string,
  docId: string,
  tag: Tag,
  extra: Partial<Annotation> & { status?: PledgeStatus } = {},
): Annotation {
  seq += 1;
  return {
    id,
    docId,
    tag,
    note: '',
    target: {
      contentHash: '0'.repeat(64),
      selectors: [{ type: 'TextQuoteSelector', exact: `quote of ${id}`, prefix: '', suffix: '' }],
    },
    createdAt: seq,
    updatedAt: seq,
    ...extra,
  };
}
const l = (fromId: string, toId: string, relation: Relation): AnnotationLink => ({
  id: `${fromId}>${toId}`,
  fromId,
  toId,
  relation,
  createdAt: 1,
});

// Chain A: pledge 2008 repeated 2015, and a third wording repeating both (a cycle of repeats).
// Evidence 2014 supports the 2008 wording; critique 2012 and evidence 2015-09 contradict.
// Chain B: an open pledge in 2012 with one undated supporting evidence, then a later contradiction.
// Chain C: an undated pledge with nothing linked. Chain D: a kept pledge with a link to a
// deleted annotation only.
const annotations: Annotation[] = [
  a('p2008', 'd2008', 'pledge', {
    actor: 'Justice Minister',
    status: 'broken',
    labels: ['police'],
  }),
  a('p2015', 'd2015', 'pledge', { actor: 'Prime Minister', status: 'open' }),
  a('p2015b', 'd2015', 'pledge', { statementDate: '2015-02-01' }),
  a('c2012', 'd2012', 'critique', { labels: ['police', 'courts'] }),
  a('e2014', 'daudit', 'evidence', { actor: 'Audit office' }),
  a('e2015', 'd2015', 'evidence', { statementDate: '2015-09-03' }),
  a('pB', 'd2012', 'pledge', { actor: 'Courier editor', status: 'open' }),
  a('eB', 'dnodate', 'evidence'),
  a('cB', 'daudit', 'critique'),
  a('pC', 'dnodate', 'pledge'),
  a('pD', 'd2012', 'pledge', { status: 'kept' }),
  a('loneE', 'd2012', 'evidence'),
  a('loneC', 'd2015', 'critique'),
];
const links: AnnotationLink[] = [
  l('p2015', 'p2008', 'repeats'),
  l('p2015b', 'p2015', 'repeats'),
  l('p2008', 'p2015b', 'repeats'),
  l('e2014', 'p2008', 'supports'),
  l('c2012', 'p2008', 'contradicts'),
  l('e2015', 'p2015', 'contradicts'),
  // the same evidence linked to two wordings of one chain counts once
  l('e2015', 'p2015b', 'contradicts'),
  l('eB', 'pB', 'supports'),
  l('cB', 'pB', 'contradicts'),
  l('deleted-evidence', 'pD', 'supports'),
  l('loneE', 'deleted-pledge', 'supports'),
];
const library = prepareLibrary({ annotations, links, documents });
const chains = pledgeChains(library);
const context = { library, chains };
const ids = (list: readonly { id: string }[]) => list.map((x) => x.id);

describe('pledge chains', () => {
  it('joins pledges through repeats links, cycles included, oldest first', () => {
    expect(chains.map((c) => ids(c.pledges))).toEqual([
      ['p2008', 'p2015', 'p2015b'],
      ['pB'],
      ['pD'],
      ['pC'],
    ]);
  });
  it('gathers each linked item once per relation, in date order, and ignores deleted ends', () => {
    const [first, b, d] = chains;
    expect(first?.items.map((i) => [i.annotation.id, i.relation, i.date])).toEqual([
      ['c2012', 'contradicts', '2012-02-09'],
      ['e2014', 'supports', '2014-11-19'],
      ['e2015', 'contradicts', '2015-09-03'],
    ]);
    expect(b?.items.map((i) => i.annotation.id)).toEqual(['cB', 'eB']);
    expect(d?.items).toEqual([]);
  });
});

describe('dossier roll-up and balance', () => {
  const rows = summarizeChains(chains, library);
  it('sums up each chain', () => {
    expect(rows[0]).toMatchObject({
      chainId: 'p2008',
      pledgeCount: 3,
      firstDate: '2008-03-14',
      lastDate: '2015-02-01',
      actor: 'Justice Minister',
      status: 'open',
      latestEvidence: '2015-09-03',
      balance: { supports: 1, contradicts: 2, net: -1 },
      undatedItems: 0,
    });
    expect(rows[1]).toMatchObject({
      chainId: 'pB',
      latestEvidence: '2014-11-19',
      undatedItems: 1,
      balance: { supports: 1, contradicts: 1, net: 0, share: 0.5 },
    });
    expect(rows[3]).toMatchObject({ chainId: 'pC', firstDate: null, status: null });
    expect(rows[3]?.balance.share).toBeNull();
  });
  it('computes the balance', () => {
    expect(balanceOf(3, 1)).toEqual({ supports: 3, contradicts: 1, net: 2, share: 0.75 });
    expect(balanceOf(0, 0)).toEqual({ supports: 0, contradicts: 0, net: 0, share: null });
  });
  it('filters and sorts', () => {
    expect(filterDossiers(rows, { balance: 'contradicted' }).map((r) => r.chainId)).toEqual([
      'p2008',
    ]);
    expect(filterDossiers(rows, { balance: 'even' }).map((r) => r.chainId)).toEqual(['pB']);
    expect(filterDossiers(rows, { balance: 'none' }).map((r) => r.chainId)).toEqual(['pD', 'pC']);
    expect(filterDossiers(rows, { status: 'kept' }).map((r) => r.chainId)).toEqual(['pD']);
    expect(filterDossiers(rows, { status: 'none' }).map((r) => r.chainId)).toEqual(['pC']);
    expect(filterDossiers(rows, { actor: 'minister' }).map((r) => r.chainId)).toEqual(['p2008']);
    expect(filterDossiers(rows, { from: '2013-01-01' }).map((r) => r.chainId)).toEqual(['p2008']);
    expect(filterDossiers(rows, { to: '2010-01-01' }).map((r) => r.chainId)).toEqual(['p2008']);
    expect(sortDossiers(rows, 'balance').map((r) => r.chainId)).toEqual([
      'p2008',
      'pD',
      'pC',
      'pB',
    ]);
    expect(sortDossiers(rows, 'first', true).map((r) => r.chainId)[0]).toBe('pC');
  });
});

describe('gap queries', () => {
  const found = (q: Parameters<typeof runGapQuery>[0], months?: number) =>
    ids(runGapQuery(q, context, months).annotations);
  it('pledges with no linked evidence (evidence on any wording of the chain counts)', () => {
    expect(found('no-evidence')).toEqual(['pD', 'pC']);
  });
  it('pledges with no evidence within N months; undated pledges are set apart', () => {
    // p2008: first evidence 2014-11 is 80 months later; p2015 and p2015b: 2015-09 within 24.
    expect(found('no-evidence-within', 24)).toEqual(['p2008', 'pB', 'pD']);
    expect(found('no-evidence-within', 81)).toEqual(['pB', 'pD']);
    expect(ids(runGapQuery('no-evidence-within', context, 24).undated)).toEqual(['pC']);
  });
  it('open pledges whose latest dated linked item contradicts them', () => {
    // Chain A's latest is the 2015 contradiction: p2015 (open) and p2015b (unassessed), not
    // the broken 2008 wording; chain B's latest dated item is its contradiction.
    expect(found('open-contradicted')).toEqual(['pB', 'p2015', 'p2015b']);
  });
  it('critiques and evidence linked to no pledge (a link to a deleted pledge is no link)', () => {
    expect(found('unlinked-critiques')).toEqual(['loneC']);
    expect(found('unlinked-evidence')).toEqual(['loneE']);
  });
  it('documents with no annotation', () => {
    expect(ids(runGapQuery('unannotated-documents', context).documents)).toEqual(['dempty']);
  });
  it('counts every query', () => {
    expect(gapCounts(context, 24)).toEqual({
      'no-evidence': 2,
      'no-evidence-within': 3,
      'open-contradicted': 3,
      'unlinked-critiques': 1,
      'unlinked-evidence': 1,
      'unannotated-documents': 1,
    });
  });
  it('stops listing a pledge once evidence is linked to it', () => {
    const more = prepareLibrary({
      annotations,
      links: [...links, l('loneE', 'pD', 'supports')],
      documents,
    });
    const answer = runGapQuery('no-evidence', { library: more, chains: pledgeChains(more) });
    expect(ids(answer.annotations)).toEqual(['pC']);
  });
});

describe('matrix', () => {
  it('counts passages by tag and source with totals', () => {
    const m = buildMatrix(library, 'tag', 'source');
    expect(m.rows).toEqual(['Pledge', 'Evidence', 'Critique']);
    expect(m.columns).toEqual(['Audit office', 'Courier', 'Gazette', 'No source']);
    expect(m.cells.map((r) => r.map((c) => c.ids.length))).toEqual([
      [0, 2, 3, 1],
      [1, 1, 1, 1],
      [1, 1, 1, 0],
    ]);
    expect(m.rowTotals).toEqual([6, 4, 3]);
    expect(m.columnTotals).toEqual([2, 4, 5, 2]);
    expect(m.total).toBe(13);
    expect(m.cells[0]?.[2]?.ids).toEqual(['p2008', 'p2015', 'p2015b']);
  });
  it('counts by year (undated last) and by label, a passage with two labels once per total', () => {
    const byYear = buildMatrix(library, 'year', 'tag');
    expect(byYear.rows).toEqual(['2008', '2012', '2014', '2015', 'Undated']);
    expect(byYear.rowTotals).toEqual([1, 4, 2, 4, 2]);
    const byLabel = buildMatrix(library, 'label', 'tag');
    expect(byLabel.rows).toEqual(['courts', 'police', 'No label']);
    expect(byLabel.cells[1]?.map((c) => c.ids)).toEqual([['p2008'], [], ['c2012']]);
    expect(byLabel.columnTotals).toEqual([6, 4, 3]);
    expect(byLabel.total).toBe(13);
  });
  it('counts by actor and document type', () => {
    const m = buildMatrix(library, 'type', 'actor');
    expect(m.rows).toEqual(['Markdown', 'PDF', 'Text']);
    expect(m.rowTotals).toEqual([2, 2, 9]);
    expect(m.columns.at(-1)).toBe('No actor');
  });
});

describe('timeline', () => {
  const quote = (x: Annotation) => `words of ${x.id} one two three four five six seven eight nine`;
  it('draws one lane per chain, its marks in date order, undated ones counted', () => {
    const t = buildTimeline(chains, library, { quote });
    expect(t.lanes.map((lane) => lane.chainId)).toEqual(['p2008', 'pB', 'pD']);
    expect(t.lanes[0]?.marks.map((m) => [m.date, m.kind, m.tag])).toEqual([
      ['2008-03-14', 'pledge', 'pledge'],
      ['2012-02-09', 'contradicts', 'critique'],
      ['2014-11-19', 'supports', 'evidence'],
      ['2015-01-20', 'pledge', 'pledge'],
      ['2015-02-01', 'pledge', 'pledge'],
      ['2015-09-03', 'contradicts', 'evidence'],
    ]);
    expect(t.lanes[0]?.label).toBe('Justice Minister: words of p2008 one two three four five…');
    expect(t.lanes[1]?.undated).toBe(1);
    expect([t.from, t.to]).toEqual(['2008-03-14', '2015-09-03']);
  });
  it('zooms to a period', () => {
    const t = buildTimeline(chains, library, { quote, from: '2014-01-01', to: '2014-12-31' });
    expect(t.lanes.map((lane) => [lane.chainId, lane.marks.length])).toEqual([
      ['p2008', 1],
      ['pB', 1],
    ]);
    expect(buildTimeline(chains, library, { quote, maxLanes: 1 }).hiddenLanes).toBe(2);
  });
});

describe('dates', () => {
  it('adds months, keeping the day within the month', () => {
    expect(addMonths('2008-03-14', 24)).toBe('2010-03-14');
    expect(addMonths('2015-01-31', 1)).toBe('2015-02-28');
    expect(addMonths('2015-11-30', 3)).toBe('2016-02-29');
  });
});
