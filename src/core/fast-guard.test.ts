import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ImportRunSchema } from './exchange/records';
import { fitsSchema, guardOf } from './fast-guard';
import {
  AnnotationLinkSchema,
  AnnotationSchema,
  DocumentContentSchema,
  DocumentRecordSchema,
} from './model';

const HASH = '0123456789abcdef'.repeat(4);

const document = {
  id: 'd1',
  title: 'Shelter Deadline Missed Again',
  source: 'The Harbour Gazette',
  date: '2016-02-11',
  author: null,
  url: null,
  language: 'en',
  format: 'pdf',
  fileName: 'shelters.pdf',
  filePath: 'press/shelters.pdf',
  contentHash: HASH,
  byteLength: 3120,
  textLength: 2900,
  importedAt: 1_700_000_000_000,
  pageCount: 2,
  flags: ['no-text'],
  editedFields: ['source'],
  readAs: { encoding: 'windows-1252', how: 'guessed' },
  version: 2,
};

const annotation = {
  id: 'a1',
  docId: 'd1',
  tag: 'pledge',
  note: 'Promised in **2008**',
  target: {
    contentHash: HASH,
    selectors: [
      {
        type: 'TextQuoteSelector',
        exact: 'a shelter in every province',
        prefix: 'promised ',
        suffix: ' by',
      },
      { type: 'TextPositionSelector', start: 20, end: 47 },
      { type: 'PageSelector', index: 0 },
    ],
  },
  review: { reason: 'changed', previousQuote: 'a shelter', since: 5 },
  actor: 'Minister Varenko',
  statementDate: '2008-03-14',
  labels: ['shelters'],
  status: 'broken',
  rationale: 'Three of nine',
  statusHistory: [{ status: 'open', rationale: '', at: 1 }],
  history: [
    { tag: 'evidence', note: 'old', updatedAt: 1, replacedAt: 2, labels: ['x'], status: 'kept' },
  ],
  createdAt: 1,
  updatedAt: 2,
};

const content = {
  docId: 'd1',
  text: 'Shelter Deadline Missed Again\n\nThe ministry promised…',
  blocks: [
    { kind: 'heading', level: 1, start: 0, end: 29 },
    { kind: 'paragraph', start: 31, end: 52 },
  ],
  pages: [{ start: 0, end: 52 }],
};

const link = { id: 'l1', fromId: 'a2', toId: 'a1', relation: 'supports', createdAt: 3 };

const run = {
  id: 'r1',
  startedAt: 1,
  finishedAt: 2,
  origin: 'folder',
  files: [
    { relativePath: 'a.txt', outcome: 'imported', docId: 'd1', title: 'A' },
    { relativePath: 'b.pdf', outcome: 'failed', reason: 'encrypted PDF', code: 'encrypted' },
  ],
};

const cases: [string, z.ZodType, unknown][] = [
  ['document record', DocumentRecordSchema, document],
  ['annotation', AnnotationSchema, annotation],
  ['document content', DocumentContentSchema, content],
  ['link', AnnotationLinkSchema, link],
  ['import summary', ImportRunSchema, run],
];

/** Values a damaged store might hold where a field should be. */
const ODD = [
  undefined,
  null,
  0,
  -1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 60,
  '',
  'x',
  '2016-2-11',
  HASH.toUpperCase(),
  [],
  [1],
  {},
  true,
  new Date(0),
];

/** Every path to a value inside a record. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) {
    return [prefix, ...value.flatMap((v, i) => paths(v, [...prefix, i]))];
  }
  if (value && typeof value === 'object') {
    return [prefix, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]))];
  }
  return [prefix];
}

function replaced(value: unknown, path: readonly (string | number)[], next: unknown): unknown {
  if (path.length === 0) return next;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  copy[head] = replaced(copy[head], rest, next);
  if (next === undefined && rest.length === 0 && !Array.isArray(value)) delete copy[head];
  return copy;
}

describe('the quick check of stored records', () => {
  it.each(cases)('accepts a valid %s without asking zod', (_name, schema, valid) => {
    expect(schema.safeParse(valid).success).toBe(true);
    expect(guardOf(schema)(valid)).toBe(true);
  });

  it.each(cases)(
    'agrees with zod on every field of a %s set to odd values',
    (_n, schema, valid) => {
      const guard = guardOf(schema);
      for (const path of paths(valid)) {
        for (const odd of ODD) {
          const damaged = replaced(valid, path, odd);
          expect(guard(damaged), `${path.join('.')} = ${String(odd)}`).toBe(
            schema.safeParse(damaged).success,
          );
        }
      }
    },
  );

  it.each(cases)('never takes a damaged %s that zod refuses', (_n, schema, valid) => {
    const guard = guardOf(schema);
    const all = paths(valid);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...all), fc.anything()), { minLength: 1, maxLength: 3 }),
        (edits) => {
          const damaged = edits.reduce((v, [path, next]) => replaced(v, path, next), valid);
          return !guard(damaged) || schema.safeParse(damaged).success;
        },
      ),
      { numRuns: 300 },
    );
  });

  it('says what is wrong with a record, where', () => {
    const schema = DocumentRecordSchema;
    const result = fitsSchema(schema, guardOf(schema), { ...document, title: 7 });
    expect(result).toEqual({ ok: false, issue: expect.stringMatching(/^title: /) });
    expect(fitsSchema(schema, guardOf(schema), document)).toEqual({ ok: true });
  });

  it('leaves to zod the parts of a schema it does not cover', () => {
    const schema = z.object({ mail: z.email(), at: z.iso.datetime() });
    const guard = guardOf(schema);
    expect(guard({ mail: 'desk@harbourgazette.vd', at: '2016-02-11T10:00:00Z' })).toBe(true);
    expect(guard({ mail: 'not an address', at: '2016-02-11T10:00:00Z' })).toBe(false);
    // Fits both options, so an exclusive union refuses it.
    const either = z.xor([z.string(), z.string().min(1)]);
    expect(either.safeParse('a').success).toBe(false);
    expect(guardOf(either)('a')).toBe(false);
    expect(guardOf(z.coerce.number())('12')).toBe(true);
  });
});
