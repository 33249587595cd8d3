import { TAG_LABELS, TAGS, type Annotation, type Tag } from '../model';
import { compareText, yearOf, type AnalysisLibrary } from './library';

export const DIMENSIONS = ['tag', 'source', 'actor', 'year', 'type', 'label'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const DIMENSION_LABELS: Record<Dimension, string> = {
  tag: 'Tag',
  source: 'Source',
  actor: 'Actor',
  year: 'Year',
  type: 'Document type',
  label: 'Label',
};

/** The value shown for an annotation that has none on a dimension. */
export const NONE_LABELS: Record<Dimension, string> = {
  tag: 'No tag',
  source: 'No source',
  actor: 'No actor',
  year: 'Undated',
  type: 'Unknown type',
  label: 'No label',
};

const TYPE_LABELS: Record<string, string> = {
  txt: 'Text',
  md: 'Markdown',
  html: 'Web page',
  docx: 'Word',
  pdf: 'PDF',
};

export interface MatrixCell {
  row: string;
  column: string;
  /** The passages counted in the cell. */
  ids: string[];
}

export interface Matrix {
  rows: string[];
  columns: string[];
  /** cells[r][c]. */
  cells: MatrixCell[][];
  /** Distinct passages per row and column (a passage with two labels counts once in a row). */
  rowTotals: number[];
  columnTotals: number[];
  /** Distinct passages in the whole matrix. */
  total: number;
}

/** The values an annotation takes on a dimension; a label dimension may give several. */
export function valuesOf(a: Annotation, dimension: Dimension, library: AnalysisLibrary): string[] {
  const doc = library.docs.get(a.docId);
  const one = (value: string | null | undefined) => [value?.trim() || NONE_LABELS[dimension]];
  switch (dimension) {
    case 'tag':
      return [TAG_LABELS[a.tag]];
    case 'source':
      return one(doc?.source);
    case 'actor':
      return one(a.actor);
    case 'year':
      return one(yearOf(library.dates.get(a.id) ?? null));
    case 'type':
      return one(doc ? (TYPE_LABELS[doc.format] ?? doc.format) : null);
    case 'label': {
      const labels = [...new Set((a.labels ?? []).map((l) => l.trim()).filter(Boolean))];
      return labels.length > 0 ? labels : [NONE_LABELS.label];
    }
  }
}

function orderValues(values: Iterable<string>, dimension: Dimension): string[] {
  const none = NONE_LABELS[dimension];
  const list = [...values];
  if (dimension === 'tag') {
    const order = TAGS.map((t: Tag) => TAG_LABELS[t]);
    return list.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  }
  return list.sort((a, b) => (a === none ? 1 : b === none ? -1 : compareText(a, b)));
}

/** Counts passages by two dimensions; every cell keeps its passages so a click can list them. */
export function buildMatrix(
  library: AnalysisLibrary,
  rowDimension: Dimension,
  columnDimension: Dimension,
  annotations: readonly Annotation[] = library.annotations,
): Matrix {
  const cellIds = new Map<string, Map<string, string[]>>();
  const rowSets = new Map<string, Set<string>>();
  const columnSets = new Map<string, Set<string>>();
  for (const a of annotations) {
    const rows = valuesOf(a, rowDimension, library);
    const columns = valuesOf(a, columnDimension, library);
    for (const r of rows) {
      let byColumn = cellIds.get(r);
      if (!byColumn) cellIds.set(r, (byColumn = new Map()));
      let rowSet = rowSets.get(r);
      if (!rowSet) rowSets.set(r, (rowSet = new Set()));
      rowSet.add(a.id);
      for (const c of columns) {
        const ids = byColumn.get(c);
        if (ids) ids.push(a.id);
        else byColumn.set(c, [a.id]);
      }
    }
    for (const c of columns) {
      let columnSet = columnSets.get(c);
      if (!columnSet) columnSets.set(c, (columnSet = new Set()));
      columnSet.add(a.id);
    }
  }
  const rows = orderValues(rowSets.keys(), rowDimension);
  const columns = orderValues(columnSets.keys(), columnDimension);
  return {
    rows,
    columns,
    cells: rows.map((row) =>
      columns.map((column) => ({ row, column, ids: cellIds.get(row)?.get(column) ?? [] })),
    ),
    rowTotals: rows.map((r) => rowSets.get(r)?.size ?? 0),
    columnTotals: columns.map((c) => columnSets.get(c)?.size ?? 0),
    total: annotations.length,
  };
}
