import { describe, expect, it } from 'vitest';
import { analyse } from '../engine';
import { exactWords } from './exact-words';
import {
  createAnnotationSearch,
  type AnnotationDocInfo,
  type AnnotationEntry,
} from './annotation-search';

const docs = new Map<string, AnnotationDocInfo>([
  ['crackdown', { title: 'Justice Minister Vows Crackdown', date: '2008-03-14', language: 'en' }],
  ['pm', { title: 'Prime Minister Repeats Pledge', date: '2015-01-20', language: 'en' }],
  [
    'oped',
    { title: 'Complicit Officials Are Never Prosecuted', date: '2012-02-09', language: 'en' },
  ],
]);

const entry = (
  e: Partial<AnnotationEntry> & Pick<AnnotationEntry, 'id' | 'docId' | 'tag' | 'quote'>,
) => ({
  note: '',
  updatedAt: 1,
  ...e,
});

const ENTRIES: AnnotationEntry[] = [
  entry({
    id: 'a1',
    docId: 'crackdown',
    tag: 'pledge',
    quote: 'Officials who collude with traffickers will be punished, whatever their rank',
    note: 'First time the minister makes this promise.',
    actor: 'Teodor Malvane',
  }),
  entry({
    id: 'a2',
    docId: 'pm',
    tag: 'pledge',
    quote:
      'Officials who collude with traffickers will be punished, whatever their rank or their connections',
    note: 'Same words, seven years on.',
    actor: 'Ilse Varenko',
    statementDate: '2015-01-19',
  }),
  entry({
    id: 'a3',
    docId: 'oped',
    tag: 'critique',
    quote: 'In my experience, complicit officials are never prosecuted.',
    note: 'Former deputy prosecutor',
    labels: ['prosecutions'],
  }),
  entry({
    id: 'a4',
    docId: 'crackdown',
    tag: 'evidence',
    quote: 'Four customs officers from the Tarsk post have been suspended on full pay',
    note: '',
  }),
];

const search = createAnnotationSearch(analyse, exactWords);
const ids = (query: string) => {
  const answer = search(query, ENTRIES, docs);
  if (!answer.ok) throw new Error(answer.message);
  return answer.hits.map((h) => h.entry.id).sort();
};

describe('annotation search', () => {
  it('searches quotes, notes, actors and labels, stemmed', () => {
    expect(ids('punish')).toEqual(['a1', 'a2']);
    expect(ids('promises')).toEqual(['a1']);
    expect(ids('varenko')).toEqual(['a2']);
    expect(ids('prosecution')).toEqual(['a3']);
  });

  it('reads the query language: fields, tags, presence, phrases, wildcards, typos, dates', () => {
    expect(ids('actor:malvane')).toEqual(['a1']);
    expect(ids('tag:pledge')).toEqual(['a1', 'a2']);
    expect(ids('officials -tag:pledge')).toEqual(['a3']);
    expect(ids('-tag:pledge')).toEqual(['a3', 'a4']);
    expect(ids('+officials +complicit')).toEqual(['a3']);
    expect(ids('"their rank or their connections"')).toEqual(['a2']);
    expect(ids('traff*')).toEqual(['a1', 'a2']);
    expect(ids('*ficke*')).toEqual(['a1', 'a2']);
    expect(ids('cust*s')).toEqual(['a4']);
    expect(ids('varenco~1')).toEqual(['a2']);
    expect(ids('tag:pledge date:2015')).toEqual(['a2']);
    expect(ids('date:..2012')).toEqual(['a1', 'a3', 'a4']);
    expect(ids('title:crackdown')).toEqual(['a1', 'a4']);
  });

  it('marks what matched in the quote and note', () => {
    const answer = search('punished minister', ENTRIES, docs);
    if (!answer.ok) throw new Error(answer.message);
    const a1 = answer.hits.find((h) => h.entry.id === 'a1');
    const quote = ENTRIES[0]!.quote;
    expect(a1?.matches.quote?.map((m) => quote.slice(m.start, m.end))).toEqual(['punished']);
    expect(a1?.matches.note?.map((m) => ENTRIES[0]!.note.slice(m.start, m.end))).toEqual([
      'minister',
    ]);
    expect(answer.hits[0]?.entry.id).toBe('a1');
  });

  it('finds words inside Khmer and Thai quotes, whatever the segmenter makes of them', () => {
    const info = new Map<string, AnnotationDocInfo>([
      ['km', { title: 'ក្រសួងសន្យាបើកជម្រក', date: '2015-03-04', language: 'km' }],
      ['th', { title: 'ศาลสั่งจำคุกตำรวจรับสินบน', date: '2015-06-20', language: 'th' }],
    ]);
    const quotes = [
      entry({
        id: 'k1',
        docId: 'km',
        tag: 'evidence',
        quote: 'តុលាការបានកាត់ទោសមន្ត្រីប៉ូលិសពីររូបដែលបានទទួលសំណូកពីក្រុមជួញដូរមនុស្ស។',
      }),
      entry({
        id: 't1',
        docId: 'th',
        tag: 'evidence',
        quote: 'แรงงานประมงหลายสิบคนถูกยึดหนังสือเดินทาง',
      }),
    ];
    const marked = (query: string) => {
      const answer = search(query, quotes, info);
      if (!answer.ok) throw new Error(answer.message);
      return answer.hits.map((h) => [
        h.entry.id,
        ...(h.matches.quote ?? []).map((m) => h.entry.quote.slice(m.start, m.end)),
      ]);
    };
    // Inside the chunks "ទទួលសំណូក" and "หนังสือเดินทาง" that the segmenter leaves whole.
    expect(marked('សំណូក')).toEqual([['k1', 'សំណូក']]);
    expect(marked('เดินทาง')).toEqual([['t1', 'เดินทาง']]);
    expect(marked('ជនរងគ្រោះ')).toEqual([]);
  });

  it('explains a bad query', () => {
    const answer = search('colour:red', ENTRIES, docs);
    expect(answer).toMatchObject({ ok: false, error: { position: 0 } });
    expect(!answer.ok && answer.message).toMatch(/actor:/);
  });
});
