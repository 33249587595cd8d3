import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importLibrary } from '../../../../../tests/sample-library';
import {
  FOUND,
  NOT_FOUND,
  UNSPACED_DIR,
  unspacedFiles,
  unspacedText,
} from '../../../../../tests/unspaced-cases';
import type { SegmentData } from '@core/search/engine';
import { isGramKey } from '@core/search/engine/grams';
import { documentsRepo } from '../../db/documents-repo';
import { searchIndexRepo } from '../../db/search-index-repo';
import { DossierDb } from '../../db/schema';
import { createSearchEngine, type SearchAnswer } from './search-engine';

let database: DossierDb;
let n = 0;
beforeEach(async () => {
  n += 1;
  database = new DossierDb(`dossier-unspaced-${n}`);
  await database.open();
  await importLibrary(
    database,
    unspacedFiles().map((name) => ({
      name,
      bytes: new Uint8Array(readFileSync(UNSPACED_DIR + name)),
    })),
  );
});
afterEach(() => database.delete());

type Engine = ReturnType<typeof createSearchEngine>;

async function ask(engine: Engine, query: string): Promise<SearchAnswer & { ok: true }> {
  const reply = await engine.handle({ type: 'query', query });
  if (reply.type !== 'answer' || !reply.answer.ok) throw new Error(`no answer to ${query}`);
  return reply.answer;
}

async function opened(): Promise<Engine> {
  const engine = createSearchEngine(database);
  await engine.handle({ type: 'open' });
  return engine;
}

/** Each result's file, and the words its snippets mark. */
async function found(engine: Engine, query: string) {
  const answer = await ask(engine, query);
  return Promise.all(
    answer.items.map(async (item) => {
      const text = (await documentsRepo(database).content(item.doc.id))?.text ?? '';
      return {
        file: item.doc.fileName,
        language: item.doc.language,
        matches: item.bodyMatches.map((m) => text.slice(m.start, m.end)),
        marked: item.snippets.flatMap((s) => s.highlights.map((h) => s.text.slice(h.start, h.end))),
      };
    }),
  );
}

describe('words inside Khmer, Thai, Lao and Burmese sentences', () => {
  it('are found in the one document that holds them, and marked there', async () => {
    const engine = await opened();
    for (const { word, file } of FOUND) {
      const results = await found(engine, word);
      expect(
        results.map((r) => r.file),
        word,
      ).toEqual([file]);
      const [result] = results;
      expect(result?.language).toBe(file.slice(0, 2));
      expect(result?.matches.length, word).toBeGreaterThan(0);
      expect(new Set(result?.matches), word).toEqual(new Set([word]));
      expect(result?.marked[0], word).toBe(word);
    }
  });

  it('are not found across a sentence end, nor with a cluster cut short', async () => {
    const engine = await opened();
    for (const { word, file, written } of NOT_FOUND) {
      // The word's code points are there; only clusters and sentence ends tell them apart.
      expect(written.replace(/[\s។။]/gu, '')).toContain(word);
      expect(unspacedText(file)).toContain(written);
      expect((await ask(engine, word)).total, word).toBe(0);
    }
  });

  it('combine with other words and operators, and phrases hold across chunks', async () => {
    const engine = await opened();
    const files = async (query: string) => (await found(engine, query)).map((r) => r.file).sort();
    expect(await files('+ជួញដូរ +សំណូក')).toEqual(['km-shelter-promise.txt']);
    expect(await files('ជួញដូរ -សំណូក')).toEqual([]);
    expect(await files('ชายแดน เดินทาง')).toEqual(['th-border-broker.txt', 'th-court-bribes.txt']);
    expect(await files('"ទទួលសំណូក"')).toEqual(['km-shelter-promise.txt']);
    expect(await files('"ការជួញដូរមនុស្ស"')).toEqual(['km-shelter-promise.txt']);
    expect(await files('"ខេត្ត តុលាការ"')).toEqual([]);
    expect(await files('"ខេត្ត។តុលាការ"')).toEqual(['km-shelter-promise.txt']);
    expect(await files('title:ជម្រក')).toEqual(['km-shelter-promise.txt']);
    expect(await files('title:ຟ້ອງ')).toEqual(['lo-prosecutor-mayor.txt']);
    // A word of one cluster is found wherever the cluster stands.
    expect(await files('ផ្ទះ')).toEqual(['km-border-budget.txt']);
  });

  it('are found again after the saved index is loaded', async () => {
    await opened();
    const reopened = createSearchEngine(database);
    expect(await reopened.handle({ type: 'open' })).toMatchObject({ rebuilt: false });
    for (const { word, file } of FOUND) {
      expect((await found(reopened, word)).map((r) => r.file)).toEqual([file]);
    }
  });

  it('rebuilds an index saved by the previous version, which kept no pairs of clusters', async () => {
    await opened();
    // As the previous version saved it: the same postings, no pairs of clusters.
    for (const key of await searchIndexRepo(database).segmentKeys()) {
      const saved = await database.searchSegments.get(key);
      const data = JSON.parse(saved?.json ?? '{}') as SegmentData;
      const places = data.places.filter(([word]) => !isGramKey(word) && !word.startsWith('\u0002'));
      const old = JSON.stringify({ ...data, v: 4, places });
      await database.searchSegments.update(key, { json: old });
    }
    const reopened = createSearchEngine(database);
    expect(await reopened.handle({ type: 'open' })).toMatchObject({
      rebuilt: true,
      docCount: unspacedFiles().length,
    });
    expect((await found(reopened, 'ជួញដូរ')).map((r) => r.file)).toEqual(['km-shelter-promise.txt']);
  });
});
