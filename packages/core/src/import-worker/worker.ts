/**
 * The import worker: reads and validates off the page's main thread. Started by
 * {@link createImportWorkerClient}; speaks the messages in `protocol.ts`.
 */
import { isRosterError, RosterError } from '../errors/index.js';
import { readTable } from '../import/read-table.js';
import { createRowValidator, type RowValidator } from '../import/validate.js';
import { CHUNK_ROWS, toTuple, type WorkerRequest, type WorkerResponse } from './protocol.js';

interface Scope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse): void;
}

const scope = globalThis as unknown as Scope;

/** The validation conversations in progress, by request id. */
const validators = new Map<number, RowValidator>();

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
      const { rows, rowNumbers, ...head } = await readTable(request.source, request.options);
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
    case 'validateChunk': {
      const validator = validators.get(request.id);
      if (!validator) return;
      const rows = validator.validate(request.rows, request.rowNumbers).map(toTuple);
      scope.postMessage({ id: request.id, type: 'validated', rows });
      return;
    }
    case 'validateEnd':
      validators.delete(request.id);
      scope.postMessage({ id: request.id, type: 'done' });
      return;
  }
}
