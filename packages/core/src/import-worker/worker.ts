/**
 * The import worker: reads and validates off the page's main thread. Started by
 * {@link createImportWorkerClient}; speaks the messages in `protocol.ts`.
 */
import { isRosterError, RosterError } from '../errors/index.js';
import { readTable } from '../import/read-table.js';
import type { Table } from '../import/types.js';
import { createRowValidator, type RowValidator } from '../import/validate.js';
import { CHUNK_ROWS, toTuple, type WorkerRequest, type WorkerResponse } from './protocol.js';

interface Scope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse): void;
}

const scope = globalThis as unknown as Scope;

/** The validation conversations in progress, by request id. */
const validators = new Map<number, RowValidator>();

/**
 * The table of the latest read (`id`: that read's request id), the same rows the page got;
 * at most one, dropped when the next read starts or the page releases it.
 */
let held: { id: number; table: Table } | null = null;
/** The request id of the latest read: only its table is kept. */
let latestRead = 0;

scope.onmessage = (event) => {
  const request = event.data;
  handle(request).catch((error: unknown) => {
    if (request.op !== 'read') validators.delete(request.id);
    const json = isRosterError(error)
      ? error.toJSON()
      : new RosterError(
          'unavailable',
          error instanceof Error ? error.message : String(error),
        ).toJSON();
    scope.postMessage({ id: request.id, type: 'error', error: json });
  });
};

async function handle(request: WorkerRequest): Promise<void> {
  switch (request.op) {
    case 'read': {
      held = null;
      latestRead = request.id;
      const table = await readTable(request.source, request.options);
      if (latestRead === request.id) held = { id: request.id, table };
      const { rows, rowNumbers, ...head } = table;
      scope.postMessage({ id: request.id, type: 'tableHead', head });
      for (let i = 0; i < rows.length; i += CHUNK_ROWS)
        scope.postMessage({
          id: request.id,
          type: 'tableRows',
          rows: rows.slice(i, i + CHUNK_ROWS) as string[][],
          rowNumbers: rowNumbers.slice(i, i + CHUNK_ROWS),
        });
      scope.postMessage({ id: request.id, type: 'done' });
      return;
    }
    case 'validateBegin':
      validators.set(
        request.id,
        createRowValidator(request.subject, request.mapping, request.options),
      );
      return;
    case 'release':
      if (held?.id === request.table) held = null;
      return;
    case 'validateChunk': {
      const validator = validators.get(request.id);
      if (!validator) return;
      let validated;
      if ('rows' in request) validated = validator.validate(request.rows, request.rowNumbers);
      else {
        if (held?.id !== request.table)
          throw new RosterError('unavailable', 'The import worker no longer holds that table.');
        const { rows, rowNumbers } = held.table;
        validated = validator.validate(
          rows.slice(request.start, request.end),
          rowNumbers.slice(request.start, request.end),
        );
      }
      scope.postMessage({ id: request.id, type: 'validated', rows: validated.map(toTuple) });
      return;
    }
    case 'validateEnd':
      validators.delete(request.id);
      scope.postMessage({ id: request.id, type: 'done' });
      return;
  }
}
