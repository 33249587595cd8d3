/**
 * Benchmark of the index on text written without spaces: builds, saves, loads and queries a
 * synthetic Thai and a synthetic Khmer corpus, made by drawing the words of the test fixtures
 * (tests/fixtures/unspaced, segmented by Node's Intl.Segmenter) with Zipf-like frequencies
 * into sentences. Prints, per script, the build time (and its CPU time), the saved size
 * (postings, and word places, where the pairs of grapheme clusters are kept), the load time,
 * and the latency of word, phrase and whole-query-layer queries. Runs on any version of the engine, so the same
 * script measures a change before and after.
 *
 *   npm run bench:unspaced                        # 5,000 documents per script
 *   npm run bench:unspaced -- --docs 2000 --words 200
 */
import {
  analyse,
  buildSegment,
  createEngine,
  segmentFromData,
  segmentToData,
} from '../src/core/search/engine';
import type { IndexableDoc, SegmentData } from '../src/core/search/engine';
import type { Tag } from '../src/core/model';
import { exactWords } from '../src/core/search/query/exact-words';
import type { DocFacts } from '../src/core/search/query/facets';
import { runQuery, type QuerySources } from '../src/core/search/query/run';
import { SEGMENT_SIZE } from '../src/core/jobs/index-job';
import { unspacedFiles, unspacedText } from '../tests/unspaced-cases';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i] ?? '', process.argv[i + 1] ?? '');
const DOCS = Number(args.get('--docs') ?? 5000);
const WORDS = Number(args.get('--words') ?? 300);
const ROUNDS = 5;

/** A small seeded generator, so every run (and every version) indexes the same text. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function vocabulary(language: string): string[] {
  const seen = new Map<string, number>();
  const segmenter = new Intl.Segmenter(language, { granularity: 'word' });
  for (const file of unspacedFiles().filter((f) => f.startsWith(language))) {
    for (const s of segmenter.segment(unspacedText(file))) {
      if (s.isWordLike && !/[A-Za-z0-9]/.test(s.segment)) {
        seen.set(s.segment, (seen.get(s.segment) ?? 0) + 1);
      }
    }
  }
  return [...seen].sort((a, b) => b[1] - a[1]).map(([w]) => w);
}

function corpus(language: string): IndexableDoc[] {
  const words = vocabulary(language);
  const weights = words.map((_, r) => 1 / (r + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const next = random(language === 'th' ? 7 : 11);
  const pick = () => {
    let x = next() * total;
    for (let i = 0; i < words.length; i += 1) {
      x -= weights[i] as number;
      if (x <= 0) return words[i] as string;
    }
    return words[0] as string;
  };
  const end = language === 'km' ? '។ ' : ' ';
  return Array.from({ length: DOCS }, (_, d) => {
    let body = '';
    let inSentence = 0;
    for (let w = 0; w < WORDS; w += 1) {
      body += pick();
      inSentence += 1;
      if (inSentence > 8 + next() * 12) {
        body += end;
        inSentence = 0;
      }
    }
    const title = Array.from({ length: 6 }, pick).join('');
    return { id: `${language}${d}`, title, source: 'Valdoria', author: '', body, language };
  });
}

function stats(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95) };
}

async function timed(queries: readonly string[], run: (q: string) => unknown): Promise<string> {
  for (const q of queries) await run(q);
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r += 1) {
    for (const q of queries) {
      const t0 = performance.now();
      await run(q);
      times.push(performance.now() - t0);
    }
  }
  const { median, p95 } = stats(times);
  return `median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms`;
}

function sources(engine: ReturnType<typeof createEngine>, docs: readonly IndexableDoc[]) {
  const facts = new Map<string, DocFacts>(
    docs.map((d) => [
      d.id,
      {
        id: d.id,
        format: 'txt',
        title: d.title,
        source: d.source,
        author: '',
        date: null,
        language: d.language,
      },
    ]),
  );
  const bodies = new Map(docs.map((d) => [d.id, d.body]));
  const tags = new Map<string, ReadonlySet<Tag>>();
  const out: QuerySources = {
    engine,
    analyse,
    words: exactWords,
    facts: async () => facts,
    content: async (id) => ({ text: bodies.get(id) ?? '' }),
    tags: async () => tags,
  };
  return out;
}

async function measure(language: string) {
  const docs = corpus(language);
  const mb = docs.reduce((n, d) => n + d.body.length * 3, 0) / 1e6;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const saved: SegmentData[] = [];
  for (let i = 0; i < docs.length; i += SEGMENT_SIZE) {
    saved.push(segmentToData(buildSegment(docs.slice(i, i + SEGMENT_SIZE))));
  }
  const build = performance.now() - t0;
  const { user, system } = process.cpuUsage(cpu0);
  const buildCpu = (user + system) / 1000;
  const json = saved.map((d) => JSON.stringify(d));
  const size = (pick: (d: SegmentData) => unknown) =>
    saved.reduce((n, d) => n + JSON.stringify(pick(d)).length, 0) / 1e6;
  const t1 = performance.now();
  const engine = createEngine();
  for (const text of json) engine.addSegment(segmentFromData(JSON.parse(text) as SegmentData));
  const load = performance.now() - t1;

  const words = vocabulary(language);
  // Common and rare words, and two words written together (a chunk the segmenter may keep).
  const queries = [0, 3, 10, 30, 60, words.length - 1].map((i) => words[i] ?? '');
  queries.push(`${words[5]}${words[6]}`, `${words[1]}${words[40]}`);
  const phrases = [`${words[2]}${words[8]}`, `${words[4]}${words[20]}`];
  const found = queries.map((q) => engine.search([{ term: q, presence: 'should' }]).length);
  const layer = sources(engine, docs);

  console.log(`\n${language}: ${docs.length} documents, ${mb.toFixed(1)} MB of UTF-8 text`);
  // CPU time is what a busy machine changes least.
  console.log(`build            ${build.toFixed(0)} ms (CPU ${buildCpu.toFixed(0)} ms)`);
  console.log(
    `saved            ${(json.reduce((n, t) => n + t.length, 0) / 1e6).toFixed(1)} MB` +
      ` (postings ${size((d) => d.postings).toFixed(1)} MB, word places ${size((d) => d.places).toFixed(1)} MB)`,
  );
  console.log(`load             ${load.toFixed(0)} ms`);
  console.log(`documents found  ${found.join(', ')}`);
  console.log(
    `word query       ${await timed(queries, (q) => engine.search([{ term: q, presence: 'should' }], { limit: 100 }))}`,
  );
  console.log(`phrase           ${await timed(phrases, (q) => engine.phrase(q))}`);
  console.log(
    `whole query layer ${await timed(queries, async (q) => {
      const answer = await runQuery(q, layer, { limit: 20 });
      if (!answer.ok) throw new Error(answer.message);
    })}`,
  );
}

for (const language of ['th', 'km']) await measure(language);
console.log('\nTimings vary with other load on the machine; run it two or three times.');
