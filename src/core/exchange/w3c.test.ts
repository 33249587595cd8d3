import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsedSamples } from '../../../tests/samples';
import { w3cFailures } from '../../../tests/w3c-annotation-model';
import { describeRange } from '../anchoring';
import { sha256Hex } from '../ingest/hash';
import { ingestFile } from '../ingest';
import type { Annotation, AnnotationLink, Selector, Tag } from '../model';
import { pageOfOffset } from '../pdf-text-map/pdf-text-map';
import { readHypothesisExport, looksLikeHypothesis } from './hypothesis-import';
import { placeAnnotations, suggestDocument, type PlaceDoc } from './place';
import { toW3cCollection, type W3cDoc } from './w3c-export';
import { readW3cAnnotations } from './w3c-import';

const fixture = (name: string) =>
  new Uint8Array(
    readFileSync(new URL(`../../../tests/fixtures/exchange/${name}`, import.meta.url)),
  );

let docs: (PlaceDoc & W3cDoc)[] = [];
const annotations: Annotation[] = [];
let links: AnnotationLink[] = [];

function annotate(
  doc: PlaceDoc,
  phrase: string,
  tag: Tag,
  id: string,
  extra: Partial<Annotation> = {},
) {
  const start = doc.text.indexOf(phrase);
  if (start < 0) throw new Error(`“${phrase}” not in ${doc.title}`);
  const selectors: Selector[] = [...describeRange(doc.text, { start, end: start + phrase.length })];
  if (doc.pages?.length)
    selectors.push({ type: 'PageSelector', index: pageOfOffset(doc.pages, start) });
  const a: Annotation = {
    id,
    docId: doc.id,
    tag,
    note: '',
    target: { contentHash: doc.contentHash, selectors },
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_100_000,
    ...extra,
  };
  annotations.push(a);
  return a;
}

const byTitle = (re: RegExp) => {
  const doc = docs.find((d) => re.test(d.title));
  if (!doc) throw new Error(`no ${re}`);
  return doc;
};

beforeAll(async () => {
  const samples = await parsedSamples();
  const bytes = fixture('patrol-log-astral-crlf.txt');
  const astral = await ingestFile('patrol-log-astral-crlf.txt', bytes, {
    pdf: { getDocument: () => Promise.reject(new Error('no pdf')) } as never,
  });
  if (astral.status !== 'ok') throw new Error('fixture did not parse');
  const all = [...samples, { ...astral.doc, id: 'astral' }];
  docs = await Promise.all(
    all.map(async (d, i) => {
      const contentHash = await sha256Hex(new TextEncoder().encode(`${i}:${d.text}`));
      const record = { id: d.id, contentHash, title: d.title, url: d.url, fileName: d.id };
      return { ...record, record, text: d.text, pages: d.pages };
    }),
  );
  const pledge = annotate(
    byTitle(/Justice Minister Vows/),
    'Officials who collude with traffickers will be punished',
    'pledge',
    '6f1c1e2a-1111-4a4a-8b8b-000000000001',
    {
      actor: 'Justice Minister',
      labels: ['justice', 'officials'],
      statementDate: '2008-03-13',
      status: 'broken',
      rationale: 'No senior official convicted by 2015.',
      statusHistory: [
        { status: 'open', rationale: '', at: 1_700_000_050_000 },
        {
          status: 'broken',
          rationale: 'No senior official convicted by 2015.',
          at: 1_700_000_100_000,
        },
      ],
    },
  );
  const critique = annotate(
    byTitle(/Complicit Officials/),
    'complicit officials are never prosecuted',
    'critique',
    'critique-1',
    {
      note: 'A former **deputy prosecutor** says so.',
    },
  );
  const audit = annotate(
    byTitle(/Audit of the National Shelter/),
    'shelters',
    'evidence',
    'audit-1',
  );
  const astralPledge = annotate(
    byTitle(/Harbour patrol log/),
    'shelters in every province by 2012” 🏠',
    'pledge',
    'astral-1',
  );
  const astralEvidence = annotate(
    byTitle(/Harbour patrol log/),
    'two shelters, both closed 😞',
    'evidence',
    'astral-2',
  );
  links = [
    {
      id: 'l1',
      fromId: critique.id,
      toId: pledge.id,
      relation: 'contradicts',
      createdAt: 1_700_000_200_000,
    },
    {
      id: 'l2',
      fromId: astralEvidence.id,
      toId: astralPledge.id,
      relation: 'supports',
      createdAt: 1_700_000_200_000,
    },
    {
      id: 'l3',
      fromId: audit.id,
      toId: pledge.id,
      relation: 'supports',
      createdAt: 1_700_000_200_000,
    },
  ];
});

const exportAll = () =>
  toW3cCollection(docs, annotations, links, {
    now: 1_800_000_000_000,
    collectionId: '0e1a6c5e-2222-4b4b-8c8c-000000000002',
  });

describe('W3C Web Annotation export', () => {
  it('passes the test suite’s musts for the collection and for every annotation', () => {
    const collection = exportAll();
    expect(w3cFailures('collections/collectionMusts.test', collection)).toEqual([]);
    const items = (collection.first as { items: unknown[] }).items;
    expect(items).toHaveLength(annotations.length + links.length);
    for (const item of items)
      expect(w3cFailures('annotations/annotationMusts.test', item)).toEqual([]);
  });

  it('is caught by the suite when it breaks the model', () => {
    const items = (exportAll().first as { items: Record<string, unknown>[] }).items;
    const broken = { ...items[0], motivation: 'liking', target: { source: 'not a uri' } };
    expect(w3cFailures('annotations/annotationMusts.test', broken).length).toBeGreaterThan(0);
  });

  it('names documents by content hash and counts positions in code points', () => {
    const items = (exportAll().first as { items: Record<string, unknown>[] }).items;
    const astral = items.find((i) => i.id === 'urn:x-dossier:annotation:astral-1') as {
      motivation: string;
      target: {
        source: string;
        selector: { type: string; start?: number; end?: number; exact?: string }[];
      };
    };
    const doc = byTitle(/Harbour patrol log/);
    expect(astral.target.source).toBe(`urn:sha256:${doc.contentHash}`);
    const position = astral.target.selector.find((s) => s.type === 'TextPositionSelector');
    const quote = astral.target.selector.find((s) => s.type === 'TextQuoteSelector');
    expect([...doc.text].slice(position?.start, position?.end).join('')).toBe(quote?.exact);
    expect(doc.text.indexOf(quote?.exact ?? '')).not.toBe(position?.start);
    const pdf = items.find((i) => i.id === 'urn:x-dossier:annotation:audit-1') as {
      target: { selector: { type: string; value?: string }[] };
    };
    expect(pdf.target.selector).toContainEqual(
      expect.objectContaining({
        type: 'FragmentSelector',
        value: expect.stringMatching(/^page=\d+$/),
      }),
    );
    const link = items.find((i) => i.motivation === 'linking');
    expect(link).toMatchObject({
      body: [
        expect.stringMatching(/^urn:uuid:/),
        expect.objectContaining({ value: 'contradicts' }),
      ],
    });
  });

  it('reads back what it wrote: same annotations at the same places, and the links', () => {
    const read = readW3cAnnotations(JSON.parse(JSON.stringify(exportAll())), 0);
    expect(read.skipped).toEqual([]);
    const placed = placeAnnotations(
      read.annotations,
      (hint) => docs.find((d) => d.contentHash === hint.hash),
      { now: 1, defaultTag: 'evidence' },
    );
    expect(placed.review).toBe(0);
    const strip = (a: Annotation) => ({
      ...a,
      target: {
        ...a.target,
        selectors: a.target.selectors.filter((s) => s.type !== 'PageSelector'),
      },
    });
    expect(placed.annotations.map(strip)).toEqual(annotations.map(strip));
    expect(read.links.map((l) => [l.fromId, l.toId, l.relation])).toEqual(
      links.map((l) => [l.fromId, l.toId, l.relation]),
    );
  });
});

describe('Hypothesis import', () => {
  const json = () =>
    JSON.parse(new TextDecoder().decode(fixture('hypothesis-export.json'))) as unknown;

  it('reads tags as the tag and labels, positions as UTF-16, and skips page notes', () => {
    expect(looksLikeHypothesis(json())).toBe(true);
    const read = readHypothesisExport(json(), 0);
    expect(read.annotations.map((a) => [a.tag, a.labels])).toEqual([
      ['pledge', ['justice', '2008']],
      ['evidence', ['customs']],
      ['critique', ['follow-up']],
      ['evidence', []],
    ]);
    expect(read.annotations[0]?.position?.unit).toBe('utf-16');
    expect(read.skipped).toEqual([expect.stringMatching(/page note/)]);
  });

  it('finds the document by its URL and places each passage, sending the unfound one to review', () => {
    const read = readHypothesisExport(json(), 0);
    const hint = read.annotations[0]?.doc;
    expect(hint && suggestDocument(hint, docs)).toEqual({
      docId: byTitle(/Justice Minister Vows/).id,
      how: 'url',
    });
    const placed = placeAnnotations(
      read.annotations,
      (h) => docs.find((d) => d.id === suggestDocument(h, docs)?.docId),
      { now: 5, defaultTag: 'evidence' },
    );
    expect(placed.annotations).toHaveLength(4);
    const doc = byTitle(/Justice Minister Vows/);
    for (const a of placed.annotations.slice(0, 3)) {
      const pos = a.target.selectors.find((s) => s.type === 'TextPositionSelector');
      const quote = a.target.selectors.find((s) => s.type === 'TextQuoteSelector');
      expect(pos && doc.text.slice(pos.start, pos.end)).toBe(quote?.exact);
      expect(a.review).toBeUndefined();
    }
    expect(placed.annotations[3]?.review?.reason).toBe('not-found');
    expect(placed.annotations[2]?.note).toBe('Rhetoric; check against **2015** figures.');
  });
});
