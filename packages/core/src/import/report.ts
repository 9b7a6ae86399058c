import { csvLine } from '../export/csv-format.js';
import type { ImportReport } from './report-types.js';

/**
 * The import report as a CSV file (UTF-8 with BOM so Excel shows accents), one line per
 * file row: row number, outcome, name, email, phone and the reason or remark.
 *
 * @example
 * ```ts
 * const report = await roster.import.commit(plan);
 * download(new Blob([reportToCsv(report)], { type: 'text/csv' }), 'import-report.csv');
 * ```
 */
export function reportToCsv(report: ImportReport): string {
  let out = '\uFEFF' + csvLine(['Row', 'Result', 'Name', 'Email', 'Phone', 'Message']);
  for (const row of report.rows)
    out += csvLine([
      String(row.row),
      row.status,
      row.name ?? '',
      row.email ?? '',
      row.phone ?? '',
      row.message,
    ]);
  return out;
}
