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
   * the latest table it read, so validating it (or a copy sharing its rows) sends no rows,
   * until the next read or this call; after it, validating `table` sends its rows. Other
   * tables: no effect.
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
 * ranges, and a corrected copy only its changed chunks; rows the worker does not hold
 * (part of a table, one built on the page) are sent, the page yielding every few
 * milliseconds while it copies them. Tables it reads are frozen, rows included: the
 * page's rows stay the worker's copy.
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
  /**
   * The table the worker keeps: the latest read's (`read`: its request id), unless
   * released; `null` while a read runs. Weak: the page may drop its table first.
   */
  let held: { read: number; table: WeakRef<Table> } | null = null;
  let latestRead = 0;

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
          if (latestRead === id) held = { read: id, table: new WeakRef(table) };
          return rememberEngine(table, client);
        }
        return undefined;
      });
      // The worker drops the table it kept when this read starts (messages arrive in order)
      // and keeps this read's table only if no other read started meanwhile.
      held = null;
      latestRead = id;
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
      // A chunk whose rows are the kept table's (the same frozen arrays at the same places:
      // that table itself, or a copy with some rows replaced) names them; any other chunk
      // carries its rows. Copying a chunk into a message takes the page about a
      // millisecond: a turn for the page (and the worker's answers) every few chunks.
      const slicer = createSlicer();
      for (let i = 0; i < table.rows.length; i += CHUNK_ROWS) {
        await slicer.pause();
        if (!calls.has(id)) break; // the worker answered with an error
        const end = Math.min(i + CHUNK_ROWS, table.rows.length);
        const kept = held?.table.deref();
        send(
          held && kept && sameRows(table, kept, i, end)
            ? { id, op: 'validateChunk', table: held.read, start: i, end }
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
      if (!held || held.table.deref() !== table) return;
      send({ id: nextId++, op: 'release', table: held.read });
      held = null;
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

/** Whether rows `start`…`end` of `table` are those of `kept`, at the same places. */
function sameRows(table: Table, kept: Table, start: number, end: number): boolean {
  if (end > kept.rows.length) return false;
  for (let i = start; i < end; i++)
    if (table.rows[i] !== kept.rows[i] || table.rowNumbers[i] !== kept.rowNumbers[i]) return false;
  return true;
}
