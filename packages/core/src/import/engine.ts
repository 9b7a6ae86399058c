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
  /**
   * The rows `validate` gives, in file order, chunk by chunk as they are validated, so a
   * caller can work on the first rows while later ones are still being validated.
   * Breaking out of the loop, or `signal` aborting, stops the validation. Optional: an
   * engine without it is asked for `validate`'s whole array, taken as one chunk.
   */
  validateChunks?(
    table: Table,
    mapping: ColumnMapping,
    options?: ValidateOptions,
    call?: { signal?: AbortSignal | undefined },
  ): AsyncIterable<readonly ValidatedRow[]>;
}

/** Runs the import engine in the calling thread. */
export const localImportEngine: ImportEngine = {
  readTable: (source, options) => readTable(source, options),
  validate: (table, mapping, options) => Promise.resolve(validateRows(table, mapping, options)),
};

/**
 * `engine`'s validated rows of `table` in file order, in chunks: its `validateChunks`, or
 * its `validate` as one chunk. The local engine validates within the caller's task, so
 * it gives one chunk: there is nothing to overlap with.
 *
 * @example
 * ```ts
 * let checked = 0;
 * for await (const rows of validatedChunks(engine, table, mapping)) checked += rows.length;
 * ```
 */
export async function* validatedChunks(
  engine: ImportEngine,
  table: Table,
  mapping: ColumnMapping,
  options: ValidateOptions = {},
  call: { signal?: AbortSignal | undefined } = {},
): AsyncGenerator<readonly ValidatedRow[], void, undefined> {
  if (engine.validateChunks) yield* engine.validateChunks(table, mapping, options, call);
  else yield await engine.validate(table, mapping, options);
}

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
