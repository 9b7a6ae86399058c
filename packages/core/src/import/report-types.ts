import { ROSTER_ERROR_CODES } from '../errors/index.js';

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
  /** Why it was skipped or failed, or a remark (e.g. a group not added); English, for SDK users. */
  message: string;
  /** Set on every `failed` row: why, as a code a UI tells in its own words. */
  failure?: ImportFailure;
}

/**
 * Every {@link ImportFailureCode}: `rejected` (the plan refused the row: its issues say
 * why), the backend's {@link RosterErrorCode} for a write it refused (`conflict`,
 * `validation`, `rule`, `forbidden`, `unavailable`, …), and `lost_in_restart` (written,
 * then lost when a server without durable storage restarted). A backend that throws
 * something other than a RosterError (a network failure, say) counts as `unavailable`.
 */
export const IMPORT_FAILURE_CODES = ['rejected', ...ROSTER_ERROR_CODES, 'lost_in_restart'] as const;
/** One of {@link IMPORT_FAILURE_CODES}. */
export type ImportFailureCode = (typeof IMPORT_FAILURE_CODES)[number];

/** Why a report row failed. */
export interface ImportFailure {
  code: ImportFailureCode;
  /** The field the backend named (`email`, `phone`, `externalId`, `role`, …), when it named one. */
  field?: string;
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
