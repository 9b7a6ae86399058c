import type { CallOptions } from '../backend.js';
import { parseOrThrow } from '../errors/index.js';
import { UserQuery, type User, type UserQueryInput } from '../model/index.js';
import type { ImportContext } from '../import/plan.js';
import { systemClock, type Clock } from '../ports.js';
import { EXPORT_HEADERS, userCells, type ExportLookups } from './columns.js';
import { csvLine } from './csv-format.js';
import { groupNamesById } from './group-names.js';

/** Which users to export: a query (all/filtered users) or a list of ids (a selection). */
export type ExportSelection = UserQueryInput | readonly string[];

/** Options of `roster.export.csv` / `.xlsx`. */
export interface ExportOptions {
  /** CSV: start with a UTF-8 byte-order mark so Excel reads accents right (default true). */
  bom?: boolean;
  /** Users per backend page (default 500). */
  pageSize?: number;
  /** Stops the stream between pages. */
  signal?: AbortSignal;
  /** Called after every page with the users written so far. */
  onProgress?: (progress: { done: number; total: number }) => void;
}

/** An export being produced page by page; read it once, as chunks, a stream, a Blob or text. */
export interface UserExportFile {
  /** Suggested download name, e.g. `users-2026-11-23.csv`. */
  readonly filename: string;
  readonly contentType: string;
  /** The file's bytes, one chunk per page of users. */
  chunks(): AsyncIterable<Uint8Array>;
  /** The bytes as a web `ReadableStream` (pipe it to a download or a response). */
  stream(): ReadableStream<Uint8Array>;
  blob(): Promise<Blob>;
  /** The whole file as text (CSV). */
  text(): Promise<string>;
}

/**
 * `roster.export`: users as CSV or XLSX, streamed page by page, safe to open in a
 * spreadsheet (formula-like cells are escaped) and readable by the importer.
 *
 * @example
 * ```ts
 * const file = roster.export.csv({ status: ['active'] });   // filtered
 * const picked = roster.export.xlsx(selectedIds);           // a selection
 * const url = URL.createObjectURL(await file.blob());
 * ```
 */
export interface ExportApi {
  csv(selection?: ExportSelection, options?: ExportOptions): UserExportFile;
  xlsx(selection?: ExportSelection, options?: ExportOptions): UserExportFile;
}

/** Builds `roster.export` over a backend (used by `createRoster`). */
export function createExportApi(context: ImportContext & { clock?: Clock }): ExportApi {
  const clock = context.clock ?? systemClock;
  const stamp = (): string => clock().toISOString().slice(0, 10);
  return {
    csv(selection = {}, options = {}) {
      const encoder = new TextEncoder();
      return exportFile(`users-${stamp()}.csv`, 'text/csv;charset=utf-8', async function* () {
        let first = true;
        for await (const page of pages(context, selection, options, clock)) {
          let text = '';
          if (first) text = (options.bom === false ? '' : '\uFEFF') + csvLine(EXPORT_HEADERS);
          first = false;
          for (const cells of page) text += csvLine(cells);
          yield encoder.encode(text);
        }
      });
    },
    xlsx(selection = {}, options = {}) {
      return exportFile(
        `users-${stamp()}.xlsx`,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        async function* () {
          // The XLSX writer (and fflate) load on the first XLSX export only.
          const { XlsxSheetWriter } = await import('./xlsx-writer.js');
          const writer = new XlsxSheetWriter('Users');
          writer.addRows([EXPORT_HEADERS], true);
          for await (const page of pages(context, selection, options, clock)) {
            writer.addRows(page);
            yield* writer.take();
          }
          writer.end();
          yield* writer.take();
        },
      );
    },
  };
}

/** Users as rows of cells, one array per backend page (the first may be empty). */
async function* pages(
  context: ImportContext,
  selection: ExportSelection,
  options: ExportOptions,
  clock: Clock,
): AsyncGenerator<string[][]> {
  const { backend } = context;
  const call: CallOptions = { actor: context.actor ?? null };
  if (options.signal) call.signal = options.signal;
  const pageSize = options.pageSize ?? 500;
  const lookups: ExportLookups = {
    groupNames: await groupNamesById(backend, call),
    settings: await backend.getSettings(call),
    now: clock(),
  };
  const rows = (users: User[]): string[][] => users.map((user) => userCells(user, lookups));
  let done = 0;
  if (isIdList(selection)) {
    const total = selection.length;
    yield [];
    for (let i = 0; i < selection.length; i += pageSize) {
      options.signal?.throwIfAborted();
      const ids = selection.slice(i, i + pageSize);
      const found = new Map((await backend.lookupUsers({ ids }, call)).map((u) => [u.id, u]));
      const users = ids.map((id) => found.get(id)).filter((u): u is User => u !== undefined);
      done += users.length;
      options.onProgress?.({ done, total });
      yield rows(users);
    }
    return;
  }
  let cursor: string | undefined;
  let firstPage = true;
  do {
    options.signal?.throwIfAborted();
    const query = parseOrThrow(
      UserQuery,
      {
        ...selection,
        limit: pageSize,
        offset: undefined,
        ...(cursor === undefined ? {} : { cursor }),
      },
      'export query',
    );
    const page = await backend.listUsers(query, call);
    done += page.items.length;
    options.onProgress?.({ done, total: page.total });
    if (firstPage || page.items.length > 0) yield rows(page.items);
    firstPage = false;
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}

function isIdList(selection: ExportSelection): selection is readonly string[] {
  return Array.isArray(selection);
}

function exportFile(
  filename: string,
  contentType: string,
  produce: () => AsyncGenerator<Uint8Array>,
): UserExportFile {
  let used = false;
  const once = (): AsyncGenerator<Uint8Array> => {
    if (used) throw new Error(`${filename} was already read; call export again for another copy.`);
    used = true;
    return produce();
  };
  const collect = async (): Promise<Uint8Array[]> => {
    const parts: Uint8Array[] = [];
    for await (const chunk of once()) parts.push(chunk);
    return parts;
  };
  return {
    filename,
    contentType,
    chunks: once,
    stream() {
      const iterator = once();
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          const { value, done } = await iterator.next();
          if (done) controller.close();
          else controller.enqueue(value);
        },
        async cancel() {
          await iterator.return(undefined);
        },
      });
    },
    async blob() {
      return new Blob((await collect()) as Uint8Array<ArrayBuffer>[], { type: contentType });
    },
    async text() {
      return new TextDecoder('utf-8', { ignoreBOM: true }).decode(
        await new Blob((await collect()) as Uint8Array<ArrayBuffer>[]).arrayBuffer(),
      );
    },
  };
}
