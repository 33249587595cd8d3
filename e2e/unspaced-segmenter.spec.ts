import { expect, test } from '@playwright/test';
import { FOUND, letterPairs, unspacedFiles, unspacedText } from '../tests/unspaced-cases';

/** Each text's word segments (word-like only) and grapheme clusters, as a platform splits them. */
function split(texts: Record<string, string>) {
  const out: Record<string, { words: string[]; clusters: string[] }> = {};
  for (const [file, text] of Object.entries(texts)) {
    const language = file.slice(0, 2);
    const words = new Intl.Segmenter(language, { granularity: 'word' });
    const clusters = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    out[file] = {
      words: [...words.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment),
      clusters: [...clusters.segment(text)].map((s) => s.segment),
    };
  }
  return out;
}

/** Each text's grapheme clusters, joined by "|". */
function clusters(texts: readonly string[]): string[] {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return texts.map((text) => [...segmenter.segment(text)].map((s) => s.segment).join('|'));
}

/** Segments of one platform that the other cuts into several. */
function chunks(mine: readonly string[], theirs: readonly string[]): string[] {
  const other = new Set(theirs);
  return mine.filter((w) => !other.has(w) && theirs.some((t) => t !== w && w.includes(t)));
}

test("Chromium's segmenter leaves words of these sentences inside chunks; clusters are the same as in Node", async ({
  page,
}, testInfo) => {
  const texts = Object.fromEntries(unspacedFiles().map((f) => [f, unspacedText(f)]));
  const chromium = await page.evaluate(split, texts);
  const node = split(texts);

  const report = unspacedFiles().map((file) => ({
    file,
    chromiumChunks: chunks(chromium[file]?.words ?? [], node[file]?.words ?? []),
    nodeChunks: chunks(node[file]?.words ?? [], chromium[file]?.words ?? []),
  }));
  await testInfo.attach('segmenter-chunks.json', {
    body: JSON.stringify(report, null, 2),
    contentType: 'application/json',
  });
  // Chromium keeps some Khmer words together that Node splits (PLATFORM.md).
  const khmer = report.filter((r) => r.file.startsWith('km-'));
  expect(khmer.flatMap((r) => r.chromiumChunks)).toContain('សំណូកពី');
  expect(khmer.flatMap((r) => r.chromiumChunks)).toContain('មន្ត្រីគយ');

  // The words the search tests look for are no word of Chromium's in their sentences: they
  // are inside a chunk or cut across two, so finding them cannot rest on the dictionary.
  for (const { word, file, note } of FOUND) {
    const words = chromium[file]?.words ?? [];
    expect(words.length, file).toBeGreaterThan(10);
    expect(words, `${word} (${note}) in ${file}`).not.toContain(word);
  }

  // Grapheme clusters are the same in both, on these texts and on every pair of letters and
  // marks of these scripts (which the index's clusters are checked against in grams.test.ts).
  for (const file of unspacedFiles()) {
    expect(chromium[file]?.clusters, file).toEqual(node[file]?.clusters);
  }
  const pairs = letterPairs();
  expect(await page.evaluate(clusters, pairs)).toEqual(clusters(pairs));
});
