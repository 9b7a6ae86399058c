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
  /** Reads a file or pasted text (see {@link readTable}); `engine` runs it elsewhere (a worker). */
  readTable(
    source: TableSource,
    options?: ReadTableOptions & { engine?: ImportEngine },
  ): Promise<Table>;
  /** Suggests a column mapping (see {@link suggestMapping}). */
  suggestMapping(table: Table): Promise<MappingSuggestion>;
  /** Validates every row and decides create / update / skip / error against the directory. */
  plan(table: Table, mapping: ColumnMapping, options?: ImportPlanOptions): Promise<ImportPlan>;
  /**
   * The plan after rows were corrected (see {@link recheckRows}): only those rows and the
   * rows sharing a duplicate key with them are checked again.
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
