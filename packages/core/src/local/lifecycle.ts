import type { CallOptions } from '../backend.js';
import { NotFoundError } from '../errors/index.js';
import { withDisplayStatus, type BulkResult, type UserRecord, type User } from '../model/index.js';
import { assertNotDeleted, assertNotLastOwner, assertNotSelf, requireUser } from './checks.js';
import { addDays, isPastRetention, type LocalContext } from './context.js';
import { bumped, type Work } from './work.js';
import { signOutAll } from './devices.js';
import { bulkWrite, writeWork } from './transaction.js';

/**
 * `Backend.setActive`. Deactivation (`active: false`) ends every session and is refused
 * for yourself and the last owner; reactivation returns a user to `active`, or to
 * `invited` if they never signed in. A user already in the asked state succeeds unchanged.
 */
export function setActive(
  ctx: LocalContext,
  ids: string[],
  active: boolean,
  options: CallOptions | undefined,
): Promise<BulkResult> {
  return bulkWrite(ctx, ids, options, (w, id) => (active ? reactivate(w, id) : deactivate(w, id)));
}

async function deactivate(w: Work, id: string): Promise<void> {
  const before = await requireUser(w, id);
  assertNotDeleted(before, 'deactivated');
  if (before.status === 'inactive') return;
  assertNotSelf(w, before, 'deactivate');
  await assertNotLastOwner(w, before, 'deactivated');
  const after: UserRecord = { ...bumped(before, w.now), status: 'inactive' };
  await w.tx.putUser(after);
  w.changed('users', id);
  const signedOut = await signOutAll(w, id);
  await w.audit({
    action: 'user.deactivate',
    targetType: 'user',
    targetId: id,
    userId: id,
    before,
    after: { ...after, signedOutDeviceIds: signedOut },
  });
}

async function reactivate(w: Work, id: string): Promise<void> {
  const before = await requireUser(w, id);
  assertNotDeleted(before, 'reactivated');
  if (before.status !== 'inactive') return;
  const after: UserRecord = {
    ...bumped(before, w.now),
    status: before.lastLoginAt ? 'active' : 'invited',
  };
  await w.tx.putUser(after);
  w.changed('users', id);
  await w.audit({
    action: 'user.reactivate',
    targetType: 'user',
    targetId: id,
    userId: id,
    before,
    after,
  });
}

/**
 * `Backend.deleteUsers`: soft delete (restorable for `retentionDays`), ending every
 * session. Refused for yourself and the last owner; an already deleted user succeeds.
 */
export function deleteUsers(
  ctx: LocalContext,
  ids: string[],
  options: CallOptions | undefined,
): Promise<BulkResult> {
  return bulkWrite(ctx, ids, options, deleteOne);
}

async function deleteOne(w: Work, id: string): Promise<void> {
  const before = await requireUser(w, id);
  if (before.deletedAt !== null) return;
  assertNotSelf(w, before, 'delete');
  await assertNotLastOwner(w, before, 'deleted');
  const after: UserRecord = { ...bumped(before, w.now), deletedAt: w.nowIso };
  await w.tx.putUser(after);
  w.changed('users', id);
  const signedOut = await signOutAll(w, id);
  await w.audit({
    action: 'user.delete',
    targetType: 'user',
    targetId: id,
    userId: id,
    before,
    after: { ...after, signedOutDeviceIds: signedOut },
  });
}

/**
 * `Backend.restoreUser`: undoes a soft delete within `retentionDays`. A user past
 * retention is gone, as every read already says (purged on read): `NotFoundError`, whether
 * or not the purge has run yet. Restoring a user who is not deleted returns it unchanged.
 */
export function restoreUser(
  ctx: LocalContext,
  id: string,
  options: CallOptions | undefined,
): Promise<User> {
  return writeWork(ctx, options, async (w) => {
    const before = await w.tx.getUser(id);
    if (!before) throw new NotFoundError(`User ${id} does not exist`, { details: { id } });
    if (isPastRetention(before, w.settings, w.now))
      throw new NotFoundError(
        `${before.name} was deleted more than ${w.settings.retentionDays} days ago and can no longer be restored`,
        { details: { id, deletedAt: before.deletedAt } },
      );
    if (before.deletedAt === null) return withDisplayStatus(before, w.now);
    const after: UserRecord = { ...bumped(before, w.now), deletedAt: null };
    await w.tx.putUser(after);
    w.changed('users', id);
    await w.audit({
      action: 'user.restore',
      targetType: 'user',
      targetId: id,
      userId: id,
      before,
      after,
    });
    return withDisplayStatus(after, w.now);
  });
}

/**
 * `Backend.purgeDeleted`: removes users deleted at least `retentionDays` ago, with their
 * devices, for good. The audit keeps only that a purge happened (no personal data).
 */
export function purgeDeleted(
  ctx: LocalContext,
  options: CallOptions | undefined,
): Promise<string[]> {
  return writeWork(ctx, options, purgeExpired);
}

/** Purges within an open write (also used before listing deleted users). */
export async function purgeExpired(w: Work): Promise<string[]> {
  // listDeletedBefore is strict; one millisecond later includes a user deleted exactly
  // `retentionDays` ago, who is due (timestamps carry milliseconds).
  const cutoff = addDays(new Date(w.now.getTime() + 1), -w.settings.retentionDays);
  const purged: string[] = [];
  for (const user of await w.tx.listDeletedBefore(cutoff)) {
    if (!isPastRetention(user, w.settings, w.now)) continue;
    for (const device of await w.tx.listDevicesByUser(user.id)) await w.tx.deleteDevice(device.id);
    await w.tx.deleteUser(user.id);
    purged.push(user.id);
    await w.audit({
      action: 'user.purge',
      targetType: 'user',
      targetId: user.id,
      userId: user.id,
      before: null,
      after: null,
    });
  }
  if (purged.length) w.changed('users', ...purged);
  return purged;
}
