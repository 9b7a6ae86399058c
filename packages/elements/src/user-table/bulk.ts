import {
  isRosterError,
  type BulkOptions,
  type BulkResult,
  type Roster,
  type User,
} from '@roster/core';
import type { Selection } from './selection.js';

/** Bulk actions the table offers (each shown only when the backend can do it). */
export type BulkActionId =
  | 'resendInvite'
  | 'resetPassword'
  | 'deactivate'
  | 'reactivate'
  | 'delete'
  | 'addToGroup'
  | 'removeFromGroup';

/** Per-item outcome of a bulk action, as the admin reads it afterwards. */
export interface BulkOutcome {
  action: BulkActionId;
  /** Ids the action succeeded on (delete: what "undo" restores). */
  succeeded: string[];
  /** Items the rules refused, with who and why ("Ann Lee: the last owner …"). */
  refused: { id: string; name: string; message: string }[];
  /** Resend invite: users left out because they already signed in. */
  skipped: number;
  /** The admin cancelled: items not reached are neither succeeded nor refused. */
  aborted: boolean;
}

/** Users per batch (one facade call each, so progress moves and cancel is prompt). */
const BATCH = 500;

/**
 * Runs `action` over the selection: picked users directly, "all matching" by walking the
 * query in batches (`roster.users.iterate`), never loading the result at once. Cancel
 * with `signal` between batches.
 */
export async function runBulk(
  roster: Roster,
  selection: Selection,
  action: BulkActionId,
  options: {
    groupId?: string;
    signal: AbortSignal;
    onProgress: (done: number, total: number) => void;
  },
): Promise<BulkOutcome> {
  const outcome: BulkOutcome = { action, succeeded: [], refused: [], skipped: 0, aborted: false };
  const total = selection.count;
  let done = 0;
  try {
    for await (const batch of batches(roster, selection, options.signal)) {
      const users = batch.filter((user) => selection.has(user.id));
      const eligible =
        action === 'resendInvite' ? users.filter((user) => user.lastLoginAt === null) : users;
      outcome.skipped += users.length - eligible.length;
      if (eligible.length > 0) {
        const result = await call(
          roster,
          action,
          eligible.map((user) => user.id),
          {
            signal: options.signal,
            batchSize: BATCH,
            ...(options.groupId ? { groupId: options.groupId } : {}),
          },
        );
        record(outcome, result, users);
      }
      done += users.length;
      options.onProgress(Math.min(done, total), total);
      if (options.signal.aborted) {
        outcome.aborted = true;
        break;
      }
    }
  } catch (error) {
    if (!(isRosterError(error) && error.code === 'aborted') && !options.signal.aborted) throw error;
    outcome.aborted = true;
  }
  return outcome;
}

async function* batches(
  roster: Roster,
  selection: Selection,
  signal: AbortSignal,
): AsyncIterable<User[]> {
  if (selection.all) {
    yield* roster.users.iterate({ ...selection.all.query, limit: BATCH }, { signal });
    return;
  }
  const users = [...selection.picked.values()];
  for (let i = 0; i < users.length; i += BATCH) yield users.slice(i, i + BATCH);
}

function call(
  roster: Roster,
  action: BulkActionId,
  ids: string[],
  options: BulkOptions & { groupId?: string },
): Promise<BulkResult> {
  const { groupId = '', ...bulk } = options;
  switch (action) {
    case 'resendInvite':
      return roster.users.resendInvite(ids, bulk);
    case 'resetPassword':
      return roster.users.resetPassword(ids, bulk);
    case 'deactivate':
      return roster.users.deactivate(ids, bulk);
    case 'reactivate':
      return roster.users.reactivate(ids, bulk);
    case 'delete':
      return roster.users.delete(ids, bulk);
    case 'addToGroup':
      return roster.groups.addMembers(groupId, ids, bulk);
    case 'removeFromGroup':
      return roster.groups.removeMembers(groupId, ids, bulk);
  }
}

function record(outcome: BulkOutcome, result: BulkResult, users: readonly User[]): void {
  outcome.succeeded.push(...result.succeeded);
  const names = new Map(users.map((user) => [user.id, user.name]));
  for (const failure of result.failed) {
    if (failure.code === 'aborted') {
      outcome.aborted = true;
      continue;
    }
    const name = names.get(failure.id) ?? failure.id;
    outcome.refused.push({ id: failure.id, name, message: failure.message });
  }
}

/**
 * Restores deleted users one by one (the "undo" of a delete); resolves to the ids that
 * were not restored (refused, or not reached when `signal` aborted).
 */
export async function restoreAll(
  roster: Roster,
  ids: readonly string[],
  signal: AbortSignal,
): Promise<string[]> {
  const failed: string[] = [];
  for (const [index, id] of ids.entries()) {
    if (signal.aborted) return [...failed, ...ids.slice(index)];
    try {
      await roster.users.restore(id);
    } catch {
      failed.push(id);
    }
  }
  return failed;
}
