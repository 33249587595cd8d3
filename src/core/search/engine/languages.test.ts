import { describe, expect, it } from 'vitest';
import { analyse } from './analyse';
import { createEngine } from './engine';
import type { IndexableDoc, TermClause } from './types';

const doc = (id: string, language: string | null, body: string): IndexableDoc => ({
  id,
  title: '',
  source: '',
  author: '',
  body,
  language,
});

// Short factual sentences: "The minister promised to open a shelter in every province."
// and "The court published the figures late.", in each language.
const library: IndexableDoc[] = [
  doc('km-shelter', 'km', 'រដ្ឋមន្ត្រីបានសន្យាថានឹងបើកជម្រកនៅគ្រប់ខេត្ត។'),
  doc('km-court', 'km', 'តុលាការបានផ្សព្វផ្សាយតួលេខយឺត។'),
  doc('th-shelter', 'th', 'รัฐมนตรีสัญญาว่าจะเปิดที่พักพิงในทุกจังหวัด'),
  doc('th-court', 'th', 'ศาลเผยแพร่ตัวเลขล่าช้า'),
  doc('lo-shelter', 'lo', 'ລັດຖະມົນຕີໄດ້ສັນຍາວ່າຈະເປີດທີ່ພັກອາໄສໃນທຸກແຂວງ'),
  doc('zh-shelter', 'zh', '部长承诺在每个省开设庇护所。'),
  doc('zh-court', 'zh', '法院很晚才公布数字。'),
  doc('ja-shelter', 'ja', '大臣はすべての県に避難所を開くと約束した。'),
  doc('ja-court', 'ja', '裁判所は数字の公表が遅れた。'),
  doc('fr-shelter', 'fr', 'Le ministre a promis d’ouvrir des refuges dans chaque province.'),
  doc('de-shelter', 'de', 'Der Minister versprach, in jeder Provinz Unterkünfte zu eröffnen.'),
  doc('en-shelter', null, 'The minister promised to open shelters in every province.'),
];

const engine = createEngine();
engine.add(library);
const find = (term: string, extra: Partial<TermClause> = {}) =>
  engine
    .search([{ term, presence: 'should', ...extra }])
    .map((h) => h.id)
    .sort();

describe('words of scripts written without spaces', () => {
  it('are found inside a sentence', () => {
    expect(find('ជម្រក')).toEqual(['km-shelter']); // shelter
    expect(find('តុលាការ')).toEqual(['km-court']); // court
    expect(find('จังหวัด')).toEqual(['th-shelter']); // province
    expect(find('ศาล')).toEqual(['th-court']); // court
    expect(find('ແຂວງ')).toEqual(['lo-shelter']); // province
    expect(find('法院')).toEqual(['zh-court']); // court
    expect(find('避難所')).toEqual(['ja-shelter']); // shelter
    expect(find('裁判所')).toEqual(['ja-court']); // court
  });

  it('are analysed into words with offsets into the text', () => {
    const text = 'រដ្ឋមន្ត្រីបានសន្យាថានឹងបើកជម្រកនៅគ្រប់ខេត្ត។';
    const tokens = analyse(text, 'km');
    expect(tokens.length).toBeGreaterThan(5);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toContain('ជម្រក');
    expect(tokens.map((t) => t.term).join('')).toBe(text.slice(0, -1));
  });
});

describe('stemming by the document language', () => {
  it('stems French and German with their own stemmers, and queries the same way', () => {
    expect(find('refuge')).toEqual(['fr-shelter']);
    expect(find('promis')).toContain('fr-shelter');
    expect(find('Unterkunft')).toEqual(['de-shelter']);
    expect(find('Unterkünfte')).toEqual(['de-shelter']);
    expect(find('Provinz')).toEqual(['de-shelter']);
    expect(find('shelter')).toEqual(['en-shelter']);
    const fr = analyse('Le ministre a promis d’ouvrir des refuges', 'fr').map((t) => t.term);
    expect(fr).not.toContain('le');
    expect(fr).toContain('refug');
  });

  it('matches fuzzy words in any language before stemming', () => {
    expect(find('refuges', { fuzzy: 1 })).toContain('fr-shelter');
    expect(find('ministr', { fuzzy: 1 })).toEqual(
      expect.arrayContaining(['fr-shelter', 'en-shelter']),
    );
  });
});
