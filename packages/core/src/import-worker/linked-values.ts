import type { ImportValues, ValidatedRow } from '../import/values.js';
import type { ImportField } from '../import/fields.js';

/** Column index of each mapped field (see `columnsOf`). */
type Columns = Partial<Record<ImportField, number>>;

/** Values that are often their cell exactly (nothing trimmed, joined or unescaped). */
const LINKABLE = ['name', 'email', 'notes', 'role', 'externalId'] as const satisfies readonly (
  keyof ImportValues | ImportField
)[];

/**
 * Validated rows cross from the worker to the page, which already holds the table's
 * cells. A value that is its cell exactly is sent as `null` with a bit set for it, and
 * the page puts its own cell back: fewer bytes to copy between threads, and one copy of
 * each string on the page instead of two (less for the page's garbage collector to walk).
 *
 * Returns one mask per row of `rows`, whose first row is the table's row `from`. Changes
 * `rows` in place (the worker sends them and forgets them).
 */
export function unlinkValues(
  rows: ValidatedRow[],
  cells: readonly (readonly string[])[],
  from: number,
  columns: Columns,
): Uint8Array {
  const masks = new Uint8Array(rows.length);
  for (let k = 0; k < rows.length; k++) {
    const { values } = rows[k]!;
    const row = cells[from + k]!;
    let mask = 0;
    for (let f = 0; f < LINKABLE.length; f++) {
      const field = LINKABLE[f]!;
      const column = columns[field];
      const value = values[field];
      if (column === undefined || value === null || value !== row[column]) continue;
      values[field] = null;
      mask |= 1 << f;
    }
    masks[k] = mask;
  }
  return masks;
}

/** Puts the page's own cells back into values that {@link unlinkValues} sent as `null`. */
export function relinkValues(
  rows: ValidatedRow[],
  cells: readonly (readonly string[])[],
  from: number,
  columns: Columns,
  masks: Uint8Array,
): void {
  for (let k = 0; k < rows.length; k++) {
    const mask = masks[k]!;
    if (mask === 0) continue;
    const { values } = rows[k]!;
    const row = cells[from + k]!;
    for (let f = 0; f < LINKABLE.length; f++)
      if (mask & (1 << f)) values[LINKABLE[f]!] = row[columns[LINKABLE[f]!]!]!;
  }
}
