import { AbortedError, rosterErrorFromJSON, UnavailableError } from '../errors/index.js';
import { rememberEngine, type ImportEngine } from '../import/engine.js';
import type { ColumnMapping } from '../import/suggest-mapping.js';
import type { ReadTableOptions, Table, TableSource } from '../import/types.js';
import type { ValidateOptions } from '../import/validate.js';
import type { ValidatedRow } from '../import/values.js';
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
  /** Validated chunks as the worker answers them: see {@link ImportEngine.validateChunks}. */
  validateChunks: NonNullable<ImportEngine['validateChunks']>;
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
 * (part of a table, one built on the page) are sent, a chunk at a time as the worker
 * answers. `validateChunks` hands each validated chunk over as it arrives. Tables it reads are frozen, rows included: the
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

  /**
   * One validation conversation: the validated chunks in file order, as the worker
   * answers. At most {@link CHUNKS_AHEAD} chunks are with the worker at a time (the next
   * is sent as each answer arrives), so stopping (the loop left, `signal` aborted, an
   * error) leaves the worker only those to finish.
   */
  async function* validateInWorker(
    table: Table,
    mapping: ColumnMapping,
    validateOptions: ValidateOptions,
    signal: AbortSignal | undefined,
  ): AsyncGenerator<ValidatedRow[], void, undefined> {
    throwIfAborted(signal);
    const id = nextId++;
    const answered: ValidatedRow[][] = [];
    let failure: Error | null = null;
    let finished = false;
    let wake: (() => void) | null = null;
    const notify = (): void => {
      const resume = wake;
      wake = null;
      resume?.();
    };
    let next = 0; // the first row not sent yet
    let ahead = 0; // chunks sent and not answered
    let ended = false; // `validateEnd` sent
    // A chunk whose rows are the kept table's (the same frozen arrays at the same places:
    // that table itself, or a copy with some rows replaced) names them; any other chunk
    // carries its rows (copying one into a message takes the page about a millisecond).
    const sendAhead = (): void => {
      for (; ahead < CHUNKS_AHEAD && next < table.rows.length; ahead++) {
        const start = next;
        const end = Math.min(start + CHUNK_ROWS, table.rows.length);
        const kept = held?.table.deref();
        send(
          held && kept && sameRows(table, kept, start, end)
            ? { id, op: 'validateChunk', table: held.read, start, end }
            : {
                id,
                op: 'validateChunk',
                rows: table.rows.slice(start, end),
                rowNumbers: table.rowNumbers.slice(start, end),
              },
        );
        next = end;
      }
      if (next >= table.rows.length && !ended) {
        send({ id, op: 'validateEnd' });
        ended = true;
      }
    };
    calls.set(id, {
      reject(error) {
        failure = error;
        notify();
      },
      onMessage(message) {
        if (message.type === 'error') {
          calls.delete(id);
          failure = rosterErrorFromJSON(message.error as Parameters<typeof rosterErrorFromJSON>[0]);
        } else if (message.type === 'validated') {
          answered.push(message.rows.map(fromTuple));
          ahead--;
          sendAhead();
        } else if (message.type === 'done') {
          calls.delete(id);
          finished = true;
        }
        notify();
      },
    });
    signal?.addEventListener('abort', notify);
    try {
      send({
        id,
        op: 'validateBegin',
        subject: { format: table.detected.format, warnings: table.warnings },
        mapping,
        options: validateOptions,
      });
      sendAhead();
      for (;;) {
        throwIfAborted(signal);
        const rows = answered.shift();
        if (rows) yield rows;
        else if (failure) throw failure;
        else if (finished) return;
        else await new Promise<void>((resolve) => (wake = resolve));
      }
    } finally {
      signal?.removeEventListener('abort', notify);
      // Stopped early: no more chunks; the worker drops the conversation at `validateEnd`
      // and its last answers find no call.
      if (calls.delete(id) && !ended) send({ id, op: 'validateEnd' });
    }
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

    validateChunks(
      table: Table,
      mapping: ColumnMapping,
      validateOptions: ValidateOptions = {},
      { signal }: { signal?: AbortSignal | undefined } = {},
    ): AsyncIterable<readonly ValidatedRow[]> {
      return validateInWorker(table, mapping, validateOptions, signal);
    },

    async validate(
      table: Table,
      mapping: ColumnMapping,
      validateOptions: ValidateOptions = {},
    ): Promise<ValidatedRow[]> {
      const out: ValidatedRow[] = [];
      for await (const rows of validateInWorker(table, mapping, validateOptions, undefined))
        for (const row of rows) out.push(row);
      return out;
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

/**
 * Chunks the worker may hold at a time: enough that it never waits for the page (the
 * page answers between its own slices of work), few enough that a stopped validation
 * ends within tens of milliseconds of worker time.
 */
const CHUNKS_AHEAD = 16;

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AbortedError('The validation was cancelled.');
}
