import type { RosterError } from '../errors/index.js';
import type { MappingSuggestion, ColumnMapping } from '../import/suggest-mapping.js';
import type { ReadTableOptions, Table, TableDetection, TableSource } from '../import/types.js';
import type { ValidateOptions } from '../import/validate.js';
import type { ValidatedRow } from '../import/values.js';

/** Rows per message: small enough that (de)serialising one never blocks a page for long. */
export const CHUNK_ROWS = 500;

/** The parts of a table besides its rows. */
export interface TableHead {
  headers: string[];
  detected: TableDetection;
  notices: string[];
  total: number;
}

/** Page → worker. */
export type WorkerRequest =
  | { id: number; op: 'readTable'; source: TableSource; options: ReadTableOptions }
  | { id: number; op: 'suggestMapping'; table: Table }
  | {
      id: number;
      op: 'validateBegin';
      head: TableHead;
      mapping: ColumnMapping;
      options: ValidateOptions;
    }
  | { id: number; op: 'validateRows'; rows: string[][]; rowNumbers: number[] }
  | { id: number; op: 'validateEnd' };

/** Worker → page. */
export type WorkerResponse =
  | { id: number; type: 'tableHead'; head: TableHead }
  | { id: number; type: 'tableRows'; rows: string[][]; rowNumbers: number[] }
  | { id: number; type: 'mapping'; suggestion: MappingSuggestion }
  | { id: number; type: 'validated'; rows: ValidatedRow[] }
  | { id: number; type: 'done' }
  | {
      id: number;
      type: 'error';
      error: ReturnType<RosterError['toJSON']> & { issues?: unknown[] };
    };
