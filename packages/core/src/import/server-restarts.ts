import type { Backend, ServerInstance } from '../backend.js';
import type { ImportReport, ImportReportRow, UnvouchedRows } from './report-types.js';

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
 * `commitImport` uses it (so `roster.import.commit` does): it starts the watch before its
 * first write, calls `wrote` after each `createUsers` / `updateUsers` call with the file
 * rows that call reported as succeeded (`wroteGroups` after creating groups), and returns
 * `vouchedReport(report, watch)`. A portal running its own write loop does the same.
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
  /** Records that these groups were created, by the instance that answered last. */
  wroteGroups(names: Iterable<string>): void;
  /** The rows a later restart may have lost, with the reason; `null` when there are none. */
  unvouched(): UnvouchedRows | null;
}

/** The message for each row the report can no longer vouch for. */
export const LOST_IN_RESTART =
  'may not be stored: the server restarted during the import and its storage is not durable, so it lost what it held. Check the directory and import this row again';

/** What one server instance answered for. */
interface Written {
  instance: ServerInstance;
  rows: number[];
  groups: string[];
}

/** Starts watching `backend`'s server instance (see {@link ServerRestartWatch}). */
export function watchServerRestarts(backend: Pick<Backend, 'serverInstance'>): ServerRestartWatch {
  /** Every instance seen, in order, with the rows written while it answered. */
  const seen: Written[] = [];
  const current = (): Written | null => {
    const instance = backend.serverInstance?.() ?? null;
    if (instance === null) return null;
    const last = seen.at(-1);
    if (last && last.instance.bootId === instance.bootId) return last;
    const entry: Written = { instance, rows: [], groups: [] };
    seen.push(entry);
    return entry;
  };
  current();
  return {
    wrote(rows) {
      current()?.rows.push(...rows);
    },
    wroteGroups(names) {
      current()?.groups.push(...names);
    },
    unvouched() {
      current();
      const rows: number[] = [];
      const groups: string[] = [];
      // Writes survive only if every restart after them kept the storage.
      seen.forEach((entry, index) => {
        const later = seen.slice(index + 1);
        if (!later.some((next) => !next.instance.durable)) return;
        rows.push(...entry.rows);
        groups.push(...entry.groups);
      });
      return rows.length || groups.length ? { rows, groups, message: LOST_IN_RESTART } : null;
    },
  };
}

/**
 * `report` with the rows `watch` can no longer vouch for turned from `created` /
 * `updated` into `failed` (with {@link LOST_IN_RESTART}), the counts recomputed and the
 * lost groups dropped from `groupsCreated`, so the totals say what the server holds;
 * `lostInRestart` says what was lost and why. The same report when nothing was lost.
 */
export function vouchedReport(report: ImportReport, watch: ServerRestartWatch): ImportReport {
  const lost = watch.unvouched();
  if (lost === null) return report;
  const rows = new Set(lost.rows);
  const groups = new Set(lost.groups);
  const changed = report.rows.map((row): ImportReportRow =>
    rows.has(row.row) && (row.status === 'created' || row.status === 'updated')
      ? { ...row, status: 'failed', message: lost.message, failure: { code: 'lost_in_restart' } }
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
    groupsCreated: report.groupsCreated.filter((name) => !groups.has(name)),
    lostInRestart: lost,
  };
}
