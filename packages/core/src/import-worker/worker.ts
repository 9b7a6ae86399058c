/**
 * The import worker: reads, maps and validates off the page's main thread. Started by
 * {@link createImportWorkerClient}; speaks the messages in `protocol.ts`.
 */
import { isRosterError, RosterError } from '../errors/index.js';
import { readTable } from '../import/read-table.js';
import { suggestMapping } from '../import/suggest-mapping.js';
import type { ColumnMapping } from '../import/suggest-mapping.js';
import type { Table } from '../import/types.js';
import { columnsOf, validateRows, type ValidateOptions } from '../import/validate.js';
import { TableFingerprint } from './fingerprint.js';
import { unlinkValues } from './linked-values.js';
import { CHUNK_ROWS, KEPT_TABLES, type WorkerRequest, type WorkerResponse } from './protocol.js';

interface Scope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse): void;
}

const scope = globalThis as unknown as Scope;
/** Tables being sent for validation, by request id. */
const pending = new Map<
  number,
  { table: Table; request: Extract<WorkerRequest, { op: 'validateBegin' }> }
>();
/**
 * Tables read here, by key, oldest first: the page validates them again without sending
 * every row back (which cost the page its main thread: serialising, and the garbage
 * collection the copies caused).
 */
const kept = new Map<number, Table>();

function keep(key: number, table: Table): void {
  kept.set(key, table);
  for (const old of kept.keys()) if (kept.size > KEPT_TABLES) kept.delete(old);
}

scope.onmessage = (event) => {
  void handle(event.data).catch((error: unknown) => {
    const json = isRosterError(error)
      ? error.toJSON()
      : new RosterError(
          'unavailable',
          error instanceof Error ? error.message : String(error),
        ).toJSON();
    scope.postMessage({ id: event.data.id, type: 'error', error: json });
  });
};

async function handle(request: WorkerRequest): Promise<void> {
  switch (request.op) {
    case 'readTable': {
      const table = await readTable(request.source, request.options);
      const { rows, rowNumbers, ...rest } = table;
      keep(request.id, table);
      scope.postMessage({
        id: request.id,
        type: 'tableHead',
        head: { ...rest, total: rows.length },
        kept: {
          key: request.id,
          fingerprint: new TableFingerprint().add(rows, rowNumbers).digest(),
        },
      });
      for (let i = 0; i < rows.length; i += CHUNK_ROWS)
        scope.postMessage({
          id: request.id,
          type: 'tableRows',
          rows: rows.slice(i, i + CHUNK_ROWS),
          rowNumbers: rowNumbers.slice(i, i + CHUNK_ROWS),
        });
      scope.postMessage({ id: request.id, type: 'done' });
      return;
    }
    case 'suggestMapping':
      scope.postMessage({
        id: request.id,
        type: 'mapping',
        suggestion: suggestMapping(request.table),
      });
      return;
    case 'validateBegin': {
      const { headers, detected, notices } = request.head;
      pending.set(request.id, {
        table: { headers, detected, notices, rows: [], rowNumbers: [] },
        request,
      });
      return;
    }
    case 'validateRows': {
      const entry = pending.get(request.id);
      if (!entry) return;
      for (const row of request.rows) entry.table.rows.push(row);
      for (const n of request.rowNumbers) entry.table.rowNumbers.push(n);
      return;
    }
    case 'validateEnd': {
      const entry = pending.get(request.id);
      pending.delete(request.id);
      if (!entry) return;
      validateAndSend(request.id, entry.table, entry.request);
      return;
    }
    case 'validateKept': {
      const table = kept.get(request.key);
      if (!table) {
        scope.postMessage({ id: request.id, type: 'notKept' });
        return;
      }
      const { headers, detected, notices } = request.head;
      validateAndSend(
        request.id,
        { headers, detected, notices, rows: table.rows, rowNumbers: table.rowNumbers },
        request,
      );
      return;
    }
  }
}

function validateAndSend(
  id: number,
  table: Table,
  request: { mapping: ColumnMapping; options: ValidateOptions },
): void {
  const validated = validateRows(table, request.mapping, request.options);
  const columns = columnsOf(request.mapping);
  for (let i = 0; i < validated.length; i += CHUNK_ROWS) {
    const rows = validated.slice(i, i + CHUNK_ROWS);
    const linked = unlinkValues(rows, table.rows, i, columns);
    scope.postMessage({ id, type: 'validated', rows, linked });
  }
  scope.postMessage({ id, type: 'done' });
}
