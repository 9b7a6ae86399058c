import { commitImport, type ImportCommitOptions, type ImportReport } from './commit.js';
import { localImportEngine, rememberEngine, type ImportEngine } from './engine.js';
import { planImport, type ImportContext, type ImportPlan, type ImportPlanOptions } from './plan.js';
import { recheckRows, type RecheckRowsOptions } from './recheck.js';
import { reportToCsv } from './report.js';
import { suggestMapping, type ColumnMapping, type MappingSuggestion } from './suggest-mapping.js';
import { importTemplate } from './template.js';
import type { ReadTableOptions, Table, TableSource } from './types.js';

/**
 * `roster.import`: read a file, map its columns, preview the plan, commit it.
 *
 * @example
 * ```ts
 * const table = await roster.import.readTable(file);
 * const { mapping } = await roster.import.suggestMapping(table);
 * const plan = await roster.import.plan(table, mapping, { existing: 'update', defaultCountry: 'ZA' });
 * const report = await roster.import.commit(plan, { sendInvites: true, onProgress: console.info });
 * const csv = roster.import.reportToCsv(report);
 * ```
 */
export interface ImportApi {
  /**
   * Reads a CSV/TSV file, an XLSX workbook or pasted text into a {@link Table} of string
   * cells, reporting what it detected (`table.detected`: encoding, delimiter, header row,
   * sheets) so the admin can see and override it through `options`. `engine` runs the
   * reading elsewhere (`createImportWorkerClient()` from `@roster/core/import-worker`: a
   * worker, so the page stays responsive).
   *
   * Limits are checked while reading, each refused with a {@link RuleError} that names the
   * limit and the row: file size, rows (`maxRows`), 1,000 columns, 32,767 characters per
   * cell and, for workbooks, the unpacked size of each part and of all of them. Parse
   * problems (a stray or unclosed quote) become warnings on their row.
   */
  readTable(
    source: TableSource,
    options?: ReadTableOptions & { engine?: ImportEngine },
  ): Promise<Table>;
  /**
   * Suggests which Roster field each column holds, from header names (synonyms, then
   * fuzzy matching) and, for columns without a telling header or files without a header
   * row, from the values (a column of emails is `email`, of phone numbers is `phone`).
   * Each field is used once; the admin can override every choice.
   */
  suggestMapping(table: Table): Promise<MappingSuggestion>;
  /** Validates every row and decides create / update / skip / error against the directory. */
  plan(table: Table, mapping: ColumnMapping, options?: ImportPlanOptions): Promise<ImportPlan>;
  /**
   * The plan after the admin corrected some rows in the preview, without checking the
   * whole file again: a new plan, `plan` unchanged. `table` is the table `plan` was made
   * from with only `rows` (file row numbers) changed, in their cells or warnings (a copy:
   * tables are frozen); `mapping` is the mapping `plan` used. The corrected rows and every
   * row sharing a duplicate key (email, phone, external ID) with them, before or after the
   * correction, are checked again; the result is the plan a full {@link ImportApi.plan} of
   * `table` would give.
   *
   * @example
   * ```ts
   * const index = table.rowNumbers.indexOf(4); // file row 4
   * const fixed: Table = {
   *   ...table,
   *   rows: table.rows.map((cells, i) => (i === index ? ['Anna', 'anna@example.com'] : cells)),
   * };
   * plan = await roster.import.recheck(plan, fixed, mapping, [4]);
   * ```
   */
  recheck(
    plan: ImportPlan,
    table: Table,
    mapping: ColumnMapping,
    rows: Iterable<number>,
    options?: RecheckRowsOptions,
  ): Promise<ImportPlan>;
  /** Writes the plan's selected rows in batches and reports each row's outcome. */
  commit(plan: ImportPlan, options?: ImportCommitOptions): Promise<ImportReport>;
  /** The downloadable CSV template. */
  template(): string;
  /** The report as a downloadable CSV. */
  reportToCsv(report: ImportReport): string;
}

/** Builds `roster.import` over a backend (used by `createRoster`). */
export function createImportApi(context: ImportContext): ImportApi {
  return {
    async readTable(source, options = {}) {
      const { engine = localImportEngine, ...rest } = options;
      return rememberEngine(await engine.readTable(source, rest), engine);
    },
    suggestMapping: (table) => Promise.resolve(suggestMapping(table)),
    plan: (table, mapping, options) => planImport(context, table, mapping, options),
    recheck: (plan, table, mapping, rows, options) =>
      recheckRows(context, plan, table, mapping, rows, options),
    commit: (plan, options) => commitImport(context, plan, options),
    template: importTemplate,
    reportToCsv,
  };
}
