/**
 * Minimal RFC 4180 writing for export files: quotes when needed, CRLF rows, and
 * neutralises spreadsheet formulas (a cell starting with `=`, `+`, `-`, `@`, tab or CR
 * gets a leading `'`), so opening an export in Excel never runs a value as a formula.
 */
export function csvCell(value: unknown): string {
  let text =
    value === null || value === undefined
      ? ''
      : typeof value === 'string'
        ? value
        : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of cells as CSV text (CRLF line ends, trailing CRLF). */
export function csvText(rows: readonly (readonly unknown[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
