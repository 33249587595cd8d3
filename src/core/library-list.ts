import type { DocFormat, DocumentRecord } from './model';

export type LibrarySortKey = 'date' | 'title' | 'source' | 'type' | 'annotations' | 'imported';

export interface LibraryFilter {
  /** Inclusive ISO dates; undated documents fail a date bound. */
  from?: string;
  to?: string;
  /** Part of the source, case-insensitive. */
  source?: string;
  type?: DocFormat | '';
  annotated?: 'yes' | 'no' | '';
  /** Words of the title. */
  title?: string;
}

const fold = (s: string) => s.toLocaleLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');

export function filterLibrary(
  docs: readonly DocumentRecord[],
  counts: ReadonlyMap<string, number>,
  filter: LibraryFilter,
): DocumentRecord[] {
  const source = fold(filter.source?.trim() ?? '');
  const title = fold(filter.title?.trim() ?? '');
  return docs.filter((d) => {
    if (filter.from && (!d.date || d.date < filter.from)) return false;
    if (filter.to && (!d.date || d.date > filter.to)) return false;
    if (filter.type && d.format !== filter.type) return false;
    if (source && !fold(d.source ?? '').includes(source)) return false;
    if (title && !fold(d.title).includes(title)) return false;
    const n = counts.get(d.id) ?? 0;
    if (filter.annotated === 'yes' && n === 0) return false;
    if (filter.annotated === 'no' && n > 0) return false;
    return true;
  });
}

export function sortLibrary(
  docs: readonly DocumentRecord[],
  counts: ReadonlyMap<string, number>,
  key: LibrarySortKey,
  descending = false,
): DocumentRecord[] {
  const sign = descending ? -1 : 1;
  const compare = (a: DocumentRecord, b: DocumentRecord): number => {
    switch (key) {
      case 'date':
        return (a.date ?? '9999').localeCompare(b.date ?? '9999');
      case 'title':
        return a.title.localeCompare(b.title);
      case 'source':
        return (a.source ?? '\uffff').localeCompare(b.source ?? '\uffff');
      case 'type':
        return a.format.localeCompare(b.format);
      case 'annotations':
        return (counts.get(a.id) ?? 0) - (counts.get(b.id) ?? 0);
      case 'imported':
        return a.importedAt - b.importedAt;
    }
  };
  return [...docs].sort(
    (a, b) => sign * compare(a, b) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id),
  );
}
