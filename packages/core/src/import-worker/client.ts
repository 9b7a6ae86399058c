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
  /**
   * Lets the worker drop its copy of `table` (a table this client read). The worker keeps
   * the latest table it read, so validating it sends no rows, until the next read or this
   * call; after it, validating `table` sends its rows. Other tables: no effect.
   */
  release(table: Table): void;
  terminate(): void;
}

interface Call {
  onMessage(message: WorkerResponse): void;
  reject(error: Error): void;
}

/**
 * Runs reading (PapaParse, the XLSX reader) and validation in a module worker, so
 * importing 100k rows never blocks the page. Rows cross between threads in chunks of 500.
 * Tables it reads remember the worker, so `roster.import.plan(table, …)` validates there
 * too. The worker keeps the latest table it read, so validating that table sends only row
 * ranges; any other table (an edited copy, part of one) sends its rows, the page yielding
 * every few milliseconds while it copies them. Tables it reads are frozen, rows included:
 * the page's table stays the worker's copy.
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
  /** The read request that gave each table this client returned. */
  const readIds = new WeakMap<Table, number>();
  /** The read whose table the worker keeps (the latest read, unless released), or 0. */
  let heldRead = 0;

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
      const rows: (readonly string[])[] = [];
      const rowNumbers: number[] = [];
      const promise = start<Table>(id, (message) => {
        if (message.type === 'tableHead') head = message.head;
        else if (message.type === 'tableRows') {
          for (const row of message.rows) rows.push(Object.freeze(row));
          for (const n of message.rowNumbers) rowNumbers.push(n);
        } else if (message.type === 'done' && head) {
          const table = Object.freeze({
            ...head,
            rows: Object.freeze(rows),
            rowNumbers: Object.freeze(rowNumbers),
          });
          readIds.set(table, id);
          return rememberEngine(table, client);
        }
        return undefined;
      });
      // The worker drops the table it kept when this read starts (messages arrive in order).
      heldRead = id;
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
      const held = readIds.get(table) === heldRead ? heldRead : 0;
      // Copying a chunk into a message takes the page about a millisecond: a turn for the
      // page (and the worker's answers) every few chunks, not after each.
      const slicer = createSlicer();
      for (let i = 0; i < table.rows.length; i += CHUNK_ROWS) {
        await slicer.pause();
        if (!calls.has(id)) break; // the worker answered with an error
        const end = Math.min(i + CHUNK_ROWS, table.rows.length);
        send(
          held
            ? { id, op: 'validateChunk', table: held, start: i, end }
            : {
                id,
                op: 'validateChunk',
                rows: table.rows.slice(i, end),
                rowNumbers: table.rowNumbers.slice(i, end),
              },
        );
      }
      send({ id, op: 'validateEnd' });
      return promise;
    },

    release(table: Table) {
      const read = readIds.get(table);
      if (read === undefined || read !== heldRead) return;
      heldRead = 0;
      send({ id: nextId++, op: 'release', table: read });
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
