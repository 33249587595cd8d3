import { describe, expect, it } from 'vitest';
import { segmentFromData, type SegmentData } from '../search/engine/segment';
import {
  builderPool,
  buildJobs,
  segmentJson,
  withFallback,
  type SegmentBuilder,
} from './segment-builds';

describe('buildJobs', () => {
  it('cuts a full build into segments of the given size, in order', () => {
    const ids = Array.from({ length: 11 }, (_, i) => `d${i}`);
    expect(buildJobs(ids, 4)).toEqual([
      ['d0', 'd1', 'd2', 'd3'],
      ['d4', 'd5', 'd6', 'd7'],
      ['d8', 'd9', 'd10'],
    ]);
    expect(buildJobs(ids.slice(0, 4), 4)).toEqual([ids.slice(0, 4)]);
    expect(buildJobs([], 4)).toEqual([]);
    expect(() => buildJobs(ids, 0)).toThrow('Bad segment size 0');
  });
});

describe('segmentJson', () => {
  it('is the saved form of the built segment', () => {
    const json = segmentJson([
      {
        id: 'a',
        title: 'Shelters promised',
        source: 'Gazette',
        author: '',
        body: 'The minister promised ten shelters.',
        language: 'en',
      },
    ]);
    const segment = segmentFromData(JSON.parse(json) as SegmentData);
    expect(segment.ids).toEqual(['a']);
    const t = segment.terms.get('shelter') ?? -1;
    const postingOf = (f: number) => {
      const p = segment.postings[f];
      return p ? [...p.data.subarray(p.starts[t], p.starts[t + 1])] : [];
    };
    expect(postingOf(0)).toEqual([0, 1]);
    expect(postingOf(3)).toEqual([0, 1]);
  });
});

/** Builders that record how many run at once and answer when told to. */
function controlledBuilders() {
  let running = 0;
  let peak = 0;
  let spawned = 0;
  let disposed = 0;
  const gates: { ids: readonly string[]; finish: (fail?: boolean) => void }[] = [];
  const spawn = (): SegmentBuilder => {
    spawned += 1;
    return {
      build: (ids) =>
        new Promise<string>((resolve, reject) => {
          running += 1;
          peak = Math.max(peak, running);
          gates.push({
            ids,
            finish: (fail) => {
              running -= 1;
              if (fail) reject(new Error(`build of ${ids.join()} failed`));
              else resolve(ids.join());
            },
          });
        }),
      dispose: () => {
        disposed += 1;
      },
    };
  };
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    spawn,
    gates,
    tick,
    counts: () => ({ running, peak, spawned, disposed }),
  };
}

describe('builderPool', () => {
  it('starts no builder before the first build and runs at most its size at once', async () => {
    const b = controlledBuilders();
    const pool = builderPool(b.spawn, 2);
    expect(b.counts().spawned).toBe(0);
    const results = [['a'], ['b'], ['c'], ['d'], ['e']].map((ids) => pool.build(ids));
    await b.tick();
    expect(b.counts()).toMatchObject({ running: 2, spawned: 2 });
    while (b.gates.length > 0) {
      b.gates.shift()?.finish();
      await b.tick();
    }
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(b.counts()).toMatchObject({ peak: 2, spawned: 2, running: 0 });
  });

  it('replaces a builder whose build failed, and the other builds still finish', async () => {
    const b = controlledBuilders();
    const pool = builderPool(b.spawn, 2);
    const results = [['a'], ['b'], ['c']].map((ids) =>
      pool.build(ids).then(
        (json) => json,
        (error: unknown) => (error as Error).message,
      ),
    );
    await b.tick();
    b.gates.shift()?.finish(true);
    await b.tick();
    expect(b.counts()).toMatchObject({ disposed: 1, spawned: 3, running: 2 });
    b.gates.splice(0).forEach((g) => g.finish());
    expect(await Promise.all(results)).toEqual(['build of a failed', 'b', 'c']);
    pool.dispose?.();
    expect(b.counts().disposed).toBe(3);
  });

  it('keeps at least one builder whatever size it is given', async () => {
    const b = controlledBuilders();
    const pool = builderPool(b.spawn, 0);
    expect(pool.size).toBe(1);
    const result = pool.build(['x']);
    await b.tick();
    b.gates.shift()?.finish();
    expect(await result).toBe('x');
  });
});

describe('withFallback', () => {
  const named = (name: string, fail: (ids: readonly string[]) => boolean) => {
    const calls: string[] = [];
    const builder: SegmentBuilder = {
      build: async (ids) => {
        calls.push(ids.join());
        if (fail(ids)) throw new Error(`${name} cannot build ${ids.join()}`);
        return `${name}:${ids.join()}`;
      },
    };
    return { builder, calls };
  };

  it('goes over to the fallback for good when the first builds fail', async () => {
    const primary = named('worker', () => true);
    const fallback = named('here', () => false);
    const fell: unknown[] = [];
    const builder = withFallback(primary.builder, fallback.builder, (e) => fell.push(e));
    expect(await Promise.all([builder.build(['a']), builder.build(['b'])])).toEqual([
      'here:a',
      'here:b',
    ]);
    expect(await builder.build(['c'])).toBe('here:c');
    expect(primary.calls).toEqual(['a', 'b']);
    expect(fell.map((e) => (e as Error).message)).toEqual(['worker cannot build a']);
  });

  it('passes on the failures of a builder that has built before', async () => {
    const primary = named('worker', (ids) => ids.includes('bad'));
    const fallback = named('here', () => false);
    const builder = withFallback(primary.builder, fallback.builder);
    expect(await builder.build(['a'])).toBe('worker:a');
    await expect(builder.build(['bad'])).rejects.toThrow('worker cannot build bad');
    expect(await builder.build(['b'])).toBe('worker:b');
    expect(fallback.calls).toEqual([]);
  });
});
