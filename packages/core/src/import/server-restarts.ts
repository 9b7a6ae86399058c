import type { Backend, ServerInstance } from '../backend.js';
import type { ImportReport, ImportReportRow } from './commit.js';

/**
 * What an import can still vouch for when the server behind a remote backend restarts
 * in the middle of it. A batch's rows are only as safe as the server instance that
 * answered for them: when a later answer comes from another instance whose storage is
 * not durable (a memory backend), that restart lost them, though the batch succeeded.
 * Without this, the report would say 18,000 created while the server holds 16,000.
 *
 * Uses the optional `Backend.serverInstance()`; for a backend without it (memory,
 * IndexedDB: nothing restarts under the page) every row is vouched for.
 *
 * How `commitImport` uses it (three calls):
 * 1. `const watch = watchServerRestarts(backend)` before its first write;
 * 2. `watch.wrote(rows)` after each `createUsers` / `updateUsers` call, with the file row
 *    numbers that call reported as succeeded;
 * 3. `return vouchedReport(report, watch)` instead of `report`.
 *
 * @example
 * ```ts
 * const watch = watchServerRestarts(backend);
 * const result = await backend.createUsers(users);
 * watch.wrote(rowsOf(result.succeeded));
 * // … more batches …
 * const lost = watch.unvouched(); // null when nothing was lost
 * ```
 */
export interface ServerRestartWatch {
  /** Records that these rows were written, by the instance that answered last. */
  wrote(rows: Iterable<number>): void;
  /** The rows a later restart may have lost, with the reason; `null` when there are none. */
  unvouched(): UnvouchedRows | null;
}

/** Rows written before a restart that lost them. */
export interface UnvouchedRows {
  /** File row numbers, in the order they were written. */
  rows: number[];
  /** Why, for the admin: the server restarted and its storage is not durable. */
  message: string;
}

/** The message for each row the report can no longer vouch for. */
export const LOST_IN_RESTART =
  'may not be stored: the server restarted during the import and its storage is not durable, so it lost what it held. Check the directory and import this row again';

/** Starts watching `backend`'s server instance (see {@link ServerRestartWatch}). */
export function watchServerRestarts(backend: Pick<Backend, 'serverInstance'>): ServerRestartWatch {
  /** Every instance seen, in order, with the rows written while it answered. */
  const seen: { instance: ServerInstance; rows: number[] }[] = [];
  const current = (): { instance: ServerInstance; rows: number[] } | null => {
    const instance = backend.serverInstance?.() ?? null;
    if (instance === null) return null;
    const last = seen.at(-1);
    if (last && last.instance.bootId === instance.bootId) return last;
    const entry = { instance, rows: [] };
    seen.push(entry);
    return entry;
  };
  current();
  return {
    wrote(rows) {
      current()?.rows.push(...rows);
    },
    unvouched() {
      current();
      const lost: number[] = [];
      // Rows survive only if every restart after them kept the storage.
      seen.forEach((entry, index) => {
        const later = seen.slice(index + 1);
        if (later.some((next) => !next.instance.durable)) lost.push(...entry.rows);
      });
      return lost.length ? { rows: lost, message: LOST_IN_RESTART } : null;
    },
  };
}

/**
 * `report` with the rows `watch` can no longer vouch for turned from `created` /
 * `updated` into `failed` (with {@link LOST_IN_RESTART}), and the counts recomputed, so
 * the totals say what the server holds. The same report when nothing was lost.
 */
export function vouchedReport(report: ImportReport, watch: ServerRestartWatch): ImportReport {
  const lost = watch.unvouched();
  if (lost === null) return report;
  const rows = new Set(lost.rows);
  const changed = report.rows.map((row): ImportReportRow =>
    rows.has(row.row) && (row.status === 'created' || row.status === 'updated')
      ? { ...row, status: 'failed', message: lost.message }
      : row,
  );
  const count = (status: ImportReportRow['status']): number =>
    changed.filter((row) => row.status === status).length;
  return {
    ...report,
    rows: changed,
    created: count('created'),
    updated: count('updated'),
    failed: count('failed'),
  };
}
