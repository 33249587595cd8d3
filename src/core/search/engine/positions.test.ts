import { describe, expect, it } from 'vitest';
import { indexableSamples } from '../../../../tests/samples';
import { exactWords } from '../query/exact-words';
import { findPhrase } from '../query/phrase';
import { words } from './analyse';
import { createEngine, type Engine } from './engine';
import { PositionsBuilder, decodePlaces, placesOf } from './positions';
import { segmentFromData, segmentToData } from './segment';
import type { IndexableDoc } from './types';

const corpus: IndexableDoc[] = await indexableSamples();

/** Documents holding the phrase, found by reading every body word by word. */
function scan(phrase: string): string[] {
  const wanted = exactWords(phrase, null);
  return corpus
    .filter((d) => findPhrase(exactWords(d.body, d.language), wanted).length > 0)
    .map((d) => d.id)
    .sort();
}

/** The ids of the documents holding the phrase, as the engine finds them. */
function held(engine: Engine, phrase: string): string[] {
  const mask = engine.phrase(phrase);
  const out: string[] = [];
  mask.forEach((on, doc) => {
    if (on === 1) out.push(engine.idOf(doc) ?? '');
  });
  return out.sort();
}

describe('word places', () => {
  it('count words, plus one at each sentence end, but not at line breaks or URL dots', () => {
    const text = 'We will end\ntrafficking. Trafficking ends at www.gazette.vd today; it will.';
    const found = words(text);
    const places = placesOf(text, found);
    expect(found.map((w, i) => `${w.word}@${places[i]}`)).toEqual([
      'we@0',
      'will@1',
      'end@2',
      'trafficking@3',
      'trafficking@5',
      'ends@6',
      'at@7',
      'www@8',
      'gazette@9',
      'vd@10',
      'today@11',
      'it@13',
      'will@14',
    ]);
  });

  it('are stored compactly and read back as they were', () => {
    const builder = new PositionsBuilder();
    const big = 'word '.repeat(300) + 'end';
    for (const [ref, text] of [
      [0, 'a b a'],
      [7, big],
      [300, 'b'],
    ] as const) {
      const found = words(text);
      builder.add(ref, text, found);
    }
    const stored = builder.finish();
    const a = decodePlaces(stored.get('a') as Uint8Array);
    expect([...a.refs]).toEqual([0]);
    expect([...a.places]).toEqual([0, 2]);
    const b = decodePlaces(stored.get('b') as Uint8Array);
    expect([...b.refs]).toEqual([0, 300]);
    expect([...b.places]).toEqual([1, 0]);
    const end = decodePlaces(stored.get('end') as Uint8Array);
    expect([...end.refs]).toEqual([7]);
    expect([...end.places]).toEqual([300]);
  });
});

describe('phrases from the index', () => {
  const engine = createEngine({ segmentSize: 4 });
  engine.add(corpus);

  it('find exactly the documents a word-by-word reading of the samples finds', () => {
    // Every run of two to four words at a few places of every sample's text.
    const phrases = new Set<string>();
    for (const doc of corpus) {
      const found = words(doc.body, doc.language);
      for (let i = 0; i + 4 < found.length; i += Math.max(1, Math.floor(found.length / 7))) {
        for (const n of [2, 3, 4]) {
          const span = found.slice(i, i + n);
          phrases.add(doc.body.slice(span[0]?.start, span[span.length - 1]?.end));
        }
      }
    }
    expect(phrases.size).toBeGreaterThan(100);
    for (const phrase of phrases) {
      expect(held(engine, phrase), phrase).toEqual(scan(phrase));
    }
  });

  it('hold across line breaks but not across a sentence end', () => {
    // A sample re-wrapped as a plain-text file would be: a line break inside a sentence.
    const source = corpus[0] as IndexableDoc;
    const m = /(?<!\p{L})(\p{Ll}+) (\p{Ll}+)/u.exec(source.body);
    expect(m).not.toBeNull();
    const wrapped = createEngine();
    wrapped.add([{ ...source, body: source.body.replace(m?.[0] ?? '', `${m?.[1]}\n${m?.[2]}`) }]);
    expect(held(wrapped, `${m?.[1]} ${m?.[2]}`)).toContain(source.id);
    // The last word of one sentence and the first of the next, in every sample.
    for (const doc of corpus) {
      const m = /(\p{L}+)\. (\p{L}+)/u.exec(doc.body);
      if (!m) continue;
      const across = `${m[1]} ${m[2]}`;
      expect(held(engine, `${m[1]}. ${m[2]}`)).toContain(doc.id);
      expect(held(engine, across).includes(doc.id), across).toBe(scan(across).includes(doc.id));
    }
  });

  it('answer the same from saved segments, and forget removed documents', () => {
    const reloaded = createEngine();
    for (const { segment } of engine.segments()) {
      reloaded.addSegment(segmentFromData(JSON.parse(JSON.stringify(segmentToData(segment)))));
    }
    expect(held(reloaded, 'end trafficking')).toEqual(scan('end trafficking'));
    const [first] = scan('end trafficking');
    reloaded.remove([first ?? '']);
    expect(held(reloaded, 'end trafficking')).not.toContain(first);
  });
});
