import { TAGS, TAG_LABELS, type DocFormat, type Tag } from '../../model';

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

type TagsOf = (id: string) => ReadonlySet<Tag> | undefined;

const keyOf: Record<Exclude<FacetGroup, 'tags'>, (d: DocFacts) => string> = {
  format: (d) => d.format,
  source: (d) => d.source ?? '',
  year: (d) => d.date?.slice(0, 4) ?? '',
};

function labelOf(group: FacetGroup, value: string): string {
  if (group === 'format') return FORMAT_LABELS[value as DocFormat] ?? value;
  if (group === 'source') return value === '' ? 'Unknown source' : value;
  if (group === 'year') return value === '' ? 'Undated' : value;
  return TAG_LABELS[value as Tag] ?? value;
}

function passes(
  doc: DocFacts,
  filters: FacetFilters,
  tagsOf: TagsOf,
  skip: FacetGroup | null,
): boolean {
  for (const group of ['format', 'source', 'year'] as const) {
    if (group === skip || filters[group].length === 0) continue;
    if (!filters[group].includes(keyOf[group](doc))) return false;
  }
  if (skip !== 'tags' && filters.tags.length > 0) {
    const tags = tagsOf(doc.id);
    if (!filters.tags.every((t) => tags?.has(t))) return false;
  }
  return true;
}

function countGroup(
  group: Exclude<FacetGroup, 'tags'>,
  docs: readonly DocFacts[],
  filters: FacetFilters,
  tagsOf: TagsOf,
): FacetCount[] {
  const counts = new Map<string, number>(filters[group].map((v) => [v, 0]));
  for (const doc of docs) {
    if (!passes(doc, filters, tagsOf, group)) continue;
    const key = keyOf[group](doc);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const rows = [...counts].map(([value, count]) => ({
    value,
    label: labelOf(group, value),
    count,
    selected: filters[group].includes(value),
  }));
  // Years read best in time order (undated last); other groups by how many they hold, then
  // by name. A big library has thousands of sources: names are compared lowercased, not
  // through the locale, which would take longer than the whole query.
  if (group === 'year') {
    return rows.sort((a, b) => ((a.value || '9999') < (b.value || '9999') ? -1 : 1));
  }
  const keys = new Map(rows.map((r) => [r, r.label.toLowerCase()]));
  return rows.sort((a, b) => {
    if (a.count !== b.count) return b.count - a.count;
    const x = keys.get(a) ?? '';
    const y = keys.get(b) ?? '';
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/**
 * Applies the facet filters to a result set and counts every facet's values. A group's
 * counts ignore that group's own choice, so choosing "PDF" still shows how many Word files
 * there are to add; they add up to the number of results the other groups let through.
 */
export function facetResults(
  docs: readonly DocFacts[],
  filters: FacetFilters,
  tagsOf: TagsOf,
): { kept: DocFacts[]; keptIndexes: number[]; facets: Facets } {
  const keptIndexes: number[] = [];
  docs.forEach((d, i) => {
    if (passes(d, filters, tagsOf, null)) keptIndexes.push(i);
  });
  const kept = keptIndexes.map((i) => docs[i] as DocFacts);
  const tagCounts = TAGS.map((tag) => ({
    value: tag,
    label: labelOf('tags', tag),
    count: kept.filter((d) => tagsOf(d.id)?.has(tag)).length,
    selected: filters.tags.includes(tag),
  }));
  return {
    kept,
    keptIndexes,
    facets: {
      format: countGroup('format', docs, filters, tagsOf),
      source: countGroup('source', docs, filters, tagsOf),
      year: countGroup('year', docs, filters, tagsOf),
      tags: tagCounts,
    },
  };
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
