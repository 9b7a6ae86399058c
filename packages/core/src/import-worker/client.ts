import { rosterErrorFromJSON, UnavailableError } from '../errors/index.js';
import { rememberEngine, type ImportEngine } from '../import/engine.js';
import type { ColumnMapping } from '../import/suggest-mapping.js';
import type { ReadTableOptions, Table, TableSource } from '../import/types.js';
import type { ValidateOptions } from '../import/validate.js';
import type { ValidatedRow } from '../import/values.js';
import { createSlicer } from '../import/yield.js';
import {
  CHUNK_ROWS,
  fromTuple,
  type TableHead,
  type WorkerRequest,
  type WorkerResponse,
} from './protocol.js';

/** Options of {@link createImportWorkerClient}. */
export interface ImportWorkerOptions {
  /**
   * The worker to use, or a factory. Default: `new Worker(new URL('./worker.js',
   * import.meta.url), { type: 'module' })`, which bundlers (Vite, webpack, Rollup) follow.
   */
  worker?: Worker | (() => Worker);
}

/** An {@link ImportEngine} running in a module worker; `terminate()` stops the worker. */
export interface ImportWorkerClient extends ImportEngine {
  terminate(): void;
}

interface Call {
  onMessage(message: WorkerResponse): void;
  reject(error: Error): void;
}

/**
 * Runs reading (PapaParse, the XLSX reader) and validation in a module worker, so
 * importing 100k rows never blocks the page. Rows cross between threads in chunks of 500,
 * and the page yields every few milliseconds while sending them. Tables it reads remember
 * the worker, so `roster.import.plan(table, …)` validates there too.
 *
 * @example
 * ```ts
 * import { createImportWorkerClient } from '@roster/core/import-worker';
 *
 * const engine = createImportWorkerClient();
 * const table = await roster.import.readTable(file, { engine });   // in the worker
 * const { mapping } = await roster.import.suggestMapping(table);
 * const plan = await roster.import.plan(table, mapping);           // validated in the worker
 * engine.terminate();
 * ```
 */
export function createImportWorkerClient(options: ImportWorkerOptions = {}): ImportWorkerClient {
  const worker =
    typeof options.worker === 'function'
      ? options.worker()
      : (options.worker ?? new Worker(new URL('./worker.js', import.meta.url), { type: 'module' }));
  const calls = new Map<number, Call>();
  let nextId = 1;

  worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
    calls.get(event.data.id)?.onMessage(event.data);
  });
  worker.addEventListener('error', (event: ErrorEvent) => {
    const error = new UnavailableError(
      `The import worker failed: ${event.message || 'it could not start'}`,
    );
    for (const call of calls.values()) call.reject(error);
    calls.clear();
  });

  const send = (request: WorkerRequest): void => worker.postMessage(request);

  /** Starts a call; `collect` sees every response until it returns a result (or an error). */
  function start<T>(id: number, collect: (message: WorkerResponse) => T | undefined): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      calls.set(id, {
        reject,
        onMessage(message) {
          if (message.type === 'error') {
            calls.delete(id);
            reject(rosterErrorFromJSON(message.error as Parameters<typeof rosterErrorFromJSON>[0]));
            return;
          }
          const result = collect(message);
          if (result !== undefined) {
            calls.delete(id);
            resolve(result);
          }
        },
      });
    });
  }

  const client: ImportWorkerClient = {
    readTable(source: TableSource, readOptions: ReadTableOptions = {}): Promise<Table> {
      const id = nextId++;
      let head: TableHead | null = null;
      const rows: string[][] = [];
      const rowNumbers: number[] = [];
      const promise = start<Table>(id, (message) => {
        if (message.type === 'tableHead') head = message.head;
        else if (message.type === 'tableRows') {
          for (const row of message.rows) rows.push(row);
          for (const n of message.rowNumbers) rowNumbers.push(n);
        } else if (message.type === 'done' && head)
          return rememberEngine({ ...head, rows, rowNumbers }, client);
        return undefined;
      });
      send({ id, op: 'read', source, options: readOptions });
      return promise;
    },

    async validate(
      table: Table,
      mapping: ColumnMapping,
      validateOptions: ValidateOptions = {},
    ): Promise<ValidatedRow[]> {
      const id = nextId++;
      const out: ValidatedRow[] = [];
      const promise = start<ValidatedRow[]>(id, (message) => {
        if (message.type === 'validated') for (const row of message.rows) out.push(fromTuple(row));
        else if (message.type === 'done') return out;
        return undefined;
      });
      send({
        id,
        op: 'validateBegin',
        subject: { format: table.detected.format, warnings: table.warnings },
        mapping,
        options: validateOptions,
      });
      // Copying a chunk into a message takes the page about a millisecond: a turn for the
      // page (and the worker's answers) every few chunks, not after each.
      const slicer = createSlicer();
      for (let i = 0; i < table.rows.length; i += CHUNK_ROWS) {
        await slicer.pause();
        if (!calls.has(id)) break; // the worker answered with an error
        send({
          id,
          op: 'validateChunk',
          rows: table.rows.slice(i, i + CHUNK_ROWS),
          rowNumbers: table.rowNumbers.slice(i, i + CHUNK_ROWS),
        });
      }
      send({ id, op: 'validateEnd' });
      return promise;
    },

    terminate() {
      worker.terminate();
      const error = new UnavailableError('The import worker was stopped.');
      for (const call of calls.values()) call.reject(error);
      calls.clear();
    },
  };
  return client;
}
