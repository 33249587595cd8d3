import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { annotatedLibrary, EXPORT_FIXTURES, type TestLibrary } from '../../../tests/report-library';
import { quoteOf } from '../annotations/selectors-of';
import type { Annotation } from '../model';
import { buildReport, ReportScopeError } from './build-report';
import type { Report, ReportItem, ReportOptions } from './report-types';

let lib: TestLibrary;
beforeAll(async () => {
  lib = await annotatedLibrary();
});

const at = new Date('2026-11-22T10:30:00Z');
const options = (o: Partial<ReportOptions> = {}): ReportOptions => ({
  scope: { kind: 'library' },
  arrangement: 'pledge',
  generatedAt: at,
  ...o,
});
const byQuote = (start: string) => {
  const found = lib.annotations.find((a) => quoteOf(a).startsWith(start));
  if (!found) throw new Error(`no annotation "${start}"`);
  return found;
};
const quotes = (items: readonly ReportItem[]) => items.map((i) => i.quote.slice(0, 24));
const allItems = (report: Report) => [
  ...report.sections.flatMap((s) => s.items),
  ...report.unverified,
];

/** The library with one annotation replaced, as if stored so. */
function withAnnotation(changed: Annotation): TestLibrary {
  const copy = Object.create(lib) as TestLibrary;
  copy.annotations = lib.annotations.map((a) => (a.id === changed.id ? changed : a));
  return copy;
}

describe('buildReport, arranged by pledge', () => {
  it('gives each pledge chain, oldest first, with its linked items in date order and their relation', () => {
    const report = buildReport(lib, options());
    expect(report.sections.map((s) => s.title.slice(0, 30))).toEqual([
      '“Officials who collude with tr',
      '“open a shelter for victims of',
      '“Inspectors will visit every s',
      'Not linked to a pledge',
    ]);
    const [officials, shelters] = report.sections;
    expect(officials!.title).toContain('(Teodor Malvane, 2008-03-14)');
    expect(officials!.subtitle).toBe(
      '2 wordings, 2008–2015 · Status (2015-01-20 wording): Open (New plan, 2015–2018)',
    );
    expect(officials!.items.map((i) => [i.date, i.tag, i.relation, i.quote.slice(0, 20)])).toEqual([
      ['2008-03-14', 'pledge', null, 'Officials who collud'],
      ['2009-06-18', 'evidence', 'contradicts', 'convicted on Wednesda'.slice(0, 20)],
      ['2012-02-09', 'critique', 'contradicts', 'In my experience, co'],
      ['2015-01-20', 'pledge', 'repeats', 'Officials who collud'],
      ['2015-09-03', 'evidence', 'supports', 'three public servant'],
    ]);
    // Linked to both pledges of the chain: listed once, with the first link's relation.
    expect(quotes(shelters!.items)).toEqual([
      'open a shelter for victi',
      'five shelters were opera',
      "The ministry's annual re",
      'Six specialised shelters',
      'Only two of the six shel',
    ]);
  });

  it('leaves nothing of the scope out, and counts every quote as placed where it was tagged', () => {
    const report = buildReport(lib, options());
    const ids = new Set(allItems(report).map((i) => i.annotation.id));
    expect([...ids].sort()).toEqual(lib.annotations.map((a) => a.id).sort());
    expect(report.counts).toEqual({
      items: lib.annotations.length,
      inPlace: lib.annotations.length,
      moved: 0,
      unverified: 0,
    });
    expect(report.unverified).toEqual([]);
    const unlinked = report.sections.at(-1)!;
    expect(unlinked.items.map((i) => i.tag)).toEqual([
      'critique',
      'evidence',
      'critique',
      'evidence',
    ]);
  });

  it('names the pledges each item is linked to', () => {
    const report = buildReport(lib, options());
    const e5 = allItems(report).find((i) => i.quote === 'Only two of the six shelters')!;
    expect(e5.links.map((l) => [l.relation, l.pledgeQuote.slice(0, 12), l.pledgeDate])).toEqual([
      ['contradicts', 'Six speciali', '2015-03-11'],
      ['contradicts', 'open a shelt', '2008-09-22'],
    ]);
  });
});

describe('citations', () => {
  it('count code points, so quotes with emoji and astral characters cut out of the text exactly', () => {
    // The file has Windows line ends; offsets count in the text as stored, with \n line ends.
    expect(readFileSync(`${EXPORT_FIXTURES}astral-crlf.txt`, 'utf8')).toContain('\r\n');
    const report = buildReport(lib, options());
    const { text } = lib.doc('astral-crlf').content;
    expect(text).not.toContain('\r');
    const points = Array.from(text);
    const astral = allItems(report).filter((i) => i.doc.fileName === 'astral-crlf.txt');
    expect(astral).toHaveLength(2);
    for (const item of astral) {
      expect(points.slice(item.citation.start, item.citation.end).join('')).toBe(item.quote);
      expect(item.citation.start).toBeLessThan(text.indexOf(item.quote));
    }
    const multi = astral.find((i) => i.quote.includes('\n\n'))!;
    expect(multi.citation.end - multi.citation.start).toBe(Array.from(multi.quote).length);
    expect(multi.quote.length - Array.from(multi.quote).length).toBe(1); // 🏠 takes two units
  });

  it('carry the document details, its SHA-256 and, in a PDF, the page', () => {
    const report = buildReport(lib, options());
    const audit = lib.doc('2014-11-19').record;
    const onPages = allItems(report).filter((i) => i.doc.id === audit.id);
    expect(onPages.map((i) => i.citation.page).sort()).toEqual([1, 3]);
    expect(onPages[0]!.citation).toMatchObject({
      title: 'Audit of the National Shelter Programme',
      sha256: audit.contentHash,
      fileName: '2014-11-19-shelter-programme-audit.pdf',
      date: '2014-11-19',
    });
    const txt = allItems(report).find((i) => i.doc.fileName.startsWith('2008-03-14'))!;
    expect(txt.citation).toMatchObject({ page: null, source: 'The Harbour Gazette' });
  });

  it('list each cited document once in Sources, first cited first, with its hash and length', () => {
    const report = buildReport(lib, options());
    const cited = new Set(allItems(report).map((i) => i.doc.id));
    expect(report.sources).toHaveLength(cited.size);
    expect(new Set(report.sources.map((s) => s.sha256)).size).toBe(cited.size);
    expect(report.sources[0]!.fileName).toBe('2008-03-14-justice-minister-vows-crackdown.txt');
    const astral = report.sources.find((s) => s.fileName === 'astral-crlf.txt')!;
    expect(astral.end).toBe(Array.from(lib.doc('astral-crlf').content.text).length);
  });
});

describe('placing annotations again', () => {
  it('reports a quote found away from its stored position as moved, with the new position', () => {
    const e2 = byQuote('three public servants');
    const moved: Annotation = {
      ...e2,
      target: {
        ...e2.target,
        selectors: e2.target.selectors.map((s) =>
          s.type === 'TextPositionSelector' ? { ...s, start: s.start + 40, end: s.end + 40 } : s,
        ),
      },
    };
    const report = buildReport(withAnnotation(moved), options());
    const item = allItems(report).find((i) => i.annotation.id === e2.id)!;
    expect(item.verification).toBe('moved');
    const text = lib.doc('2015-09-03').content.text;
    expect(item.citation.start).toBe(text.indexOf(quoteOf(e2)));
    expect(report.counts).toMatchObject({ moved: 1, unverified: 0 });
  });

  it('takes the current words for a passage found fuzzily', () => {
    const e1 = byQuote('convicted on Wednesday');
    const edited: Annotation = {
      ...e1,
      target: {
        ...e1.target,
        selectors: e1.target.selectors.map((s) =>
          s.type === 'TextQuoteSelector'
            ? { ...s, exact: s.exact.replace('Municipal Court', 'Municipal Courts') }
            : s,
        ),
      },
    };
    const item = allItems(buildReport(withAnnotation(edited), options())).find(
      (i) => i.annotation.id === e1.id,
    )!;
    expect(item.verification).toBe('moved');
    expect(item.quote).toBe(quoteOf(e1));
  });

  it('lists a quote that is nowhere in the text, or whose document is gone, under Could not be verified', () => {
    const c1 = byQuote('In my experience');
    const lost: Annotation = {
      ...c1,
      target: {
        ...c1.target,
        selectors: [
          {
            type: 'TextQuoteSelector',
            exact: 'A sentence the op-ed never had, about harbour tolls.',
            prefix: '',
            suffix: '',
          },
          { type: 'TextPositionSelector', start: 100, end: 152 },
        ],
      },
    };
    const orphan: Annotation = { ...byQuote('Only two of'), id: 'orphan', docId: 'doc:gone' };
    const copy = withAnnotation(lost);
    copy.annotations = [...copy.annotations, orphan];
    const report = buildReport(copy, options());
    expect(report.unverified.map((i) => [i.quote.slice(0, 20), i.verification])).toEqual([
      ['A sentence the op-ed', 'unverified'],
      ['Only two of the six ', 'unverified'],
    ]);
    expect(report.unverified[0]!.citation).toMatchObject({
      start: 100,
      end: 152,
      fileName: c1.docId.slice(4),
    });
    expect(report.unverified[1]!.doc.title).toBe('Document not in the library');
    expect(allItems(report).filter((i) => i.annotation.id === c1.id)).toHaveLength(1);
    expect(report.counts).toMatchObject({ items: lib.annotations.length + 1, unverified: 2 });
    // Its chain keeps the items that were placed.
    expect(report.sections[0]!.items.map((i) => i.annotation.id)).not.toContain(c1.id);
  });
});

describe('scopes', () => {
  it('a pledge dossier: the pledge, its chain through repeats links and everything linked to it', () => {
    const p2 = byQuote(
      'Officials who collude with traffickers will be punished, whatever their rank or',
    );
    const report = buildReport(lib, options({ scope: { kind: 'dossier', pledgeId: p2.id } }));
    expect(report.sections).toHaveLength(1);
    expect(report.sections[0]!.items.map((i) => i.date)).toEqual([
      '2008-03-14',
      '2009-06-18',
      '2012-02-09',
      '2015-01-20',
      '2015-09-03',
    ]);
    expect(() =>
      buildReport(lib, options({ scope: { kind: 'dossier', pledgeId: 'nope' } })),
    ).toThrow(ReportScopeError);
  });

  it("filtered annotations: only those, in the table's order under each heading", () => {
    const ids = [
      byQuote('Six specialised'),
      byQuote('five shelters'),
      byQuote('open a shelter'),
      byQuote('three public'),
    ].map((a) => a.id);
    const report = buildReport(
      lib,
      options({ scope: { kind: 'filtered', annotationIds: [...ids, 'deleted-since'] } }),
    );
    expect(report.counts.items).toBe(4);
    expect(report.sections.map((s) => s.title.slice(0, 7))).toEqual(['“open a', 'Not lin']);
    expect(quotes(report.sections[0]!.items)).toEqual([
      'Six specialised shelters',
      'five shelters were opera',
      'open a shelter for victi',
    ]);
    const byTag = buildReport(
      lib,
      options({ arrangement: 'tag', scope: { kind: 'filtered', annotationIds: ids } }),
    );
    expect(byTag.sections.map((s) => [s.title, quotes(s.items)])).toEqual([
      ['Pledges', ['Six specialised shelters', 'open a shelter for victi']],
      ['Evidence', ['five shelters were opera', 'three public servants we']],
    ]);
  });

  it('this document: its annotations only, grouped by tag in reading order', () => {
    const audit = lib.doc('2014-11-19').record;
    const report = buildReport(
      lib,
      options({ scope: { kind: 'document', docId: audit.id }, arrangement: 'document' }),
    );
    expect(report.sections.map((s) => s.title)).toEqual([audit.title]);
    expect(report.sections[0]!.items.map((i) => [i.tag, i.citation.page])).toEqual([
      ['evidence', 1],
      ['critique', 3],
    ]);
  });
});

describe('arrangements', () => {
  it('by document: oldest first, each with source and date, quotes grouped by tag in reading order', () => {
    const report = buildReport(lib, options({ arrangement: 'document' }));
    const dates = report.sections.map((s) => s.items[0]!.doc.date);
    expect(dates).toEqual([...dates].sort());
    expect(report.sections[0]!.subtitle).toMatch(/^The Harbour Gazette · 2008-03-14 · \w/);
    expect(report.sections.at(-1)!.subtitle).toBe(
      '<b onmouseover=alert(3)>Gazette</b> · 2016-06-01 · [Mallory](javascript:alert(4))',
    );
    const hostile = report.sections.find(
      (s) => s.items[0]!.doc.fileName === 'hostile-metadata.txt',
    )!;
    expect(hostile.items.map((i) => i.tag)).toEqual(['pledge', 'evidence']);
  });

  it('by tag: pledges, evidence and critiques, each in date order', () => {
    const report = buildReport(lib, options({ arrangement: 'tag' }));
    expect(report.sections.map((s) => s.title)).toEqual(['Pledges', 'Evidence', 'Critiques']);
    for (const section of report.sections) {
      const dates = section.items.map((i) => i.date ?? '9999');
      expect(dates).toEqual([...dates].sort());
      expect(new Set(section.items.map((i) => i.tag)).size).toBe(1);
    }
  });

  it("reports progress up to the scope's total", () => {
    const calls: [number, number][] = [];
    buildReport(lib, options(), (done, total) => calls.push([done, total]));
    expect(calls.at(-1)).toEqual([lib.annotations.length, lib.annotations.length]);
  });
});
