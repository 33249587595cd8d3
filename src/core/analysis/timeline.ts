import type { Annotation, Tag } from '../model';
import { compareDates, type AnalysisLibrary } from './library';
import type { PledgeChain } from './chains';

/** How a mark relates to its lane's chain. */
export type MarkKind = 'pledge' | 'supports' | 'contradicts';

export interface TimelineMark {
  annotation: Annotation;
  date: string;
  tag: Tag;
  kind: MarkKind;
}

export interface TimelineLane {
  chainId: string;
  /** Short name of the lane: its first pledge's actor and first words. */
  label: string;
  marks: TimelineMark[];
  /** Items of the chain without a date: not drawn, counted. */
  undated: number;
}

export interface Timeline {
  lanes: TimelineLane[];
  /** First and last date drawn; null when nothing is dated. */
  from: string | null;
  to: string | null;
}

export interface TimelineOptions {
  /** Inclusive ISO dates: only marks in the period are drawn, and only lanes with marks. */
  from?: string;
  to?: string;
  /** At most this many lanes, the earliest first (the rest are counted). */
  maxLanes?: number;
  quote: (a: Annotation) => string;
}

function shorten(text: string, words: number): string {
  const parts = text.split(/\s+/).filter(Boolean);
  return parts.length <= words ? parts.join(' ') : `${parts.slice(0, words).join(' ')}…`;
}

/**
 * One lane per pledge chain: its pledges' statement dates and its linked items' dates as marks,
 * in date order, within the period asked for.
 */
export function buildTimeline(
  chains: readonly PledgeChain[],
  library: AnalysisLibrary,
  options: TimelineOptions,
): Timeline & { hiddenLanes: number } {
  const inPeriod = (d: string) =>
    (!options.from || d >= options.from) && (!options.to || d <= options.to);
  const lanes: TimelineLane[] = [];
  let from: string | null = null;
  let to: string | null = null;
  for (const chain of chains) {
    const marks: TimelineMark[] = [];
    let undated = 0;
    const add = (annotation: Annotation, kind: MarkKind) => {
      const date = library.dates.get(annotation.id) ?? null;
      if (date === null) {
        undated += 1;
        return;
      }
      if (!inPeriod(date)) return;
      marks.push({ annotation, date, tag: annotation.tag, kind });
    };
    for (const p of chain.pledges) add(p, 'pledge');
    for (const item of chain.items) add(item.annotation, item.relation);
    if (marks.length === 0) continue;
    marks.sort(
      (a, b) => compareDates(a.date, b.date) || a.annotation.createdAt - b.annotation.createdAt,
    );
    const first = (marks[0] as TimelineMark).date;
    const last = (marks.at(-1) as TimelineMark).date;
    if (from === null || first < from) from = first;
    if (to === null || last > to) to = last;
    const pledge = chain.pledges[0] as Annotation;
    const words = shorten(options.quote(pledge), 8);
    lanes.push({
      chainId: chain.id,
      label: pledge.actor ? `${pledge.actor}: ${words}` : words,
      marks,
      undated,
    });
  }
  const max = options.maxLanes ?? Number.POSITIVE_INFINITY;
  return { lanes: lanes.slice(0, max), from, to, hiddenLanes: Math.max(0, lanes.length - max) };
}
