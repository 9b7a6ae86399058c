import type { RosterError } from '../errors/index.js';
import type { ColumnMapping } from '../import/suggest-mapping.js';
import type { ReadTableOptions, Table, TableSource } from '../import/types.js';
import type { ValidateOptions, ValidationSubject } from '../import/validate.js';
import type { ValidatedRow } from '../import/values.js';

/** Rows per message: small enough that (de)serialising one never blocks a page for long. */
export const CHUNK_ROWS = 500;

/** A table without its rows: what crosses first, before the rows in chunks. */
export type TableHead = Omit<Table, 'rows' | 'rowNumbers'>;

/**
 * Page → worker. Two conversations: `read` (answered by `tableHead`, `tableRows`…, `done`)
 * and validation (`validateBegin`, then `validateChunk`s, each answered by `validated`,
 * then `validateEnd`, answered by `done`).
 */
export type WorkerRequest =
  | { id: number; op: 'read'; source: TableSource; options: ReadTableOptions }
  | {
      id: number;
      op: 'validateBegin';
      subject: ValidationSubject;
      mapping: ColumnMapping;
      options: ValidateOptions;
    }
  | {
      id: number;
      op: 'validateChunk';
      rows: readonly (readonly string[])[];
      rowNumbers: readonly number[];
    }
  | { id: number; op: 'validateEnd' };

/** Worker → page. */
export type WorkerResponse =
  | { id: number; type: 'tableHead'; head: TableHead }
  | { id: number; type: 'tableRows'; rows: string[][]; rowNumbers: number[] }
  | { id: number; type: 'validated'; rows: ValidatedRow[] }
  | { id: number; type: 'done' }
  | {
      id: number;
      type: 'error';
      error: ReturnType<RosterError['toJSON']> & { issues?: unknown[] };
    };
