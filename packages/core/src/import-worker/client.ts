import { rosterErrorFromJSON, UnavailableError } from '../errors/index.js';
import { rememberEngine, type ImportEngine } from '../import/engine.js';
import type { ColumnMapping, MappingSuggestion } from '../import/suggest-mapping.js';
import type { ReadTableOptions, Table, TableSource } from '../import/types.js';
import { columnsOf, type ValidateOptions } from '../import/validate.js';
import type { ValidatedRow } from '../import/values.js';
import { createSlicer, yieldToHost } from '../import/yield.js';
import { TableFingerprint } from './fingerprint.js';
import { relinkValues } from './linked-values.js';
import {
  CHUNK_ROWS,
  type KeptTable,
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
 * Runs reading, mapping and validation in a module worker, so importing 100k rows never
 * blocks the page: rows cross between threads in chunks of 500 and the page yields
 * between chunks. Tables it reads remember the worker, so `roster.import.plan(table, …)`
 * validates there too. The worker keeps the last two tables it read: planning one whose
 * rows the page has not changed sends no rows back (the page compares fingerprints, in
 * time slices); a changed table is sent in full.
 *
 * @example
 * ```ts
 * import { createImportWorkerClient } from '@roster/core/import-worker';
 *
 * const engine = createImportWorkerClient();
 * const table = await roster.import.readTable(file, { engine });
 * const { mapping } = await roster.import.suggestMapping(table);   // in the worker
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
  /** Tables this worker read and keeps, with the fingerprint of their rows as read. */
  const keptTables = new WeakMap<Table, KeptTable>();
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

  /** Starts a call; `collect` sees every response until `done` (or an error). */
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
      let table: Table | null = null;
      let kept: KeptTable | null = null;
      const promise = start<Table>(id, (message) => {
        if (message.type === 'tableHead') {
          const { total: _total, ...head } = message.head;
          table = { ...head, rows: [], rowNumbers: [] };
          kept = message.kept;
        } else if (message.type === 'tableRows' && table) {
          for (const row of message.rows) table.rows.push(row);
          for (const n of message.rowNumbers) table.rowNumbers.push(n);
        } else if (message.type === 'done' && table) {
          if (kept) keptTables.set(table, kept);
          return rememberEngine(table, client);
        }
        return undefined;
      });
      send({ id, op: 'readTable', source, options: readOptions });
      return promise;
    },

    suggestMapping(table: Table): Promise<MappingSuggestion> {
      const id = nextId++;
      const promise = start<MappingSuggestion>(id, (message) =>
        message.type === 'mapping' ? message.suggestion : undefined,
      );
      // The suggestion samples the first rows only; sending them all would cost the page.
      const sample: Table = {
        ...table,
        rows: table.rows.slice(0, 200),
        rowNumbers: table.rowNumbers.slice(0, 200),
      };
      send({ id, op: 'suggestMapping', table: sample });
      return promise;
    },

    async validate(
      table: Table,
      mapping: ColumnMapping,
      validateOptions: ValidateOptions = {},
    ): Promise<ValidatedRow[]> {
      const id = nextId++;
      const out: ValidatedRow[] = [];
      const { headers, detected, notices } = table;
      const head: TableHead = { headers, detected, notices, total: table.rows.length };
      const columns = columnsOf(mapping);
      const sendRows = async (): Promise<void> => {
        send({ id, op: 'validateBegin', head, mapping, options: validateOptions });
        for (let i = 0; i < table.rows.length; i += CHUNK_ROWS) {
          send({
            id,
            op: 'validateRows',
            rows: table.rows.slice(i, i + CHUNK_ROWS),
            rowNumbers: table.rowNumbers.slice(i, i + CHUNK_ROWS),
          });
          await yieldToHost();
        }
        send({ id, op: 'validateEnd' });
      };
      const promise = start<ValidatedRow[]>(id, (message) => {
        if (message.type === 'validated') {
          relinkValues(message.rows, table.rows, out.length, columns, message.linked);
          for (const row of message.rows) out.push(row);
        } else if (message.type === 'notKept')
          sendRows().catch((error: unknown) => {
            calls.get(id)?.reject(error instanceof Error ? error : new Error(String(error)));
            calls.delete(id);
          });
        else if (message.type === 'done') return out;
        return undefined;
      });
      // The admin may have fixed cells in the preview since the file was read: the kept
      // copy is used only if the rows are still exactly as read.
      const kept = keptTables.get(table);
      if (kept && (await fingerprintOf(table)) === kept.fingerprint)
        send({ id, op: 'validateKept', key: kept.key, head, mapping, options: validateOptions });
      else await sendRows();
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

/** The fingerprint of the page's copy of a table, taken in slices so the page stays live. */
async function fingerprintOf(table: Table): Promise<string> {
  const fingerprint = new TableFingerprint();
  const slicer = createSlicer();
  const step = 1_000;
  for (let from = 0; from < table.rows.length; from += step) {
    fingerprint.add(table.rows, table.rowNumbers, from, Math.min(table.rows.length, from + step));
    await slicer.pause();
  }
  return fingerprint.digest();
}
