import { readTable } from './read-table.js';
import type { ColumnMapping } from './suggest-mapping.js';
import type { ReadTableOptions, Table, TableSource } from './types.js';
import { validateRows, type ValidateOptions } from './validate.js';
import type { ValidatedRow } from './values.js';

/**
 * The CPU-heavy half of an import: reading and validating rows. The local engine runs it
 * in the calling thread (Node, tests); the browser entry `@roster/core/import-worker` runs
 * it in a module worker so 100k rows never block the page. Both give identical results.
 */
export interface ImportEngine {
  readTable(source: TableSource, options?: ReadTableOptions): Promise<Table>;
  validate(
    table: Table,
    mapping: ColumnMapping,
    options?: ValidateOptions,
  ): Promise<ValidatedRow[]>;
}

/** Runs the import engine in the calling thread. */
export const localImportEngine: ImportEngine = {
  readTable: (source, options) => readTable(source, options),
  validate: (table, mapping, options) => Promise.resolve(validateRows(table, mapping, options)),
};

const readers = new WeakMap<Table, ImportEngine>();

/** Records which engine read `table`, so planning it validates there too. */
export function rememberEngine(table: Table, engine: ImportEngine): Table {
  readers.set(table, engine);
  return table;
}

/** The engine that read `table`, or the local one. */
export function engineOf(table: Table): ImportEngine {
  return readers.get(table) ?? localImportEngine;
}
