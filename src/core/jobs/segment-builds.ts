import { buildSegment, segmentToData } from '../search/engine/segment';
import type { IndexableDoc } from '../search/engine/types';
import { SEGMENT_SIZE } from './index-job';

/**
 * Builds index segments away from the thread that answers queries: given document ids, it
 * reads their indexable form itself and answers the segment as the JSON that is saved.
 */
export interface SegmentBuilder {
  build(ids: readonly string[]): Promise<string>;
  /** Stops the builder's thread, if it has one. */
  dispose?(): void;
}

/** The ids of a full build cut into one segment's worth each, in library order. */
export function buildJobs(ids: readonly string[], size: number = SEGMENT_SIZE): string[][] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`Bad segment size ${size}`);
  const jobs: string[][] = [];
  for (let i = 0; i < ids.length; i += size) jobs.push(ids.slice(i, i + size));
  return jobs;
}

/** A segment of the given documents, as saved: builders answer this, the index parses it. */
export function segmentJson(docs: readonly IndexableDoc[]): string {
  return JSON.stringify(segmentToData(buildSegment(docs)));
}

/**
 * Runs builds on up to `size` builders at once, each doing one build at a time. Builders
 * are made on first need, so an index that only loads never starts a thread. A builder whose
 * build failed is stopped and replaced: its thread may be the reason.
 */
export function builderPool(
  spawn: () => SegmentBuilder,
  size: number,
): SegmentBuilder & { readonly size: number } {
  const limit = Math.max(1, Math.floor(size));
  const idle: SegmentBuilder[] = [];
  const waiting: ((builder: SegmentBuilder | null) => void)[] = [];
  let alive = 0;

  function take(): Promise<SegmentBuilder | null> {
    const ready = idle.pop();
    if (ready) return Promise.resolve(ready);
    // A null hand-over means "a place is free: make your own builder".
    if (alive < limit) {
      alive += 1;
      return Promise.resolve(null);
    }
    return new Promise((resolve) => waiting.push(resolve));
  }

  function give(builder: SegmentBuilder | null): void {
    const next = waiting.shift();
    if (next) {
      if (builder === null) alive += 1;
      next(builder);
    } else if (builder) idle.push(builder);
  }

  return {
    size: limit,
    async build(ids) {
      let builder = await take();
      try {
        builder ??= spawn();
        const json = await builder.build(ids);
        give(builder);
        return json;
      } catch (error) {
        builder?.dispose?.();
        alive -= 1;
        give(null);
        throw error;
      }
    },
    /** Stops the idle builders; busy ones finish their build first. */
    dispose() {
      const stopped = idle.splice(0);
      for (const builder of stopped) builder.dispose?.();
      alive -= stopped.length;
    },
  };
}

/**
 * Builds with `primary` unless it fails before it ever built anything (a builder thread that
 * cannot start, say): from then on every build goes to `fallback`, so the index is still
 * built, if more slowly. Once `primary` has built, its failures are real and passed on.
 */
export function withFallback(
  primary: SegmentBuilder,
  fallback: SegmentBuilder,
  onFallback: (error: unknown) => void = () => {},
): SegmentBuilder {
  let proven = false;
  let fallen = false;
  return {
    async build(ids) {
      if (fallen) return fallback.build(ids);
      try {
        const json = await primary.build(ids);
        proven = true;
        return json;
      } catch (error) {
        if (proven) throw error;
        if (!fallen) {
          fallen = true;
          primary.dispose?.();
          onFallback(error);
        }
        return fallback.build(ids);
      }
    },
    dispose() {
      primary.dispose?.();
      fallback.dispose?.();
    },
  };
}
