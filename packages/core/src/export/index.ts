export { escapeFormula } from './escape.js';
export { csvCell, csvLine } from './csv-format.js';
export { EXPORT_HEADERS, userCells, type ExportLookups } from './columns.js';
export { XlsxSheetWriter } from './xlsx-writer.js';
export * from './api.js';
