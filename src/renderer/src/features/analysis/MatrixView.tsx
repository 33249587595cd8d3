import * as Plot from '@observablehq/plot';
import { useCallback, useMemo, useState } from 'react';
import { buildMatrix, DIMENSION_LABELS, DIMENSIONS, type Dimension } from '@core/analysis';
import type { Annotation } from '@core/model';
import { ChartFrame } from '../../ui/ChartFrame';
import { PlotFigure } from '../../ui/PlotFigure';
import { useRenderedMark, type AnalysisData } from './analysis-data';
import { MatrixTable, type MatrixPick } from './MatrixTable';
import { PassageList } from './PassageList';

/** Columns beyond this many are summed into the chart's last one; the table shows them all. */
const CHART_COLUMNS = 30;

const shorten = (max: number) => (text: string) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/** Passages counted by two dimensions; a cell lists its passages. */
export function MatrixView({ data }: { data: AnalysisData }) {
  const [rows, setRows] = useState<Dimension>('tag');
  const [columns, setColumns] = useState<Dimension>('source');
  const [picked, setPicked] = useState<MatrixPick | null>(null);
  const matrix = useMemo(() => buildMatrix(data.library, rows, columns), [data, rows, columns]);
  useRenderedMark('matrix', true, matrix);
  const pickedIds = useMemo(() => {
    if (!picked) return [];
    const r = matrix.rows.indexOf(picked.row);
    if (r < 0) return [];
    const ids =
      picked.column === null
        ? [...new Set(matrix.cells[r]?.flatMap((c) => c.ids))]
        : (matrix.cells[r]?.[matrix.columns.indexOf(picked.column)]?.ids ?? []);
    return ids
      .map((id) => data.library.byId.get(id))
      .filter((a): a is Annotation => a !== undefined);
  }, [picked, matrix, data]);

  const make = useCallback(() => {
    const cells = matrix.cells.flat().filter((c) => c.ids.length > 0);
    const shownColumns = matrix.columns.slice(0, CHART_COLUMNS);
    return Plot.plot({
      marginLeft: 120,
      marginBottom: 90,
      width: Math.max(480, 80 + shownColumns.length * 56),
      height: 60 + matrix.rows.length * 36 + 90,
      // Long names shortened so the slanted labels stay inside the chart; the table has them whole.
      x: {
        domain: shownColumns,
        label: DIMENSION_LABELS[columns],
        tickRotate: -35,
        tickFormat: shorten(24),
      },
      y: { domain: matrix.rows, label: DIMENSION_LABELS[rows], tickFormat: shorten(18) },
      color: { type: 'linear', scheme: 'blues', legend: false },
      marks: [
        Plot.cell(
          cells.filter((c) => shownColumns.includes(c.column)),
          {
            x: 'column',
            y: 'row',
            fill: (c: { ids: string[] }) => c.ids.length,
            inset: 1,
            title: (c: { row: string; column: string; ids: string[] }) =>
              `${c.row}, ${c.column}: ${c.ids.length}`,
          },
        ),
        // The number itself, so the chart reads without colour.
        Plot.text(
          cells.filter((c) => shownColumns.includes(c.column)),
          {
            x: 'column',
            y: 'row',
            text: (c: { ids: string[] }) => String(c.ids.length),
            fill: 'black',
            stroke: 'white',
            strokeWidth: 3,
            paintOrder: 'stroke',
          },
        ),
      ],
      ariaLabel: `Passages by ${DIMENSION_LABELS[rows].toLowerCase()} and ${DIMENSION_LABELS[columns].toLowerCase()}`,
    });
  }, [matrix, rows, columns]);

  return (
    <section className="view matrix-view" aria-label="Matrix">
      <header className="view-header">
        <h1>Matrix</h1>
        <label className="field inline-field">
          Rows
          <select value={rows} onChange={(e) => setRows(e.target.value as Dimension)}>
            {DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {DIMENSION_LABELS[d]}
              </option>
            ))}
          </select>
        </label>
        <label className="field inline-field">
          Columns
          <select value={columns} onChange={(e) => setColumns(e.target.value as Dimension)}>
            {DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {DIMENSION_LABELS[d]}
              </option>
            ))}
          </select>
        </label>
      </header>
      <div className="matrix-layout">
        <ChartFrame
          title="Passages counted"
          fileName={`dossier-matrix-${rows}-${columns}`}
          startWith="table"
          table={
            <MatrixTable
              matrix={matrix}
              rows={rows}
              columns={columns}
              picked={picked}
              onPick={setPicked}
            />
          }
          chart={<PlotFigure make={make} label="Matrix chart" />}
        />
        {picked ? (
          <div className="matrix-passages" role="region" aria-label="Passages in the cell">
            <h2>
              {picked.row}
              {picked.column === null ? '' : `, ${picked.column}`}: {pickedIds.length} passage
              {pickedIds.length === 1 ? '' : 's'}
            </h2>
            <PassageList label="Passages" annotations={pickedIds} library={data.library} />
          </div>
        ) : (
          <p className="muted">Click a number to list its passages.</p>
        )}
      </div>
    </section>
  );
}
