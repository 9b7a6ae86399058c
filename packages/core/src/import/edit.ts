import { RuleError } from '../errors/index.js';
import { engineOf, rememberEngine } from './engine.js';
import type { Table } from './types.js';

/**
 * The table with one cell corrected (as the admin does in the preview): a new table, the
 * old one unchanged. `row` is the file row number the preview shows; `column` the
 * 0-based column. The new table is validated by the engine that read the old one.
 *
 * @example
 * ```ts
 * const fixed = withCell(table, 4, 1, 'anna@example.com');
 * const plan = await roster.import.plan(fixed, mapping);
 * ```
 */
export function withCell(table: Table, row: number, column: number, value: string): Table {
  const index = table.rowNumbers.indexOf(row);
  if (index === -1 || column < 0 || column >= table.headers.length)
    throw new RuleError(`The table has no cell at row ${row}, column ${column + 1}.`);
  const cells = table.rows[index]!.slice();
  cells[column] = value;
  const rows = table.rows.slice();
  rows[index] = cells;
  return rememberEngine({ ...table, rows }, engineOf(table));
}
