import type { CallOptions } from '../backend.js';
import { fieldOfError, isRosterError } from '../errors/index.js';
import {
  normalizeGroupName,
  type BulkResult,
  type NewUser,
  type NormalizedUserPatch,
} from '../model/index.js';
import { randomId } from '../ports.js';
import type { Progress } from '../progress.js';
import { loadGroups, type ImportContext, type ImportPlan, type PlanEntry } from './plan.js';
import type { ImportFailure, ImportReport, ImportReportRow } from './report-types.js';
import { vouchedReport, watchServerRestarts } from './server-restarts.js';
import { createBatchSizer, createSlicer, type BatchSizer } from './yield.js';

export type {
  ImportFailure,
  ImportFailureCode,
  ImportReport,
  ImportReportRow,
  ImportRowStatus,
  UnvouchedRows,
} from './report-types.js';

/** Options of `roster.import.commit`. */
export interface ImportCommitOptions {
  /** Row numbers to import (the preview's selection). Default: every `create` and `update` row. */
  selection?: Iterable<number>;
  /** Send new users an invitation (when the backend supports invitations). Default false. */
  sendInvites?: boolean;
  /** Create groups the directory lacks. Default: as the plan's `unknownGroups` said. */
  createMissingGroups?: boolean;
  /** Called after every batch. */
  onProgress?: (progress: Progress) => void;
  /** Stops between batches: rows not reached are reported `cancelled`, nothing half-written. */
  signal?: AbortSignal;
  /**
   * Rows per backend call. Default: 500 for a backend that answers across host turns
   * (IndexedDB, REST); a backend that works within the page's task (memory) gets calls
   * sized to hold the main thread about 20 ms each, so the page keeps painting.
   */
  batchSize?: number;
}

/**
 * Writes a plan: creates and updates in batches (in file order), creating missing
 * groups first when asked. Per-row results, never a half-written row; a cancel stops
 * between batches and the report says exactly which rows were done. When the server
 * behind the backend restarts midway and loses what it held, the rows written before
 * are reported `failed`, not `created` (see `watchServerRestarts`).
 */
export async function commitImport(
  context: ImportContext,
  plan: ImportPlan,
  options: ImportCommitOptions = {},
): Promise<ImportReport> {
  const { backend } = context;
  const call: CallOptions = { actor: context.actor ?? null };
  const batches =
    options.batchSize === undefined
      ? createBatchSizer(DEFAULT_BATCH_SIZE)
      : fixedBatches(Math.max(1, options.batchSize));
  const selected = options.selection === undefined ? null : new Set(options.selection);
  const results = new Map<number, ImportReportRow>();
  const work: PlanEntry[] = [];

  for (const entry of plan.entries) {
    const chosen =
      selected === null
        ? entry.action === 'create' || entry.action === 'update'
        : selected.has(entry.row);
    if (!chosen) {
      const message =
        entry.action === 'skip'
          ? (entry.reason ?? 'skipped')
          : entry.action === 'error'
            ? errorsOf(entry)
            : 'not selected';
      results.set(
        entry.row,
        entry.action === 'error'
          ? reportRow(entry, 'failed', message, REJECTED)
          : reportRow(entry, 'skipped', message),
      );
    } else if (entry.action === 'error')
      results.set(entry.row, reportRow(entry, 'failed', errorsOf(entry), REJECTED));
    else if (entry.action === 'skip')
      results.set(entry.row, reportRow(entry, 'skipped', entry.reason ?? 'skipped'));
    else work.push(entry);
  }

  // Groups: ids for every name the selected rows use; missing ones created if asked.
  const createGroups = options.createMissingGroups ?? plan.options.unknownGroups === 'create';
  const groups = await loadGroups(backend, call);
  // Before the first write: every write is recorded with the server instance that took it.
  const watch = watchServerRestarts(backend);
  const groupIds = new Map<string, string>();
  for (const [key, group] of groups) groupIds.set(key, group.id);
  const groupsCreated: string[] = [];
  const groupFailures = new Map<string, string>();
  let aborted = false;
  for (const entry of work) {
    for (const name of entry.values.groups) {
      const key = normalizeGroupName(name);
      if (groupIds.has(key) || groupFailures.has(key)) continue;
      if (!createGroups) {
        groupFailures.set(key, `not added to group “${name}”: it does not exist`);
        continue;
      }
      if (options.signal?.aborted) {
        aborted = true;
        break;
      }
      try {
        const group = await backend.createGroup({ name }, call);
        groupIds.set(key, group.id);
        groupsCreated.push(group.name);
        watch.wroteGroups([group.name]);
      } catch (error) {
        groupFailures.set(key, `not added to group “${name}”: ${messageOf(error)}`);
      }
    }
    if (aborted) break;
  }

  const inviteUnsupported = Boolean(options.sendInvites) && !backend.capabilities.invitations;
  const total = work.length;
  let done = 0;
  // A local backend answers within microtasks: without a turn for the host now and then,
  // 100k rows would hold the page (no frame drawn) until the last batch.
  const slicer = createSlicer();
  /** Whether a write call got no answer at all (the server may have been restarting). */
  let unanswered = false;
  for (let start = 0; start < work.length;) {
    await slicer.pause();
    if (aborted || options.signal?.aborted) {
      aborted = true;
      for (const entry of work.slice(start))
        results.set(
          entry.row,
          reportRow(entry, 'cancelled', 'not imported: the import was cancelled'),
        );
      break;
    }
    const batch = work.slice(start, start + batches.rows);
    start += batch.length;
    const creates: { entry: PlanEntry; user: NewUser; remark: string }[] = [];
    const updates: { entry: PlanEntry; patch: NormalizedUserPatch; remark: string }[] = [];
    for (const entry of batch) {
      const { ids, remark } = resolveGroups(entry, groupIds, groupFailures);
      if (entry.action === 'create') {
        const v = entry.values;
        creates.push({
          entry,
          remark,
          user: {
            id: randomId(),
            name: v.name ?? '',
            email: v.email,
            phone: v.phone,
            role: entry.role ?? plan.options.defaultRole,
            groupIds: ids,
            notes: v.notes ?? '',
            externalId: v.externalId,
          },
        });
      } else {
        const target = entry.target!;
        const current = new Set(target.currentGroupIds);
        const added = ids.filter((id) => !current.has(id));
        const patch: NormalizedUserPatch = { ...target.patch };
        if (added.length > 0) patch.groupIds = [...target.currentGroupIds, ...added];
        if (Object.keys(patch).length > 0) updates.push({ entry, patch, remark });
        else results.set(entry.row, reportRow(entry, 'skipped', remark || 'no changes'));
      }
    }
    // The batch's calls, timed together: what the next batch's size is measured on.
    await batches.measure(batch.length, async () => {
      if (creates.length > 0) {
        const outcome = await settle(() =>
          backend.createUsers(
            creates.map((c) => c.user),
            { ...call, invite: Boolean(options.sendInvites) && backend.capabilities.invitations },
          ),
        );
        if ('error' in outcome) unanswered = true;
        const written: number[] = [];
        creates.forEach(({ entry, user, remark }) => {
          const failure = failureOf(outcome, user.id);
          if (failure === null) written.push(entry.row);
          const remarks = inviteUnsupported
            ? [remark, INVITES_UNSUPPORTED].filter(Boolean).join('; ')
            : remark;
          results.set(
            entry.row,
            failure === null
              ? { ...reportRow(entry, 'created', remarks), userId: user.id }
              : reportRow(entry, 'failed', failure.message, failure.failure),
          );
        });
        watch.wrote(written);
      }
      if (updates.length > 0) {
        const outcome = await settle(() =>
          backend.updateUsers(
            updates.map(({ entry, patch }) => ({
              id: entry.userId!,
              patch,
              version: entry.target!.version,
            })),
            call,
          ),
        );
        if ('error' in outcome) unanswered = true;
        const written: number[] = [];
        for (const { entry, remark } of updates) {
          const failure = failureOf(outcome, entry.userId!);
          if (failure === null) written.push(entry.row);
          results.set(
            entry.row,
            failure === null
              ? reportRow(entry, 'updated', remark)
              : reportRow(entry, 'failed', failure.message, failure.failure),
          );
        }
        watch.wrote(written);
      }
    });
    done += batch.length;
    options.onProgress?.({ done, total });
  }

  const rows = plan.entries.map((entry) => results.get(entry.row)!);
  const count = (status: string): number => rows.filter((r) => r.status === status).length;
  // A server that went away and came back only after the last batch showed no new
  // instance to the batches; one read asks which instance answers now.
  if (unanswered && backend.serverInstance) await backend.getSettings(call).catch(() => null);

  const report: ImportReport = {
    rows,
    created: count('created'),
    updated: count('updated'),
    skipped: count('skipped'),
    failed: count('failed'),
    cancelled: count('cancelled'),
    groupsCreated,
    aborted,
  };
  return vouchedReport(report, watch);
}

/** Most rows per backend call when the caller names no `batchSize`. */
const DEFAULT_BATCH_SIZE = 500;

/** Batches of `rows` rows whatever the backend: the caller's `batchSize`. */
function fixedBatches(rows: number): BatchSizer {
  return { rows, measure: (_rows, call) => call() };
}

const INVITES_UNSUPPORTED = 'no invitation sent: this directory does not send invitations';

function resolveGroups(
  entry: PlanEntry,
  groupIds: Map<string, string>,
  failures: Map<string, string>,
): { ids: string[]; remark: string } {
  const ids: string[] = [];
  const remarks: string[] = [];
  for (const name of entry.values.groups) {
    const key = normalizeGroupName(name);
    const id = groupIds.get(key);
    if (id !== undefined) {
      if (!ids.includes(id)) ids.push(id);
    } else remarks.push(failures.get(key) ?? `not added to group “${name}”`);
  }
  return { ids, remark: remarks.join('; ') };
}

type Outcome = { result: BulkResult } | { error: unknown };

async function settle(run: () => Promise<BulkResult>): Promise<Outcome> {
  try {
    return { result: await run() };
  } catch (error) {
    return { error };
  }
}

/** A plan-refused row's failure: its issues say why. */
const REJECTED: ImportFailure = { code: 'rejected' };

/** Why the backend refused the write of `id`, or `null` when it took it. */
function failureOf(
  outcome: Outcome,
  id: string,
): { message: string; failure: ImportFailure } | null {
  if ('error' in outcome) {
    const { error } = outcome;
    if (!isRosterError(error))
      return { message: messageOf(error), failure: { code: 'unavailable' } };
    const field = fieldOfError(error);
    return {
      message: error.message,
      failure: field === undefined ? { code: error.code } : { code: error.code, field },
    };
  }
  const failure = outcome.result.failed.find((f) => f.id === id);
  if (!failure) return null;
  return {
    message: failure.message,
    failure:
      failure.field === undefined
        ? { code: failure.code }
        : { code: failure.code, field: failure.field },
  };
}

function messageOf(error: unknown): string {
  if (isRosterError(error) || error instanceof Error) return error.message;
  return String(error);
}

function errorsOf(entry: PlanEntry): string {
  return entry.issues
    .filter((issue) => issue.severity === 'error')
    .map((issue) => (issue.field === 'row' ? issue.message : `${issue.field}: ${issue.message}`))
    .join('; ');
}

function reportRow(
  entry: PlanEntry,
  status: ImportReportRow['status'],
  message: string,
  failure?: ImportFailure,
): ImportReportRow {
  const row: ImportReportRow = {
    row: entry.row,
    status,
    userId: entry.userId,
    name: entry.values.name,
    email: entry.values.email,
    phone: entry.values.phone,
    message,
  };
  if (failure) row.failure = failure;
  return row;
}
