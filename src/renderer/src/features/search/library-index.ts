import { SEGMENT_SIZE, planUpdate, segmentsToMerge, signatureOf } from '@core/jobs/index-job';
import {
  buildSegment,
  createEngine,
  segmentFromData,
  segmentToData,
  type Engine,
  type Segment,
  type SegmentData,
} from '@core/search/engine';
import { searchIndexRepo } from '../../db/search-index-repo';
import type { DossierDb, SavedSegment } from '../../db/schema';

/**
 * The library's search index inside the index worker: loads the saved segments, then keeps
 * them in step with the library: new and changed documents go into a new small segment,
 * removed ones are marked deleted, and small segments are merged once there are several.
 * Searches keep answering from the loaded segments while an update is prepared.
 */
export function createLibraryIndex(database?: DossierDb) {
  const engine: Engine = createEngine();
  const repo = () => searchIndexRepo(database);
  let signatures: Record<string, string> = {};

  async function load(): Promise<void> {
    const [manifest, saved] = await Promise.all([repo().manifest(), repo().segments()]);
    if (!manifest) return;
    try {
      for (const s of saved) {
        const segment = segmentFromData(JSON.parse(s.json) as SegmentData);
        engine.addSegment(segment, { key: s.key, deleted: manifest.deleted[s.key] ?? [] });
      }
      signatures = { ...manifest.signatures };
    } catch {
      // A damaged or outdated saved index is rebuilt from the library by the next update.
      engine.dropSegments(engine.segments().map((s) => s.key));
      signatures = {};
    }
  }

  function saved(key: string, segment: Segment): SavedSegment {
    const json = JSON.stringify(segmentToData(segment));
    return { key, json, size: segment.ids.length, builtAt: Date.now() };
  }

  function liveIds(keys: readonly string[]): string[] {
    return engine
      .segments()
      .filter((s) => keys.includes(s.key))
      .flatMap((s) => s.segment.ids.filter((_, ref) => !s.deleted.has(ref)));
  }

  /** Brings the index in step with the library; answers whether anything changed. */
  async function update(): Promise<boolean> {
    const sources = await repo().sources();
    const plan = planUpdate(signatures, sources);
    const dropped = engine.segments().length > 0 && Object.keys(signatures).length === 0;
    if (plan.add.length === 0 && plan.remove.length === 0 && !dropped) return false;
    const current = new Map(sources.map((s) => [s.id, signatureOf(s)]));
    engine.remove(plan.remove);
    for (const id of plan.remove) delete signatures[id];
    const put = new Map<string, SavedSegment>();
    for (let i = 0; i < plan.add.length; i += SEGMENT_SIZE) {
      const docs = await repo().corpus(plan.add.slice(i, i + SEGMENT_SIZE));
      const segment = buildSegment(docs);
      const key = engine.addSegment(segment);
      put.set(key, saved(key, segment));
      for (const d of docs) signatures[d.id] = current.get(d.id) ?? '';
    }
    const merge = segmentsToMerge(
      engine.segments().map((s) => ({
        key: s.key,
        size: s.segment.ids.length,
        deleted: s.deleted.size,
      })),
    );
    if (merge.length > 0) {
      const merged = buildSegment(await repo().corpus(liveIds(merge)));
      const key = engine.addSegment(merged);
      engine.dropSegments(merge);
      for (const k of merge) put.delete(k);
      if (merged.ids.length > 0) put.set(key, saved(key, merged));
      else engine.dropSegments([key]);
    }
    const live = new Set(engine.segments().map((s) => s.key));
    const stored = await repo().segmentKeys();
    await repo().save({
      put: [...put.values()],
      drop: stored.filter((k) => !live.has(k)),
      manifest: {
        signatures,
        deleted: Object.fromEntries(engine.segments().map((s) => [s.key, [...s.deleted]])),
        builtAt: Date.now(),
      },
    });
    return true;
  }

  return { engine, load, update };
}
