import type { ImportApi } from '../import/api.js';
import type { ImportContext } from '../import/plan.js';
import { reportToCsv } from '../import/report.js';
import { importTemplate } from '../import/template.js';

/**
 * `roster.import`, with the import engine (readers, mapping, validation, planning,
 * commit, phone metadata) loaded on first use: a page that never imports downloads none
 * of it. The template and the report writer are small and synchronous, so they stay.
 */
export function lazyImportApi(context: ImportContext): ImportApi {
  let loaded: Promise<ImportApi> | undefined;
  const engine = (): Promise<ImportApi> =>
    (loaded ??= import('../import/api.js').then((module) => module.createImportApi(context)));
  return {
    readTable: async (source, options) => (await engine()).readTable(source, options),
    suggestMapping: async (table) => (await engine()).suggestMapping(table),
    plan: async (table, mapping, options) => (await engine()).plan(table, mapping, options),
    recheck: async (plan, table, mapping, rows, options) =>
      (await engine()).recheck(plan, table, mapping, rows, options),
    commit: async (plan, options) => (await engine()).commit(plan, options),
    template: importTemplate,
    reportToCsv,
  };
}
