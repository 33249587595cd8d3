import { TAGS, TAG_LABELS, type DocFormat, type Tag } from '../../model';
import { tagBit, type CodedValues, type LibraryFacts } from './library-facts';

/** What filters and facets need to know of a document. */
export interface DocFacts {
  id: string;
  format: DocFormat;
  title: string;
  source: string | null;
  author: string | null;
  /** ISO date, YYYY-MM-DD. */
  date: string | null;
  language: string | null;
}

export type FacetGroup = 'format' | 'source' | 'year' | 'tags';

/** Chosen facet values. Within a group any value may match; across groups all must. Tags
 * are the exception: each chosen tag must be present ("has pledges and critiques"). */
export interface FacetFilters {
  format: string[];
  source: string[];
  year: string[];
  tags: Tag[];
}

export const NO_FILTERS: FacetFilters = { format: [], source: [], year: [], tags: [] };

export interface FacetCount {
  /** The value's key ('' for "unknown source" or "undated"). */
  value: string;
  label: string;
  count: number;
  selected: boolean;
}

export type Facets = Record<FacetGroup, FacetCount[]>;

const FORMAT_LABELS: Record<DocFormat, string> = {
  pdf: 'PDF',
  html: 'Web page',
  docx: 'Word',
  md: 'Markdown',
  txt: 'Text',
};

function labelOf(group: FacetGroup, value: string): string {
  if (group === 'format') return FORMAT_LABELS[value as DocFormat] ?? value;
  if (group === 'source') return value === '' ? 'Unknown source' : value;
  if (group === 'year') return value === '' ? 'Undated' : value;
  return TAG_LABELS[value as Tag] ?? value;
}

type ValueGroup = Exclude<FacetGroup, 'tags'>;

/** Per value code, its place in name order, and per place, the code there. */
interface NameOrder {
  rank: Int32Array;
  codes: Int32Array;
}

/**
 * Each value's place in name order (lowercased labels): worked out once per library, so
 * counting a query's facets sorts numbers. A big library has thousands of sources, and
 * names are compared lowercased, not through the locale, which would take longer still.
 */
const nameOrders = new WeakMap<CodedValues, NameOrder>();
function nameOrder(group: ValueGroup, values: CodedValues): NameOrder {
  let order = nameOrders.get(values);
  if (!order) {
    const keys = values.values.map((v) => labelOf(group, v).toLowerCase());
    const sorted = keys
      .map((_, code) => code)
      .sort((a, b) => {
        const x = keys[a] as string;
        const y = keys[b] as string;
        return x < y ? -1 : x > y ? 1 : a - b;
      });
    const rank = new Int32Array(keys.length);
    sorted.forEach((code, place) => {
      rank[code] = place;
    });
    order = { rank, codes: Int32Array.from(sorted) };
    nameOrders.set(values, order);
  }
  return order;
}

/**
 * Codes with a count, or chosen, most counted first, then by name: one number per code,
 * (highest count − count) × values + place in name order, sorted as numbers, with no
 * comparison called per pair and no array of objects.
 */
function byCountThenName(
  group: ValueGroup,
  values: CodedValues,
  counts: Int32Array,
  chosen: readonly number[],
): Int32Array {
  const { rank, codes } = nameOrder(group, values);
  const size = values.values.length;
  let most = 0;
  let listed = chosen.length;
  for (let code = 0; code < counts.length; code += 1) {
    const count = counts[code] as number;
    if (count > most) most = count;
    if (count > 0) listed += 1;
  }
  const keys = new Float64Array(listed);
  let k = 0;
  for (const code of chosen) keys[k++] = most * size + (rank[code] as number);
  for (let code = 0; code < counts.length; code += 1) {
    const count = counts[code] as number;
    if (count > 0) keys[k++] = (most - count) * size + (rank[code] as number);
  }
  keys.sort();
  const out = new Int32Array(listed);
  for (let i = 0; i < listed; i += 1) out[i] = codes[(keys[i] as number) % size] as number;
  return out;
}

/**
 * A group's counts as rows: values found or chosen, in the order the panel shows them:
 * years in time order (undated last), other groups by how many they hold, then by name.
 */
function rowsOf(
  group: ValueGroup,
  values: CodedValues,
  counts: Int32Array,
  chosen: readonly string[],
): FacetCount[] {
  const zero: number[] = [];
  for (const value of chosen) {
    const code = values.codeOf.get(value);
    if (code !== undefined && counts[code] === 0) zero.push(code);
  }
  let codes: ArrayLike<number>;
  if (group === 'year') {
    const years = zero;
    counts.forEach((count, code) => {
      if (count > 0) years.push(code);
    });
    const key = (code: number) => values.values[code] || '9999';
    codes = years.sort((a, b) => (key(a) < key(b) ? -1 : 1));
  } else {
    codes = byCountThenName(group, values, counts, zero);
  }
  const rows: FacetCount[] = [];
  for (let i = 0; i < codes.length; i += 1) {
    const code = codes[i] as number;
    const value = values.values[code] as string;
    rows.push({
      value,
      label: labelOf(group, value),
      count: counts[code] as number,
      selected: chosen.includes(value),
    });
  }
  // A chosen value the library no longer has still shows, so it can be unticked.
  for (const value of chosen) {
    if (!values.codeOf.has(value)) {
      rows.push({ value, label: labelOf(group, value), count: 0, selected: true });
    }
  }
  return rows;
}

/** The hits a query's words and phrases selected: document numbers (see LibraryFacts). */
export interface Selected {
  docs: Int32Array;
  count: number;
}

/**
 * Applies the date ranges and facet filters to the selected documents and counts every
 * facet's values, in one pass over arrays by document number. A group's counts ignore that
 * group's own choice, so choosing "PDF" still shows how many Word files there are to add;
 * they add up to the number of results the other groups let through. Tag counts are of the
 * results. Documents not in the library (removed, not yet re-indexed) are left out.
 */
export function facetResults(
  selected: Selected,
  library: LibraryFacts,
  tags: Uint8Array,
  filters: FacetFilters,
  inDates: (date: number) => boolean = () => true,
): { kept: Int32Array; facets: Facets } {
  const format = groupOf(library, filters, 'format');
  const source = groupOf(library, filters, 'source');
  const year = groupOf(library, filters, 'year');
  const formatCounts = new Int32Array(library.format.values.length);
  const sourceCounts = new Int32Array(library.source.values.length);
  const yearCounts = new Int32Array(library.year.values.length);
  let wanted = 0;
  for (const tag of filters.tags) wanted |= tagBit(tag);
  /** By tag bits, how many results have exactly those tags. */
  const byTags = new Int32Array(1 << TAGS.length);
  const kept = new Int32Array(selected.count);
  let keptCount = 0;
  const { docs, dates } = library;
  for (let k = 0; k < selected.count; k += 1) {
    const n = selected.docs[k] as number;
    if (docs[n] === undefined || !inDates(dates[n] as number)) continue;
    const f = format.codes[n] as number;
    const s = source.codes[n] as number;
    const y = year.codes[n] as number;
    const bits = n < tags.length ? (tags[n] as number) : 0;
    // Which groups turn the document away: kept by none, counted by the one it fails alone.
    let fails = 0;
    if (format.active && format.chosen[f] !== 1) fails |= 1;
    if (source.active && source.chosen[s] !== 1) fails |= 2;
    if (year.active && year.chosen[y] !== 1) fails |= 4;
    if ((bits & wanted) !== wanted) fails |= 8;
    if (fails === 0) {
      kept[keptCount++] = k;
      byTags[bits] = (byTags[bits] as number) + 1;
    }
    if ((fails & ~1) === 0) formatCounts[f] = (formatCounts[f] as number) + 1;
    if ((fails & ~2) === 0) sourceCounts[s] = (sourceCounts[s] as number) + 1;
    if ((fails & ~4) === 0) yearCounts[y] = (yearCounts[y] as number) + 1;
  }
  return {
    kept: kept.subarray(0, keptCount),
    facets: {
      format: rowsOf('format', library.format, formatCounts, filters.format),
      source: rowsOf('source', library.source, sourceCounts, filters.source),
      year: rowsOf('year', library.year, yearCounts, filters.year),
      tags: TAGS.map((tag) => {
        const bit = tagBit(tag);
        let count = 0;
        for (let bits = 0; bits < byTags.length; bits += 1) {
          if ((bits & bit) !== 0) count += byTags[bits] as number;
        }
        return {
          value: tag,
          label: labelOf('tags', tag),
          count,
          selected: filters.tags.includes(tag),
        };
      }),
    },
  };
}

interface Group {
  codes: Int32Array;
  chosen: Uint8Array;
  active: boolean;
}

/** A group's value of every document, and which values are chosen, by code. */
function groupOf(library: LibraryFacts, filters: FacetFilters, group: ValueGroup): Group {
  const values = library[group];
  const chosen = new Uint8Array(values.values.length);
  for (const value of filters[group]) {
    const code = values.codeOf.get(value);
    if (code !== undefined) chosen[code] = 1;
  }
  return { codes: values.codes, chosen, active: filters[group].length > 0 };
}

/** Adds or removes one value from a group. */
export function toggleFilter(
  filters: FacetFilters,
  group: FacetGroup,
  value: string,
): FacetFilters {
  const current = filters[group] as string[];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...filters, [group]: next };
}

export function hasFilters(filters: FacetFilters): boolean {
  return Object.values(filters).some((values: string[]) => values.length > 0);
}
