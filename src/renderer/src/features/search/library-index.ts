import { SEGMENT_SIZE, planUpdate, segmentsToMerge, signatureOf } from '@core/jobs/index-job';
import { buildJobs, type SegmentBuilder } from '@core/jobs/segment-builds';
import {
  createEngine,
  segmentFromData,
  type Engine,
  type Segment,
  type SegmentData,
} from '@core/search/engine';
import { searchIndexRepo } from '../../db/search-index-repo';
import type { DossierDb, SavedSegment } from '../../db/schema';
import { whenIdle } from '../../ui/when-idle';
import { inProcessSegmentBuilder } from './segment-builder';

type Progress = (docCount: number) => void;

export interface LibraryIndexOptions {
  /** Where segments are built; the index worker passes its pool of builder workers. */
  builder?: SegmentBuilder;
  /** Documents per segment of a full build. */
  segmentSize?: number;
}

/**
 * The library's search index inside the index worker: loads the saved segments, then keeps
 * them in step with the library: new and changed documents go into a new small segment,
 * removed ones are marked deleted, and small segments are merged once there are several.
 *
 * Segments are built by builders (workers), never here, so queries are answered the whole
 * time; each built segment is attached as it arrives, so a first build is searchable part by
 * part. Only this thread writes the saved index, one transaction per update, so a crash
 * mid-update leaves the previous saved index whole.
 */
export function createLibraryIndex(database?: DossierDb, options: LibraryIndexOptions = {}) {
  const engine: Engine = createEngine();
  const repo = () => searchIndexRepo(database);
  const builder = options.builder ?? inProcessSegmentBuilder(database);
  const segmentSize = options.segmentSize ?? SEGMENT_SIZE;
  let signatures: Record<string, string> = {};
  /** Attached segments not saved yet: an update that failed part-way leaves some. */
  const unsaved = new Map<string, SavedSegment>();
  /** The loaded index differs from the saved one (an update failed before saving). */
  let dirty = false;
  /** The saved index could not be read, or did not match its own manifest: it is rebuilt. */
  let repaired = false;
  let queue: Promise<unknown> = Promise.resolve();

  /**
   * Highlighting's word forms (see Engine.prepareForms), made in idle moments after a load or an
   * update, a segment at a time, so that the first search after start does not wait while
   * they are all made at once. A query that comes meanwhile waits for one segment at most.
   */
  let preparing = false;
  function prepareSoon(): void {
    if (preparing) return;
    preparing = true;
    const step = () => {
      if (engine.prepareForms()) whenIdle(step);
      else preparing = false;
    };
    whenIdle(step);
  }

  async function load(): Promise<void> {
    await loadSaved();
    prepareSoon();
  }

  async function loadSaved(): Promise<void> {
    const [manifest, saved] = await Promise.all([repo().manifest(), repo().segments()]);
    if (!manifest) return;
    try {
      for (const s of saved) {
        const segment = segmentFromData(JSON.parse(s.json) as SegmentData);
        engine.addSegment(segment, { key: s.key, deleted: manifest.deleted[s.key] ?? [] });
      }
      signatures = { ...manifest.signatures };
      if (!segmentsMatch(signatures)) throw new Error('the segments do not hold what is listed');
    } catch {
      // A damaged or outdated saved index is rebuilt from the library by the next update.
      engine.dropSegments(engine.segments().map((s) => s.key));
      signatures = {};
      repaired = true;
    }
  }

  /**
   * Whether the loaded segments hold each document the manifest lists, once, and nothing
   * else: what the manifest says is indexed is what the next update compares with the library.
   */
  function segmentsMatch(listed: Readonly<Record<string, string>>): boolean {
    let live = 0;
    for (const { segment, deleted } of engine.segments()) {
      for (let ref = 0; ref < segment.ids.length; ref += 1) {
        if (deleted.has(ref)) continue;
        live += 1;
        if (!Object.hasOwn(listed, segment.ids[ref] as string)) return false;
      }
    }
    return live === Object.keys(listed).length;
  }

  function attach(json: string): { key: string; segment: Segment } {
    const segment = segmentFromData(JSON.parse(json) as SegmentData);
    const key = engine.addSegment(segment);
    unsaved.set(key, { key, json, size: segment.ids.length, builtAt: Date.now() });
    dirty = true;
    return { key, segment };
  }

  function liveIds(keys: readonly string[]): string[] {
    return engine
      .segments()
      .filter((s) => keys.includes(s.key))
      .flatMap((s) => s.segment.ids.filter((_, ref) => !s.deleted.has(ref)));
  }

  async function addChanged(
    add: readonly string[],
    current: ReadonlyMap<string, string>,
    report: Progress,
  ) {
    const builds = buildJobs(add, segmentSize).map((ids) => builder.build(ids));
    // Each failure is taken up in turn below; none may go unhandled meanwhile.
    for (const build of builds) void build.catch(() => undefined);
    // Attached in library order, so equal scores rank the same in every build.
    for (const build of builds) {
      const { segment } = attach(await build);
      for (const id of segment.ids) signatures[id] = current.get(id) ?? '';
      report(engine.size());
    }
  }

  async function mergeSmall() {
    const merge = segmentsToMerge(
      engine.segments().map((s) => ({
        key: s.key,
        size: s.segment.ids.length,
        deleted: s.deleted.size,
      })),
    );
    if (merge.length === 0) return;
    // The merged documents are answered from their old segments until this one arrives.
    const { key, segment } = attach(await builder.build(liveIds(merge)));
    engine.dropSegments(merge);
    for (const k of merge) unsaved.delete(k);
    if (segment.ids.length === 0) {
      engine.dropSegments([key]);
      unsaved.delete(key);
    }
  }

  async function save() {
    const live = new Set(engine.segments().map((s) => s.key));
    const stored = await repo().segmentKeys();
    await repo().save({
      put: [...unsaved.values()].filter((s) => live.has(s.key)),
      drop: stored.filter((k) => !live.has(k)),
      manifest: {
        signatures,
        deleted: Object.fromEntries(engine.segments().map((s) => [s.key, [...s.deleted]])),
        builtAt: Date.now(),
      },
    });
    unsaved.clear();
    dirty = false;
  }

  async function run(report: Progress): Promise<boolean> {
    const sources = await repo().sources();
    const plan = planUpdate(signatures, sources);
    const dropped = engine.segments().length > 0 && Object.keys(signatures).length === 0;
    if (plan.add.length === 0 && plan.remove.length === 0 && !dropped && !dirty) return false;
    const current = new Map(sources.map((s) => [s.id, signatureOf(s)]));
    engine.remove(plan.remove);
    for (const id of plan.remove) delete signatures[id];
    if (plan.remove.length > 0) dirty = true;
    report(engine.size());
    await addChanged(plan.add, current, report);
    await mergeSmall();
    await save();
    return true;
  }

  /**
   * Brings the index in step with the library; answers whether anything changed. Updates
   * run one after another (each plans from what the one before left); queries never wait.
   * `report` hears the number of documents searchable once there is work to do and after
   * each segment arrives; an update with nothing to do reports nothing.
   */
  function update(report: Progress = () => {}): Promise<boolean> {
    // Idle builders are let go after each update: a builder that built a big segment holds
    // much memory, and a small import later starts one again in a moment.
    const next = queue
      .then(() => run(report))
      .finally(() => {
        builder.dispose?.();
        prepareSoon();
      });
    queue = next.catch(() => undefined);
    return next;
  }

  return { engine, load, update, wasRepaired: () => repaired };
}
