/** A cell of the grid: `row` -1 is the header row, 0… the result's rows; `col` 0 the checkbox. */
export interface CellPosition {
  row: number;
  col: number;
}

/**
 * Where a key moves the focus in the grid (WAI-ARIA grid pattern): arrows by one cell,
 * Home/End to the row's first/last cell, Ctrl+Home/Ctrl+End to the first/last cell of
 * the grid, PageUp/PageDown by a viewport of rows. `undefined`: not a navigation key.
 */
export function moveFocus(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey'>,
  from: CellPosition,
  size: { rows: number; cols: number; page: number },
): CellPosition | undefined {
  const lastRow = size.rows - 1;
  const lastCol = size.cols - 1;
  const ctrl = event.ctrlKey || event.metaKey;
  const row = (r: number) => Math.min(Math.max(r, -1), lastRow);
  switch (event.key) {
    case 'ArrowDown':
      return { row: row(from.row + 1), col: from.col };
    case 'ArrowUp':
      return { row: row(from.row - 1), col: from.col };
    case 'ArrowRight':
      return { row: from.row, col: Math.min(from.col + 1, lastCol) };
    case 'ArrowLeft':
      return { row: from.row, col: Math.max(from.col - 1, 0) };
    case 'Home':
      return ctrl ? { row: Math.min(0, lastRow), col: 0 } : { row: from.row, col: 0 };
    case 'End':
      return ctrl ? { row: lastRow, col: lastCol } : { row: from.row, col: lastCol };
    case 'PageDown':
      return { row: row(Math.max(from.row, 0) + size.page), col: from.col };
    case 'PageUp':
      return { row: row(Math.max(from.row - size.page, 0)), col: from.col };
    default:
      return undefined;
  }
}
