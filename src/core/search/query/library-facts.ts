import { TAGS, type Tag } from '../../model';
import type { DocFacts } from './facets';
import { dateNumber } from './parse';

/** One facet group's value of every document: a code into `values`, by document number. */
export interface CodedValues {
  codes: Int32Array;
  values: string[];
  /** value → its code. */
  codeOf: ReadonlyMap<string, number>;
}

/**
 * What dates, filters and facets read of the library, in arrays by the engine's document
 * numbers (SearchEngine.numberOf): a query with tens of thousands of hits reads a few arrays
 * per hit instead of looking each up by id. Made once per change of the library's details.
 */
export interface LibraryFacts<D extends DocFacts = DocFacts> {
  /** By number: the document, or undefined for numbers that are not in the library. */
  docs: (D | undefined)[];
  /** The library's documents' numbers, in library order (for queries of only filters). */
  all: Int32Array;
  /** By number: the date as yyyymmdd (dateNumber), 0 when undated. */
  dates: Int32Array;
  format: CodedValues;
  source: CodedValues;
  /** The year as written ('2015'), '' when undated. */
  year: CodedValues;
}

function coder(size: number) {
  const codes = new Int32Array(size).fill(-1);
  const values: string[] = [];
  const codeOf = new Map<string, number>();
  return {
    coded: { codes, values, codeOf } satisfies CodedValues,
    set(n: number, value: string) {
      let code = codeOf.get(value);
      if (code === undefined) {
        code = values.push(value) - 1;
        codeOf.set(value, code);
      }
      codes[n] = code;
    },
  };
}

export function libraryFacts<D extends DocFacts>(
  documents: readonly D[],
  numberOf: (id: string) => number,
): LibraryFacts<D> {
  const numbers = Int32Array.from(documents, (d) => numberOf(d.id));
  let size = 0;
  for (const n of numbers) if (n >= size) size = n + 1;
  const docs: (D | undefined)[] = new Array<D | undefined>(size).fill(undefined);
  const dates = new Int32Array(size);
  const format = coder(size);
  const source = coder(size);
  const year = coder(size);
  documents.forEach((d, i) => {
    const n = numbers[i] as number;
    docs[n] = d;
    dates[n] = dateNumber(d.date);
    format.set(n, d.format);
    source.set(n, d.source ?? '');
    year.set(n, d.date?.slice(0, 4) ?? '');
  });
  return {
    docs,
    all: numbers,
    dates,
    format: format.coded,
    source: source.coded,
    year: year.coded,
  };
}

/** The bit of a tag in tagBits. */
export const tagBit = (tag: Tag): number => 1 << TAGS.indexOf(tag);

/** By document number: the tags of its annotations, one bit each (tagBit). */
export function tagBits(
  annotations: Iterable<{ docId: string; tag: Tag }>,
  numberOf: (id: string) => number,
): Uint8Array {
  const pairs: [number, number][] = [];
  let size = 0;
  for (const a of annotations) {
    const n = numberOf(a.docId);
    pairs.push([n, tagBit(a.tag)]);
    if (n >= size) size = n + 1;
  }
  const bits = new Uint8Array(size);
  for (const [n, bit] of pairs) bits[n] = (bits[n] as number) | bit;
  return bits;
}
