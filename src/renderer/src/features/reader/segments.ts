import type { Tag } from '@core/model';

export interface Mark {
  start: number;
  end: number;
  /** Set for annotation highlights; absent for search hits. */
  annotation?: { id: string; tag: Tag };
  /** The find match or search hit the reader is showing now. */
  current?: boolean;
}

export interface Segment {
  start: number;
  end: number;
  annotations: { id: string; tag: Tag }[];
  hit: boolean;
  current: boolean;
  /** Ids of annotations that begin in this segment (where their label is drawn). */
  starts: string[];
}

/**
 * Cuts [start, end) into pieces at every mark boundary, each piece knowing which highlights
 * and search hits cover it. Rendering the pieces in order reproduces the text exactly.
 */
export function segmentRange(start: number, end: number, marks: readonly Mark[]): Segment[] {
  const inside = marks.filter((m) => m.end > start && m.start < end && m.end > m.start);
  const cuts = new Set<number>([start, end]);
  for (const m of inside) {
    cuts.add(Math.max(start, m.start));
    cuts.add(Math.min(end, m.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const s = points[i] as number;
    const e = points[i + 1] as number;
    const covering = inside.filter((m) => m.start <= s && m.end >= e);
    const annotations = covering.flatMap((m) => (m.annotation ? [m.annotation] : []));
    segments.push({
      start: s,
      end: e,
      annotations,
      hit: covering.some((m) => !m.annotation),
      current: covering.some((m) => m.current === true),
      starts: covering.filter((m) => m.annotation && m.start === s).map((m) => m.annotation!.id),
    });
  }
  return segments;
}
