import { describe, expect, it } from 'vitest';
import { unspacedFiles, unspacedText } from '../../../../tests/unspaced-cases';
import { createEngine } from './engine';
import { clustersOf, GRAM_RUN } from './grams';
import { SENTENCE_MARK } from './positions';
import { buildSegment, segmentFromData, segmentToData } from './segment';
import type { IndexableDoc, TermClause } from './types';

const doc = (id: string, title: string, body: string, language = 'km'): IndexableDoc => ({
  id,
  title,
  source: '',
  author: '',
  body,
  language,
});

/** The fixtures as the engine indexes them: first line the title, the rest the body. */
const fixtures: IndexableDoc[] = unspacedFiles().map((file) => {
  const text = unspacedText(file);
  const [title = '', ...rest] = text.split('\n');
  return doc(file, title, rest.join('\n'), file.slice(0, 2));
});

const runsOf = new Map<string, string[][]>();
/** How often the word's clusters stand in a row inside one run of the text, read directly. */
function occurrences(text: string, wanted: readonly string[]): number {
  let runs = runsOf.get(text);
  if (!runs) {
    runs = [...text.matchAll(GRAM_RUN)].map((m) => clustersOf(m[0]).map((c) => c.key));
    runsOf.set(text, runs);
  }
  let n = 0;
  for (const have of runs) {
    for (let i = 0; i + wanted.length <= have.length; i += 1) {
      if (wanted.every((k, j) => have[i + j] === k)) n += 1;
    }
  }
  return n;
}

function read(word: string): string[] {
  const wanted = clustersOf(word).map((c) => c.key);
  return fixtures
    .filter((d) => occurrences(d.title, wanted) + occurrences(d.body, wanted) > 0)
    .map((d) => d.id)
    .sort();
}

const ask = (engine: ReturnType<typeof createEngine>, term: string, extra?: Partial<TermClause>) =>
  engine.search([{ term, presence: 'should', ...extra }]);

describe('words of Thai, Lao, Khmer and Burmese', () => {
  const engine = createEngine({ segmentSize: 3 });
  engine.add(fixtures);

  it('find exactly the documents a cluster-by-cluster reading of the texts finds', () => {
    const words = new Set<string>();
    const runs = fixtures.flatMap((d) => [...d.body.matchAll(GRAM_RUN)].map((m) => m[0]));
    runs.forEach((run, r) => {
      const clusters = clustersOf(run);
      for (let i = 0; i < clusters.length; i += 3) {
        for (const n of [1, 2, 3, 5]) {
          const part = clusters.slice(i, i + n);
          if (part.length === n) words.add(part.map((c) => c.key).join(''));
        }
      }
      // Across the end of a run: its last clusters and the next run's first.
      const next = clustersOf(runs[r + 1] ?? '');
      const tail = clusters.slice(-2).map((c) => c.key);
      if (next.length > 1) words.add(tail.join('') + next[0]?.key + next[1]?.key);
      // A word cut inside its last cluster (a vowel or tone mark left off).
      const cut = clusters[4]?.key;
      if (cut && cut.length > 1) words.add(clusters[3]?.key + cut.slice(0, -1));
    });
    expect(words.size).toBeGreaterThan(400);
    for (const word of words) {
      const hits = ask(engine, word).map((h) => h.id);
      expect(hits.sort(), word).toEqual(read(word));
    }
  });

  it('are scored as the dictionary word is, where the segmenter splits it out', () => {
    const court = 'តុលាការ';
    const library = createEngine();
    library.add([
      doc('once', '', 'តុលាការបានផ្សព្វផ្សាយតួលេខ។ ប៉ូលិសបានចាប់ខ្លួនឈ្មួញ។'),
      doc('twice', '', 'តុលាការបានកាត់ទោស។ តុលាការបានផ្សព្វផ្សាយតួលេខ។'),
      doc('title', 'តុលាការ', 'ប៉ូលិសបានចាប់ខ្លួនឈ្មួញ។'),
      doc('none', '', 'ប៉ូលិសបានចាប់ខ្លួនឈ្មួញ។'),
    ]);
    const byGrams = ask(library, court);
    // A wildcard without a star expands to the dictionary word alone.
    const byDictionary = ask(library, court, { wildcard: 'trailing' });
    expect(byGrams.map((h) => h.id)).toEqual(['title', 'twice', 'once']);
    expect(byGrams.map((h) => h.id)).toEqual(byDictionary.map((h) => h.id));
    byGrams.forEach((h, i) => expect(h.score).toBeCloseTo(byDictionary[i]?.score ?? 0, 10));
    expect(ask(library, court, { field: 'title' }).map((h) => h.id)).toEqual(['title']);
    library.remove(['twice']);
    expect(ask(library, court).map((h) => h.id)).toEqual(['title', 'once']);
    expect(library.phrase(court)).toEqual(new Set(['once']));
  });

  it('answer the same from a saved segment', () => {
    const reloaded = createEngine();
    reloaded.addSegment(
      segmentFromData(JSON.parse(JSON.stringify(segmentToData(buildSegment(fixtures))))),
    );
    for (const word of ['ជួញដូរ', 'ชายแดน', 'ເຮືອນ', 'ဥပဒေချုပ်', 'ផ្ទះ']) {
      expect(
        ask(reloaded, word)
          .map((h) => h.id)
          .sort(),
        word,
      ).toEqual(read(word));
    }
  });
});

describe('a library without these scripts', () => {
  it('keeps no pairs of clusters: its words and places are as before', () => {
    const english = buildSegment([
      doc(
        'en',
        'Shelter deadline missed',
        'The minister promised a shelter. It never opened.',
        'en',
      ),
    ]);
    expect([...english.places.keys()].sort()).toEqual(
      [
        'the',
        'minister',
        'promised',
        'a',
        'shelter',
        SENTENCE_MARK,
        'it',
        'never',
        'opened',
      ].sort(),
    );
  });
});
