import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SCRIPT_RANGES } from '../src/core/search/engine/grams';

/**
 * Short news items in Khmer, Thai, Lao and Burmese (written for these tests, about the
 * fictional Valdoria), and words to search in them. The words were chosen where Chromium's
 * word segmenter does not cut them out of their sentence: they sit inside a chunk of several
 * words, or across two chunks (e2e/unspaced-segmenter.spec.ts shows this in Chromium). The
 * same cases run in Node (vitest) and in Chromium through the app (Playwright).
 */
export const UNSPACED_DIR = fileURLToPath(new URL('./fixtures/unspaced/', import.meta.url));

export const unspacedFiles = (): string[] =>
  readdirSync(UNSPACED_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort();

export const unspacedText = (file: string): string =>
  readFileSync(UNSPACED_DIR + file, 'utf8').normalize('NFC');

/** The fixtures' titles (their first lines), by file. */
export const unspacedTitle = (file: string): string => unspacedText(file).split('\n')[0] ?? '';

export interface FoundCase {
  word: string;
  /** The only file whose document must be found. */
  file: string;
  /** What the word means, and where Chromium's segmenter leaves it. */
  note: string;
}

export const FOUND: readonly FoundCase[] = [
  { word: 'ជួញដូរ', file: 'km-shelter-promise.txt', note: 'trafficking; in ការជួញដូរ, ក្រុមជួញដូរ' },
  { word: 'សំណូក', file: 'km-shelter-promise.txt', note: 'bribe; in សំណូកពី' },
  { word: 'ឈ្មួញកណ្ដាល', file: 'km-border-budget.txt', note: 'broker; across ឈ្មួញ|កណ្ដាលរក' },
  { word: 'គយ', file: 'km-border-budget.txt', note: 'customs; in មន្ត្រីគយ' },
  { word: 'เดินทาง', file: 'th-court-bribes.txt', note: 'travel (passport); in หนังสือเดินทาง' },
  { word: 'ชายแดน', file: 'th-border-broker.txt', note: 'border; across ชาย|แด|นวัล' },
  { word: 'ເຮືອນ', file: 'lo-prosecutor-mayor.txt', note: 'house; in ເຮືອນພັກ' },
  { word: 'ຄິດ', file: 'lo-prosecutor-mayor.txt', note: 'think (conspire); in ຮ່ວມຄິດ' },
  {
    word: 'ໄອຍະການ',
    file: 'lo-prosecutor-mayor.txt',
    note: 'prosecutor; cut into ໄອ|ຍະ|ການ, and ການ is in every Lao text',
  },
  { word: 'ဝန်ထမ်း', file: 'my-court-police.txt', note: 'staff; in လူမှုဝန်ထမ်း' },
  { word: 'တပ်ဖွဲ့', file: 'my-court-police.txt', note: 'force; in ရဲတပ်ဖွဲ့' },
  { word: 'ဥပဒေချုပ်', file: 'my-mayor-budget.txt', note: 'attorney general; across ဥပဒေ|ချုပ်သည်' },
  { word: 'စွဲဆို', file: 'my-mayor-budget.txt', note: 'sue; in တရားစွဲဆို' },
];

export interface NotFoundCase {
  word: string;
  /** Where the word's letters do stand in a row, but not as this word. */
  file: string;
  /** The text as it stands there, which holds the word's code points. */
  written: string;
  note: string;
}

export const NOT_FOUND: readonly NotFoundCase[] = [
  {
    word: 'ខេត្តតុលាការ',
    file: 'km-shelter-promise.txt',
    written: 'ខេត្ត។តុលាការ',
    note: 'the last word of a sentence and the first of the next',
  },
  {
    word: 'ปีนี้ศาลอาญา',
    file: 'th-court-bribes.txt',
    written: 'ปีนี้ ศาลอาญา',
    note: 'across the space that ends a Thai sentence',
  },
  {
    word: 'ແຂວງສານ',
    file: 'lo-court-police.txt',
    written: 'ແຂວງ ສານ',
    note: 'across the space that ends a Lao sentence',
  },
  {
    word: 'ခဲ့သည်တရားရုံး',
    file: 'my-court-police.txt',
    written: 'ခဲ့သည်။ တရားရုံး',
    note: 'across a Burmese full stop',
  },
  {
    word: 'មន្ត្រ',
    file: 'km-border-budget.txt',
    written: 'មន្ត្រី',
    note: 'official without its vowel: the last cluster is cut',
  },
  {
    word: 'เจ้าหน้าที',
    file: 'th-court-bribes.txt',
    written: 'เจ้าหน้าที่',
    note: 'official without its tone mark',
  },
  {
    word: 'ເຈົ້າໜ້າທີ',
    file: 'lo-court-police.txt',
    written: 'ເຈົ້າໜ້າທີ່',
    note: 'official without its tone mark',
  },
  {
    word: 'ဝန်ကြီ',
    file: 'my-court-police.txt',
    written: 'ဝန်ကြီး',
    note: 'minister without its visarga',
  },
];

/** Every letter and mark of Thai, Lao, Khmer and Burmese (their blocks in the BMP). */
export const LETTERS_AND_MARKS: readonly string[] = SCRIPT_RANGES.flatMap(([from, to]) =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i)),
).filter(
  (c) => /[\p{L}\p{M}]/u.test(c) && /[\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u.test(c),
);

/** Every pair of them after a Khmer consonant, one text per first letter, pairs apart. */
export const letterPairs = (): string[] =>
  LETTERS_AND_MARKS.map((a) => LETTERS_AND_MARKS.map((b) => `ក${a}${b}`).join(' '));
