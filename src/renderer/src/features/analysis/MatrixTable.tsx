import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, type MouseEvent } from 'react';
import { DIMENSION_LABELS, type Dimension, type Matrix } from '@core/analysis';

export interface MatrixPick {
  row: string;
  /** null: the row's total. */
  column: string | null;
}

interface Props {
  matrix: Matrix;
  rows: Dimension;
  columns: Dimension;
  picked: MatrixPick | null;
  onPick: (pick: MatrixPick) => void;
}

/** A row's height before it is measured: one line of 0.9rem text with its padding. */
const ROW_ESTIMATE = 29;

/**
 * The matrix's numbers as a table. Only the rows in view (and a few more) are in the page: an
 * actor × source matrix of a large library has thousands of cells, and building and laying
 * out all of them made every change of rows or columns slow. Widths are set per column from
 * the longest value, so they do not jump as rows scroll in; aria-rowcount and aria-rowindex
 * tell assistive technology how many rows there are and which are shown.
 */
export function MatrixTable({ matrix, rows, columns, picked, onPick }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: matrix.rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 6,
  });
  const widths = useMemo(() => columnWidths(matrix), [matrix]);
  const items = virtual.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtual.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const span = matrix.columns.length + 2;

  // One listener for every count: a cell says which row and column it stands for.
  const pick = (event: MouseEvent<HTMLTableSectionElement>) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    const row = button?.getAttribute('data-row');
    const column = button?.getAttribute('data-column');
    if (row === null || row === undefined || column === null || column === undefined) return;
    const r = matrix.rows[Number(row)];
    if (r === undefined) return;
    onPick({ row: r, column: column === '' ? null : (matrix.columns[Number(column)] ?? null) });
  };

  return (
    <div ref={scroller} className="table-scroll">
      <table
        className="matrix-table"
        aria-rowcount={matrix.rows.length + 2}
        style={{ width: `${widths.table}ch` }}
      >
        <caption className="visually-hidden">
          Passages by {DIMENSION_LABELS[rows].toLowerCase()} (rows) and{' '}
          {DIMENSION_LABELS[columns].toLowerCase()} (columns)
        </caption>
        <colgroup>
          <col style={{ width: `${widths.label}ch` }} />
          {widths.counts.map((w, i) => (
            <col key={matrix.columns[i]} style={{ width: `${w}ch` }} />
          ))}
          <col style={{ width: `${widths.total}ch` }} />
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">
              {DIMENSION_LABELS[rows]} \ {DIMENSION_LABELS[columns]}
            </th>
            {matrix.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody onClick={pick}>
          {before > 0 ? (
            <tr aria-hidden="true" className="matrix-spacer" style={{ height: before }}>
              <td colSpan={span} />
            </tr>
          ) : null}
          {items.map((item) => {
            const i = item.index;
            const r = matrix.rows[i] ?? '';
            return (
              <tr key={r} ref={virtual.measureElement} data-index={i} aria-rowindex={i + 2}>
                <th scope="row" title={r}>
                  {r}
                </th>
                {matrix.cells[i]?.map((cell, c) => (
                  <td key={cell.column}>
                    {cell.ids.length > 0 ? (
                      <button
                        type="button"
                        className="cell-count"
                        data-row={i}
                        data-column={c}
                        aria-label={`${cell.ids.length}: ${r}, ${cell.column}`}
                        aria-pressed={picked?.row === r && picked.column === cell.column}
                      >
                        {cell.ids.length}
                      </button>
                    ) : (
                      <span className="muted">0</span>
                    )}
                  </td>
                ))}
                <td className="total">
                  <button
                    type="button"
                    className="cell-count"
                    data-row={i}
                    data-column=""
                    aria-label={`${matrix.rowTotals[i] ?? 0}: ${r}, all`}
                    aria-pressed={picked?.row === r && picked.column === null}
                  >
                    {matrix.rowTotals[i]}
                  </button>
                </td>
              </tr>
            );
          })}
          {after > 0 ? (
            <tr aria-hidden="true" className="matrix-spacer" style={{ height: after }}>
              <td colSpan={span} />
            </tr>
          ) : null}
        </tbody>
        <tfoot>
          <tr aria-rowindex={matrix.rows.length + 2}>
            <th scope="row">Total</th>
            {matrix.columnTotals.map((n, i) => (
              <td key={matrix.columns[i]} className="total">
                {n}
              </td>
            ))}
            <td className="total grand-total" data-testid="matrix-total">
              {matrix.total}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** Longest label shown whole before it is cut with an ellipsis (its title has it all). */
const LABEL_MAX = 28;
/** A column's header wraps beyond this many characters. */
const HEADER_MAX = 16;

/** Headers are bold: their letters are wider than the digit zero that 1ch measures. */
const BOLD = 1.1;

/** Widths in characters (ch), with room for the cell's padding. */
function columnWidths(matrix: Matrix) {
  const digits = (n: number) => String(n).length;
  const longestLabel = Math.max(5, ...matrix.rows.map((r) => r.length));
  const counts = matrix.columns.map((c, i) => {
    const header = Math.min(HEADER_MAX, Math.max(...c.split(/\s+/).map((w) => w.length)));
    return Math.ceil(Math.max(header * BOLD, digits(matrix.columnTotals[i] ?? 0))) + 2;
  });
  const label = Math.ceil(Math.min(LABEL_MAX, longestLabel) * BOLD) + 2;
  const total = Math.max(5, digits(matrix.total)) + 2;
  // The table's own width makes the browser lay it out by these widths alone (fixed layout).
  return { label, counts, total, table: label + total + counts.reduce((a, b) => a + b, 0) };
}
