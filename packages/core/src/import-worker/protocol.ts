import type { RosterError } from '../errors/index.js';
import type { MappingSuggestion, ColumnMapping } from '../import/suggest-mapping.js';
import type { ReadTableOptions, Table, TableDetection, TableSource } from '../import/types.js';
import type { ValidateOptions } from '../import/validate.js';
import type { ValidatedRow } from '../import/values.js';

/** Rows per message: small enough that (de)serialising one never blocks a page for long. */
export const CHUNK_ROWS = 500;

/** Tables the worker keeps after reading them, newest first, so validating needs no rows. */
export const KEPT_TABLES = 2;

/** A table the worker kept: its key and the fingerprint of its rows as read. */
export interface KeptTable {
  key: number;
  fingerprint: string;
}

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
  | {
      /** Validates a kept table (the page's rows are unchanged); answered `notKept` if gone. */
      id: number;
      op: 'validateKept';
      key: number;
      head: TableHead;
      mapping: ColumnMapping;
      options: ValidateOptions;
    }
  | { id: number; op: 'validateEnd' };

/** Worker → page. */
export type WorkerResponse =
  | { id: number; type: 'tableHead'; head: TableHead; kept: KeptTable }
  | { id: number; type: 'tableRows'; rows: string[][]; rowNumbers: number[] }
  | { id: number; type: 'mapping'; suggestion: MappingSuggestion }
  | {
      id: number;
      type: 'validated';
      rows: ValidatedRow[];
      /** Per row, the values sent as `null` that are the page's own cells (see linked-values.ts). */
      linked: Uint8Array;
    }
  | { id: number; type: 'done' }
  | { id: number; type: 'notKept' }
  | {
      id: number;
      type: 'error';
      error: ReturnType<RosterError['toJSON']> & { issues?: unknown[] };
    };
