import { builderPool, type SegmentBuilder } from '@core/jobs/segment-builds';
import type { SegmentBuildRequest } from '../features/search/segment-builder';
import { JobClient } from './job-client';

/** One builder per core, up to four: a first build of a big library uses every core. */
export function builderConcurrency(): number {
  const cores = navigator.hardwareConcurrency || 2;
  return Math.max(1, Math.min(4, cores));
}

function workerBuilder(): SegmentBuilder {
  const client = new JobClient<SegmentBuildRequest, string>(
    new Worker(new URL('./segment.worker.ts', import.meta.url), {
      type: 'module',
      name: 'segment builder',
    }),
    'segment builder',
  );
  return {
    build: (ids) => client.request({ ids: [...ids] }),
    dispose: () => client.terminate(),
  };
}

/** Segment builders in their own workers, started when the index first needs one. */
export function workerSegmentBuilders(size = builderConcurrency()): SegmentBuilder {
  return builderPool(workerBuilder, size);
}
