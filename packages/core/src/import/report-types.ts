/*
 * The import report's shape, apart from the code that makes it (commit.ts) and the code
 * that corrects it after a server restart (server-restarts.ts), so neither imports the other.
 */

/** What happened to one row. */
export type ImportRowStatus = 'created' | 'updated' | 'skipped' | 'failed' | 'cancelled';

/** One row of the import report. */
export interface ImportReportRow {
  row: number;
  status: ImportRowStatus;
  userId: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  /** Why it was skipped or failed, or a remark (e.g. a group not added). */
  message: string;
}

/** The outcome of a commit, per row; `reportToCsv` turns it into a download. */
export interface ImportReport {
  rows: ImportReportRow[];
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  /** Rows not reached because the import was cancelled. */
  cancelled: number;
  /** Groups created for this import. */
  groupsCreated: string[];
  /** True when the signal stopped the import before the end. */
  aborted: boolean;
  /**
   * Set when the server restarted during the import without durable storage (a REST
   * server on a memory backend): the rows and groups it lost. Those rows are counted and
   * listed as `failed` with `message` (`LOST_IN_RESTART`), so the totals say what
   * the server holds; tell the admin to check the directory and import them again.
   */
  lostInRestart?: UnvouchedRows;
}

/** Rows written before a restart that lost them. */
export interface UnvouchedRows {
  /** File row numbers, in the order they were written. */
  rows: number[];
  /** Names of groups created before the restart, so gone with it. */
  groups: string[];
  /** Why, for the admin: the server restarted and its storage is not durable. */
  message: string;
}
