import { csvText } from './csv';
import { COLUMNS, neutralise, NUMBER_COLUMNS, reportRows } from './report-rows';

/**
 * The report as CSV: one row per annotation with every field, headed by the column names.
 * Text cells are neutralised so that no cell is read as a formula.
 */
export function writeCsv(report: Parameters<typeof reportRows>[0]): string {
  const rows = reportRows(report).map((row) =>
    COLUMNS.map((column) => {
      const value = row[column];
      if (value === null) return '';
      return NUMBER_COLUMNS.has(column) ? String(value) : neutralise(String(value));
    }),
  );
  return csvText([[...COLUMNS], ...rows]);
}
