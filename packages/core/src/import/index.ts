/**
 * The import engine's modules for tests and the bench (no public entry re-exports this
 * file; `@roster/core` lists the curated names). Internals that tie a table to the engine
 * that read it (`engineOf`, `rememberEngine`) and the slicing helpers (`./yield.js`) stay
 * private to their modules.
 */
export * from './types.js';
export { readTable } from './read-table.js';
export { withCell } from './edit.js';
export { columnLetter } from './columns.js';
export { detectDelimiter } from './delimiter.js';
export { decodeText, type DecodedText } from './decode.js';
export { detectHeader, type HeaderGuess } from './header.js';
export * from './fields.js';
export * from './field-synonyms.js';
export { unescapeFormula, splitGroups } from './cells.js';
export * from './suggest-mapping.js';
export * from './values.js';
export { validateRows, type ValidateOptions } from './validate.js';
export { localImportEngine, type ImportEngine } from './engine.js';
export {
  planImport,
  resolveRole,
  type ImportContext,
  type ImportPlan,
  type ImportPlanOptions,
  type PlanAction,
  type PlanEntry,
  type PlanTarget,
} from './plan.js';
export { recheckRows, type RecheckRowsOptions } from './recheck.js';
export * from './commit.js';
export * from './server-restarts.js';
export { reportToCsv } from './report.js';
export { importTemplate } from './template.js';
export * from './api.js';
