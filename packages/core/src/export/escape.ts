const DANGEROUS = /^'*[=+\-@\t\r\n]/;

/**
 * Makes a cell safe to open in a spreadsheet program: a value starting with `=`, `+`,
 * `-`, `@`, tab, CR or LF (or quotes followed by one of them) gets a leading `'`, so
 * it is shown as text instead of run as a formula. The importer removes exactly that
 * quote again (`unescapeFormula`), so values round-trip.
 *
 * @example
 * ```ts
 * escapeFormula('=HYPERLINK("http://evil")'); // "'=HYPERLINK(\"http://evil\")"
 * escapeFormula('+27821234567');              // "'+27821234567"
 * escapeFormula('Anna');                      // 'Anna'
 * ```
 */
export function escapeFormula(value: string): string {
  return DANGEROUS.test(value) ? `'${value}` : value;
}
