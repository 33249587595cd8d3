import { describe, expect, it } from 'vitest';
import { units } from './analyse';
import { askedUnits, clustersOf, GRAM_RUN, RUN_END } from './grams';
import { gramWord } from './gram-terms';
import { LETTERS_AND_MARKS, letterPairs, unspacedText } from '../../../../tests/unspaced-cases';

const keys = (text: string) => clustersOf(text).map((c) => c.key);
const unitWords = (text: string) => units(text).map((w) => w.word);

describe('grapheme clusters of Thai, Lao, Khmer and Burmese', () => {
  it('keep marks and stacked consonants with their base, and Burmese syllables whole', () => {
    expect(keys('មន្ត្រី')).toEqual(['ម', 'ន្ត្រី']); // official: a conjunct with its vowel
    expect(keys('ជួញដូរ')).toEqual(['ជួ', 'ញ', 'ដូ', 'រ']);
    expect(keys('เจ้าหน้าที่')).toEqual(['เ', 'จ้', 'า', 'ห', 'น้', 'า', 'ที่']);
    // Tall aa and visarga, and a consonant killed by asat, belong to the syllable before.
    expect(keys('ဝန်ကြီးဌာန')).toEqual(['ဝန်', 'ကြီး', 'ဌာ', 'န']);
    expect(keys('ကော်မတီ')).toEqual(['ကော်', 'မ', 'တီ']);
    expect(keys('ຄ້າມະນຸດ')).toEqual(['ຄ້', 'າ', 'ມ', 'ະ', 'ນຸ', 'ດ']);
  });

  it('give each cluster its offsets in the text, and leave out invisible separators', () => {
    const text = 'ជួញ\u200Bដូរ';
    const clusters = clustersOf(text);
    expect(clusters.map((c) => c.key)).toEqual(['ជួ', 'ញ', 'ដូ', 'រ']);
    expect(clusters.map((c) => text.slice(c.start, c.end))).toEqual(['ជួ', 'ញ\u200B', 'ដូ', 'រ']);
  });
});

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** Clusters as Intl.Segmenter finds them, joined as clustersOf joins them (its reference). */
function byIntl(text: string): string[] {
  const out: string[] = [];
  for (const { segment } of graphemes.segment(text)) {
    const last = out[out.length - 1];
    const joins =
      /^\p{M}/u.test(segment) ||
      /[\u1039\u17D2]$/u.test(last ?? '') ||
      /^.\u1037?\u103A/u.test(segment);
    if (last !== undefined && joins) out[out.length - 1] = last + segment;
    else out.push(segment);
  }
  return out;
}

describe('clusters read by character codes', () => {
  it('are those of Intl.Segmenter on every pair of these scripts’ letters and marks', () => {
    expect(LETTERS_AND_MARKS.length).toBeGreaterThan(400);
    for (const text of letterPairs()) expect(keys(text), text.slice(1, 2)).toEqual(byIntl(text));
    for (const file of ['km-shelter-promise.txt', 'th-court-bribes.txt', 'lo-court-police.txt']) {
      for (const run of unspacedText(file).matchAll(GRAM_RUN)) {
        expect(keys(run[0])).toEqual(byIntl(run[0]));
      }
    }
  });
});

describe('units: the words the index keeps places for', () => {
  it('are pairs of clusters and each run’s end in these scripts, words elsewhere', () => {
    expect(unitWords('ជួញដូរ')).toEqual(['ជួញ', 'ញដូ', 'ដូរ', `រ${RUN_END}`]);
    // Digits, Latin letters, spaces and punctuation end a run.
    expect(unitWords('ปี2015 ICT ศาล')).toEqual([
      'ปี' + RUN_END,
      '2015',
      'ict',
      'ศา',
      'าล',
      `ล${RUN_END}`,
    ]);
    expect(unitWords('The shelter opened.')).toEqual(['the', 'shelter', 'opened']);
  });

  it('have offsets into the text, a pair spanning both clusters', () => {
    const text = 'ក្រុមជួញដូរ។';
    for (const w of units(text)) {
      const written = text.slice(w.start, w.end);
      expect(w.word.replace(RUN_END, '')).toBe(written);
    }
  });

  it('cover every cluster of the fixtures exactly once as the first of a pair or a run’s end', () => {
    for (const file of ['km-shelter-promise.txt', 'th-court-bribes.txt', 'my-court-police.txt']) {
      const text = unspacedText(file);
      const body = text.slice(text.indexOf('\n\n') + 2);
      const firsts = units(body).map((w) => w.start);
      expect(new Set(firsts).size, file).toBe(firsts.length);
    }
  });
});

describe('a typed word as it is asked of the index', () => {
  it('leaves out its last run’s end, so it is found inside longer words', () => {
    const asked = askedUnits(units('ศาล'), (w) => w.word).map((w) => w.word);
    expect(asked).toEqual(['ศา', 'าล']);
    expect(gramWord('ศาล')).toEqual({ keys: ['ศา', 'าล'], offsets: [0, 1], cluster: null });
  });

  it('keeps the end of an inner run, and a sentence end between runs', () => {
    const word = gramWord('ខេត្ត។តុលាការ');
    expect(word?.keys).toEqual(['ខេត្ត', `ត្ត${RUN_END}`, '\u0001.', 'តុលា', 'លាកា', 'ការ']);
    expect(word?.offsets).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('is one cluster, found wherever it stands, or null outside these scripts', () => {
    expect(gramWord('ផ្ទះ')).toEqual({ keys: [], offsets: [], cluster: 'ផ្ទះ' });
    expect(gramWord('shelter')).toBeNull();
    expect(gramWord('ปี2015')).toBeNull();
    expect(gramWord('避難所')).toBeNull();
  });
});
