import { pledgeChains } from '../analysis/chains';
import { prepareLibrary } from '../analysis/library';
import { buildTimeline } from '../analysis/timeline';
import { quoteOf } from '../annotations/selectors-of';
import { TAG_LABELS, TAGS, type Tag } from '../model';
import type { ReportLibrary, ReportTimeline, ReportTimelineRow } from './report-types';

/**
 * The timeline of the chain a dossier's pledge belongs to, built as the Timeline view builds
 * its lanes (so the report draws what the analyst saw there); null when the annotation is not
 * a pledge of any chain (retagged since the dossier was opened).
 */
export function dossierTimeline(library: ReportLibrary, pledgeId: string): ReportTimeline | null {
  const analysis = prepareLibrary(library);
  const chain = pledgeChains(analysis).find((c) => c.pledges.some((p) => p.id === pledgeId));
  if (!chain) return null;
  const { lanes } = buildTimeline([chain], analysis, { quote: quoteOf });
  const lane = lanes[0] ?? null;
  const rows: ReportTimelineRow[] = (lane?.marks ?? []).map((m) => ({
    date: m.date,
    tag: m.tag,
    kind: m.kind,
    passage: quoteOf(m.annotation),
    title: analysis.docs.get(m.annotation.docId)?.title ?? 'Document not in the library',
  }));
  // A lane is only drawn with a dated mark: without one, every item of the chain is undated.
  const undated = lane ? lane.undated : chain.pledges.length + chain.items.length;
  return { lane, rows, undated };
}

export const TIMELINE_TITLE = 'Timeline';
export const TIMELINE_ANCHOR = 'timeline';

export const TIMELINE_CAPTION =
  'The statement dates of this chain’s pledges, and the dates of the evidence and critiques ' +
  'linked to them.';

/** How to read the marks: by shape and by sign, never by colour alone. */
export const TIMELINE_KEY =
  'Squares are pledges, circles evidence, triangles critiques; filled marks support their ' +
  'pledge (+), hollow dashed ones contradict it (−). The table lists the same marks.';

export const TIMELINE_HEADERS = ['Date', 'Tag', 'Relation', 'Passage', 'Document'] as const;

const RELATION_NAMES: Record<ReportTimelineRow['kind'], string> = {
  pledge: 'pledge of the chain',
  supports: 'supports',
  contradicts: 'contradicts',
};

/** A table row of the timeline as plain text, in TIMELINE_HEADERS' order. */
export function timelineCells(row: ReportTimelineRow): string[] {
  return [row.date, TAG_LABELS[row.tag], RELATION_NAMES[row.kind], row.passage, row.title];
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const TAG_COUNTS: Record<Tag, (n: number) => string> = {
  pledge: (n) => count(n, 'pledge'),
  evidence: (n) => `${n} evidence`,
  critique: (n) => count(n, 'critique'),
};

/** The chart's short text alternative: its span and what its marks add up to. */
export function timelineAlt(timeline: ReportTimeline): string {
  const { rows } = timeline;
  const first = rows[0];
  const last = rows.at(-1);
  if (!first || !last) return 'Timeline with no dated mark.';
  const tags = TAGS.map((t) => [t, rows.filter((r) => r.tag === t).length] as const)
    .filter(([, n]) => n > 0)
    .map(([t, n]) => TAG_COUNTS[t](n));
  const supports = rows.filter((r) => r.kind === 'supports').length;
  const contradicts = rows.filter((r) => r.kind === 'contradicts').length;
  const span = first.date === last.date ? `on ${first.date}` : `from ${first.date} to ${last.date}`;
  return (
    `Timeline of the pledge chain ${span}: ${count(rows.length, 'mark')} (${tags.join(', ')}); ` +
    `${supports} supporting the pledge, ${contradicts} contradicting it.`
  );
}

/** Said under the chart when some of the chain's items have no date. */
export function timelineUndatedNote(timeline: ReportTimeline): string | null {
  if (timeline.undated === 0) return null;
  return timeline.rows.length === 0
    ? `None of this chain’s ${count(timeline.undated, 'item')} has a date: nothing to draw.`
    : `${count(timeline.undated, 'item')} of this chain without a date ${timeline.undated === 1 ? 'is' : 'are'} not drawn.`;
}
