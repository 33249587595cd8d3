import type { SearchEngine, Analyse } from '../src/core/search/engine/types';
import type { DocFacts } from '../src/core/search/query/facets';
import type { QuerySources } from '../src/core/search/query/run';
import type { Page, Tag } from '../src/core/model';
import { exactWords } from '../src/core/search/query/exact-words';
import { libraryFacts, tagBits } from '../src/core/search/query/library-facts';

/**
 * A small library with known answers for the query language: who says "government", where
 * "end trafficking" stands (once across a line break, once reversed), dates, formats and
 * sources of each kind, one undated document and one without a source.
 */
export interface CorpusDoc extends DocFacts {
  body: string;
  pages?: Page[];
  tags: Tag[];
}

const doc = (d: Omit<CorpusDoc, 'language' | 'author'> & Partial<CorpusDoc>): CorpusDoc => ({
  language: 'en',
  author: null,
  ...d,
});

const AUDIT_PAGE_1 = 'Audit of the shelter programme.\n\n';
const AUDIT_PAGE_2 = 'The audit found two shelters open where the government had promised ten.';

export const CORPUS: CorpusDoc[] = [
  doc({
    id: 'crackdown',
    format: 'txt',
    title: 'Minister vows crackdown on trafficking',
    source: 'The Harbour Gazette',
    author: 'Elin Marchetti',
    date: '2008-03-14',
    body:
      'The minister promised to end trafficking in every province.\n' +
      'Officials who collude with traffickers will be punished, he said.',
    tags: ['pledge'],
  }),
  doc({
    id: 'convicted',
    format: 'txt',
    title: 'Customs officers convicted of negligence',
    source: 'Valdoria Daily Courier',
    author: 'Piet Anselmo',
    date: '2009-06-18',
    body:
      'Two customs officers were convicted of negligence, not of trafficking.\n' +
      'The government said the case was closed.',
    tags: [],
  }),
  doc({
    id: 'promises',
    format: 'md',
    title: 'Promises in the harbour',
    source: 'Harbourlight Rights Network',
    date: '2010-11-08',
    body:
      'The government made three promises: to end\ntrafficking, to open shelters in every ' +
      'province, and to publish court figures. None was kept.',
    tags: ['critique', 'evidence'],
  }),
  doc({
    id: 'oped',
    format: 'txt',
    title: 'Complicit officials are never prosecuted',
    source: 'The Northern Ledger',
    author: 'Hanna Corvell',
    date: '2012-02-09',
    body:
      'Complicit officials are never prosecuted. The trials of trafficking end in ' +
      'acquittals, year after year.',
    tags: ['critique'],
  }),
  doc({
    id: 'audit',
    format: 'pdf',
    title: 'Shelter programme audit',
    source: null,
    date: '2014-11-19',
    body: AUDIT_PAGE_1 + AUDIT_PAGE_2,
    pages: [
      { start: 0, end: AUDIT_PAGE_1.length },
      { start: AUDIT_PAGE_1.length, end: AUDIT_PAGE_1.length + AUDIT_PAGE_2.length },
    ],
    tags: ['evidence'],
  }),
  doc({
    id: 'statement',
    format: 'docx',
    title: 'Ministry statement on shelters',
    source: 'Ministry of Social Welfare',
    date: '2015-03-11',
    body: 'The Ministry restates its pledge on shelters for victims. The governor of Tarsk agreed.',
    tags: [],
  }),
  doc({
    id: 'deadline',
    format: 'html',
    title: 'Shelter deadline missed',
    source: 'The Harbour Gazette',
    date: null,
    body: 'The shelter deadline was missed again; the government blamed the budget.',
    tags: [],
  }),
];

export function corpusSources(
  engine: SearchEngine,
  analyse: Analyse,
  docs: readonly CorpusDoc[] = CORPUS,
): QuerySources {
  engine.add(
    docs.map((d) => ({
      id: d.id,
      title: d.title,
      source: d.source ?? '',
      author: d.author ?? '',
      body: d.body,
      language: d.language,
    })),
  );
  const library = libraryFacts<DocFacts>(docs, (id) => engine.numberOf(id));
  const tags = tagBits(
    docs.flatMap((d) => d.tags.map((tag) => ({ docId: d.id, tag }))),
    (id) => engine.numberOf(id),
  );
  return {
    engine,
    analyse,
    words: exactWords,
    library: async () => library,
    tags: async () => tags,
    content: async (id) => {
      const found = docs.find((d) => d.id === id);
      return found ? { text: found.body, pages: found.pages } : undefined;
    },
  };
}
