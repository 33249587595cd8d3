/**
 * Search benchmark: builds, saves, loads and queries Dossier's index and MiniSearch's on the
 * same corpora in the same run (the 6,046 SpamAssassin mails, and a larger set made by
 * recombining them), each engine and size in its own child processes so that peak memory
 * (maxRSS) is its own. Prints build, save and load time, peak memory and query latency
 * (median and p95 over a fixed mix of term, field, wildcard, fuzzy, phrase and filtered
 * queries), each with its ratio to MiniSearch.
 *
 *   npm run bench:search                         # 6,046 mails and 50,000 documents
 *   npm run bench:search -- --docs 2000 --big 0  # smaller, for a quick look
 *   npm run bench:search -- --detail 1           # also each query's times (on stderr)
 */
import { spawnSync } from 'node:child_process';
import { PerformanceObserver } from 'node:perf_hooks';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import {
  analyse,
  buildSegment,
  createEngine,
  segmentFromData,
  segmentToData,
  type Engine,
  type SegmentData,
  type TermClause,
} from '../src/core/search/engine';
import { exactWords } from '../src/core/search/query/exact-words';
import type { DocFacts } from '../src/core/search/query/facets';
import { libraryFacts, tagBits } from '../src/core/search/query/library-facts';
import { runQuery, type QuerySources } from '../src/core/search/query/run';
// The app's segment size, so the benchmark holds what the app holds.
import { SEGMENT_SIZE } from '../src/core/jobs/index-job';
import { corpus, megabytes, type BenchDoc } from './bench-search-corpus';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i] ?? '', process.argv[i + 1] ?? '');
const WORK = join(tmpdir(), 'dossier-bench-search');
const FIELDS = ['title', 'source', 'author', 'body'];

type EngineName = 'dossier' | 'minisearch';
interface Query {
  kind: 'term' | 'field' | 'wildcard' | 'fuzzy' | 'phrase' | 'filtered';
  /** As an analyst types it, for the whole query layer. */
  typed: string;
  dossier: TermClause[];
  /** Checked word by word with the index's word places. */
  phrase?: string;
  mini: { text: string; options: Record<string, unknown> };
  year?: number;
}

const w = (term: string, extra: Partial<TermClause> = {}): TermClause => ({
  term,
  presence: 'should',
  ...extra,
});
/** MiniSearch has no phrases: it is asked for all of the phrase's words, while Dossier
 * checks that they stand in a row (the harder question). */
const QUERIES: Query[] = [
  { kind: 'term', typed: 'money', dossier: [w('money')], mini: { text: 'money', options: {} } },
  {
    kind: 'term',
    typed: 'linux kernel',
    dossier: [w('linux'), w('kernel')],
    mini: { text: 'linux kernel', options: {} },
  },
  {
    kind: 'term',
    typed: 'government',
    dossier: [w('government')],
    mini: { text: 'government', options: {} },
  },
  {
    kind: 'field',
    typed: 'title:meeting',
    dossier: [w('meeting', { field: 'title' })],
    mini: { text: 'meeting', options: { fields: ['title'] } },
  },
  {
    kind: 'field',
    typed: 'source:yahoo',
    dossier: [w('yahoo', { field: 'source' })],
    mini: { text: 'yahoo', options: { fields: ['source'] } },
  },
  {
    kind: 'wildcard',
    typed: 'comput*',
    dossier: [w('comput*', { wildcard: 'trailing' })],
    mini: { text: 'comput', options: { prefix: true } },
  },
  {
    kind: 'wildcard',
    typed: 'secur*',
    dossier: [w('secur*', { wildcard: 'trailing' })],
    mini: { text: 'secur', options: { prefix: true } },
  },
  {
    kind: 'fuzzy',
    typed: 'goverment~1',
    dossier: [w('goverment', { fuzzy: 1 })],
    mini: { text: 'goverment', options: { fuzzy: 1 } },
  },
  {
    kind: 'fuzzy',
    typed: 'recieve~1',
    dossier: [w('recieve', { fuzzy: 1 })],
    mini: { text: 'recieve', options: { fuzzy: 1 } },
  },
  {
    kind: 'phrase',
    typed: '"free software"',
    phrase: 'free software',
    dossier: [w('free', { presence: 'must' }), w('software', { presence: 'must' })],
    mini: { text: 'free software', options: { combineWith: 'AND' } },
  },
  {
    kind: 'phrase',
    typed: '"mailing list"',
    phrase: 'mailing list',
    dossier: [w('mailing', { presence: 'must' }), w('list', { presence: 'must' })],
    mini: { text: 'mailing list', options: { combineWith: 'AND' } },
  },
  {
    kind: 'filtered',
    typed: 'click date:2002',
    dossier: [w('click')],
    mini: { text: 'click', options: {} },
    year: 2002,
  },
];
/** 20 rounds of the 12 queries: a p95 over 240 timings is not decided by the three slowest. */
const ROUNDS = 20;
const LIMIT = 100;
/** Results per page in the app (PAGE_SIZE of the search feature). */
const PAGE = 20;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

interface Timings {
  median: number;
  p95: number;
  /** The same of the CPU time each query took: what a busy machine disturbs least. */
  cpuMedian: number;
  cpuP95: number;
  /** Garbage collections during the timed queries, and their pauses in all. */
  gcCount: number;
  gcMs: number;
}

/** Collects garbage (the child runs with --expose-gc), so what loading left is not collected
 * in the middle of a timed query: the app loads its index long before anyone searches. */
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});

async function timeQueries(run: (q: Query) => number | Promise<number>): Promise<Timings> {
  collect();
  for (const q of QUERIES) await run(q); // warm up
  let gcCount = 0;
  let gcMs = 0;
  const gcs = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcCount += 1;
      gcMs += entry.duration;
    }
  });
  gcs.observe({ entryTypes: ['gc'] });
  const times: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < ROUNDS; r += 1) {
    for (const q of QUERIES) {
      const c = process.cpuUsage();
      const t = performance.now();
      await run(q);
      times.push(performance.now() - t);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  // The observer is told of collections after they end: let it hear of the last ones.
  await new Promise((resolve) => setTimeout(resolve, 10));
  gcs.disconnect();
  if (args.has('--detail')) {
    const own = (list: number[], i: number) =>
      list
        .filter((_, k) => k % QUERIES.length === i)
        .sort((a, b) => a - b)
        .map((t) => t.toFixed(1))
        .join(' ');
    QUERIES.forEach((q, i) => {
      process.stderr.write(`  ${q.typed.padEnd(18)} ${own(times, i)}  CPU ${own(cpu, i)}\n`);
    });
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    median: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    cpuMedian: percentile(cpu, 0.5),
    cpuP95: percentile(cpu, 0.95),
    gcCount,
    gcMs,
  };
}

/** The engine's part of a query: the best LIMIT hits, phrases checked with word places,
 * a date filter applied to every hit before the best are chosen (as MiniSearch's filter).
 * Years are kept by document number, as the app keeps dates. */
function engineQuery(e: Engine, q: Query, years: Int32Array): number {
  const within = q.phrase === undefined ? undefined : e.phrase(q.phrase);
  const year = q.year;
  const filter = year === undefined ? undefined : (doc: number) => years[doc] === year;
  return e.search(q.dossier, { limit: LIMIT, filter, within }).length;
}

/** The whole query layer, as the app runs it: parsing, phrases, dates, facet counts over
 * every hit, and snippets with highlights for the first page (texts read from memory).
 * One document in 40 has a pledge and one in 97 evidence, so the tag facets count too. */
function querySources(e: Engine, docs: readonly BenchDoc[]): QuerySources {
  const facts: DocFacts[] = docs.map((d) => ({
    id: d.id,
    format: 'txt',
    title: d.title,
    source: d.source,
    author: d.author,
    date: `${d.year}-06-01`,
    language: d.language,
  }));
  const library = libraryFacts(facts, (id) => e.numberOf(id));
  const tagged = docs.flatMap((d, i) => [
    ...(i % 40 === 0 ? [{ docId: d.id, tag: 'pledge' as const }] : []),
    ...(i % 97 === 0 ? [{ docId: d.id, tag: 'evidence' as const }] : []),
  ]);
  const tags = tagBits(tagged, (id) => e.numberOf(id));
  const bodies = new Map(docs.map((d) => [d.id, d.body]));
  return {
    engine: e,
    analyse,
    words: exactWords,
    library: async () => library,
    content: async (id) => ({ text: bodies.get(id) ?? '' }),
    tags: async () => tags,
  };
}

/**
 * What an update after imports and removals costs the loaded index, and queries after it:
 * one document in 50 removed and one in 100 replaced by a new version (a new segment, as
 * the app's builders make one), with every statistic counting live documents only.
 */
async function afterChanges(e: Engine, docs: readonly BenchDoc[], years: Int32Array) {
  const removed = docs.filter((_, i) => i % 50 === 25).map((d) => d.id);
  const t0 = performance.now();
  e.remove(removed);
  const removeMs = performance.now() - t0;
  const versions = docs
    .filter((_, i) => i % 100 === 60)
    .map((d) => ({ ...d, body: `${d.body}\n\nUpdated: the list moved to a new server.` }));
  const segment = buildSegment(versions);
  const t1 = performance.now();
  e.addSegment(segment);
  const attachMs = performance.now() - t1;
  const q = await timeQueries((query) => engineQuery(e, query, years));
  return { removeMs, attachMs, changed: removed.length + versions.length, ...q };
}

/** Child process: one engine, one size, one phase; prints a JSON line. */
async function child(engine: EngineName, size: number, phase: 'build' | 'load') {
  const dir = join(WORK, `${engine}-${size}`);
  const out: Record<string, number> = {};
  if (phase === 'build') {
    const docs: BenchDoc[] = corpus(size);
    out.mb = megabytes(docs);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    // The loading process reads the years from here rather than making the corpus again, so
    // its peak memory is the index's, not the documents' texts.
    writeFileSync(
      join(WORK, `years-${size}.json`),
      JSON.stringify(docs.map((d) => [d.id, d.year])),
    );
    const t0 = performance.now();
    if (engine === 'minisearch') {
      const ms = new MiniSearch<BenchDoc>({ fields: FIELDS });
      ms.addAll(docs);
      out.build = performance.now() - t0;
      const t1 = performance.now();
      writeFileSync(join(dir, 'index.json'), JSON.stringify(ms));
      out.save = performance.now() - t1;
    } else {
      // As the app's builders do: one segment at a time, each saved and let go.
      let build = 0;
      let save = 0;
      for (let i = 0; i < docs.length; i += SEGMENT_SIZE) {
        const t = performance.now();
        const segment = buildSegment(docs.slice(i, i + SEGMENT_SIZE));
        const t1 = performance.now();
        const name = `segment-${String(i / SEGMENT_SIZE).padStart(3, '0')}.json`;
        writeFileSync(join(dir, name), JSON.stringify(segmentToData(segment)));
        build += t1 - t;
        save += performance.now() - t1;
      }
      out.build = build;
      out.save = save;
    }
    out.peakMb = process.resourceUsage().maxRSS / 1024;
    process.stdout.write(`${JSON.stringify(out)}\n`);
    return;
  }
  const yearList = JSON.parse(readFileSync(join(WORK, `years-${size}.json`), 'utf8')) as [
    string,
    number,
  ][];
  const years = new Map(yearList);
  const t0 = performance.now();
  if (engine === 'minisearch') {
    const ms = MiniSearch.loadJSON<BenchDoc>(readFileSync(join(dir, 'index.json'), 'utf8'), {
      fields: FIELDS,
    });
    out.load = performance.now() - t0;
    const q = await timeQueries((query) => {
      const year = query.year;
      const options =
        year === undefined
          ? query.mini.options
          : { ...query.mini.options, filter: (r: { id: string }) => years.get(r.id) === year };
      return ms.search(query.mini.text, options).length;
    });
    Object.assign(out, q);
    out.peakMb = process.resourceUsage().maxRSS / 1024;
  } else {
    const e = createEngine();
    for (const name of readdirSync(dir).sort()) {
      const data = JSON.parse(readFileSync(join(dir, name), 'utf8')) as SegmentData;
      e.addSegment(segmentFromData(data));
    }
    out.load = performance.now() - t0;
    const yearOf = new Int32Array(yearList.length);
    for (const [id, year] of yearList) yearOf[e.numberOf(id)] = year;
    const q = await timeQueries((query) => engineQuery(e, query, yearOf));
    out.peakMb = process.resourceUsage().maxRSS / 1024;
    // The whole query layer needs the texts (the app reads them from IndexedDB): made only
    // now, after the index's peak memory was taken.
    const docs = corpus(size);
    const sources = querySources(e, docs);
    const full = await timeQueries(async (query) => {
      const answer = await runQuery(query.typed, sources, { limit: PAGE });
      if (!answer.ok) throw new Error(`${query.typed}: ${answer.message}`);
      return answer.total;
    });
    const after = await afterChanges(e, docs, yearOf);
    Object.assign(out, q, {
      fullMedian: full.median,
      fullP95: full.p95,
      fullCpuMedian: full.cpuMedian,
      fullCpuP95: full.cpuP95,
      fullGcCount: full.gcCount,
      fullGcMs: full.gcMs,
      changed: after.changed,
      removeMs: after.removeMs,
      attachMs: after.attachMs,
      afterMedian: after.median,
      afterP95: after.p95,
    });
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

function runChild(
  engine: EngineName,
  size: number,
  phase: 'build' | 'load',
): Record<string, number> {
  const script = fileURLToPath(import.meta.url);
  const res = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--max-old-space-size=8192',
      '--expose-gc',
      script,
      '--child',
      `${engine}:${size}:${phase}`,
      ...(args.has('--detail') ? ['--detail', '1'] : []),
    ],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (res.status !== 0) throw new Error(`${engine} ${size} ${phase} failed:\n${res.stderr}`);
  if (args.has('--detail') && res.stderr) process.stderr.write(`${engine} ${size}:\n${res.stderr}`);
  const line = res.stdout.trim().split('\n').pop() ?? '{}';
  return JSON.parse(line) as Record<string, number>;
}

function main() {
  const sizes = [Number(args.get('--docs') ?? 6046), Number(args.get('--big') ?? 50_000)].filter(
    (n) => n > 0,
  );
  mkdirSync(WORK, { recursive: true });
  const fmt = (n: number | undefined, unit: string) =>
    n === undefined ? '-' : `${n >= 100 ? n.toFixed(0) : n.toFixed(1)} ${unit}`;
  for (const size of sizes) {
    const results = {} as Record<EngineName, Record<string, number>>;
    for (const engine of ['minisearch', 'dossier'] as const) {
      const built = runChild(engine, size, 'build');
      const loaded = runChild(engine, size, 'load');
      results[engine] = {
        ...built,
        ...loaded,
        buildPeakMb: built.peakMb ?? NaN,
        loadPeakMb: loaded.peakMb ?? NaN,
        peakMb: Math.max(built.peakMb ?? 0, loaded.peakMb ?? 0),
      };
    }
    const d = results.dossier;
    const m = results.minisearch;
    console.log(`\n${size} documents, ${fmt(d.mb, 'MB')} of text`);
    console.log('measure          Dossier       MiniSearch    ratio');
    for (const [label, key, unit] of [
      ['build', 'build', 'ms'],
      ['save', 'save', 'ms'],
      ['load', 'load', 'ms'],
      ['peak memory', 'peakMb', 'MB'],
      ['  building', 'buildPeakMb', 'MB'],
      ['  querying', 'loadPeakMb', 'MB'],
      ['query median', 'median', 'ms'],
      ['query p95', 'p95', 'ms'],
      ['  CPU median', 'cpuMedian', 'ms'],
      ['  CPU p95', 'cpuP95', 'ms'],
    ] as const) {
      const ratio = (d[key] ?? NaN) / (m[key] ?? NaN);
      console.log(
        `${label.padEnd(16)} ${fmt(d[key], unit).padEnd(13)} ${fmt(m[key], unit).padEnd(13)} ${ratio.toFixed(2)}`,
      );
    }
    console.log(
      `whole query layer (Dossier only: parsing, phrases, dates, facets, a page of 20): ` +
        `median ${fmt(d.fullMedian, 'ms')}, p95 ${fmt(d.fullP95, 'ms')} ` +
        `(CPU time: median ${fmt(d.fullCpuMedian, 'ms')}, p95 ${fmt(d.fullCpuP95, 'ms')}; ` +
        `${d.fullGcCount ?? 0} garbage collections, ${fmt(d.fullGcMs, 'ms')} in all)`,
    );
    console.log(
      `after ${d.changed ?? 0} documents removed or replaced (Dossier only): removal ` +
        `${fmt(d.removeMs, 'ms')}, new segment attached in ${fmt(d.attachMs, 'ms')}; ` +
        `query median ${fmt(d.afterMedian, 'ms')}, p95 ${fmt(d.afterP95, 'ms')}`,
    );
  }
  console.log('\nRatios below 1 favour Dossier. Timings vary with other load on the machine.');
}

const childArg = args.get('--child');
if (childArg) {
  const [engine, size, phase] = childArg.split(':');
  await child(engine as EngineName, Number(size), phase as 'build' | 'load');
} else {
  main();
}
