import type { CreateUsersOptions, UserUpdate, CallOptions } from '../backend.js';
import { ConflictError, ValidationError, validationErrorFromZod } from '../errors/index.js';
import {
  NewUser,
  NormalizedUserPatch,
  normalizeEmail,
  type BulkResult,
  type Invitation,
  type UserRecord,
} from '../model/index.js';
import {
  assertGroups,
  assertNotDeleted,
  assertNotLastOwner,
  assertRole,
  assertUniqueKeys,
  assertVersion,
  requireUser,
} from './checks.js';
import { addDays, type LocalContext } from './context.js';
import { BulkCollector, ownerRoleIds, type Work } from './work.js';
import { contactOf, invitationDraft } from './messages.js';
import { writeWork } from './transaction.js';

/** A fresh invitation (first send), valid for the account's `invitationExpiryDays`. */
export function newInvitation(w: Work, user: UserRecord, sendCount: number): Invitation {
  return {
    channel: contactOf(user).channel,
    sentAt: w.nowIso,
    expiresAt: addDays(w.now, w.settings.invitationExpiryDays),
    sendCount,
    bouncedAt: null,
    bounceReason: null,
  };
}

/** Same person: a retried create of an existing id succeeds when email and phone agree. */
function sameContact(
  a: Pick<UserRecord, 'email' | 'phone'>,
  b: Pick<UserRecord, 'email' | 'phone'>,
): boolean {
  const email = (value: string | null) => (value === null ? null : normalizeEmail(value));
  return email(a.email) === email(b.email) && a.phone === b.phone;
}

/** `Backend.createUsers`: one transaction for the batch, per-item results. */
export function createUsers(
  ctx: LocalContext,
  inputs: NewUser[],
  options: CreateUsersOptions | undefined,
): Promise<BulkResult> {
  return writeWork(ctx, options, async (w) => {
    const bulk = new BulkCollector();
    for (const [index, raw] of inputs.entries()) {
      const parsed = NewUser.safeParse(raw);
      const id = parsed.success ? parsed.data.id : itemId(raw, index);
      if (!parsed.success) {
        bulk.fail(id, validationErrorFromZod(parsed.error, 'user'));
        continue;
      }
      await bulk.run(id, () => createOne(w, parsed.data, options?.invite === true));
    }
    return bulk.result;
  });
}

/** The id to report an unparseable item under. */
function itemId(raw: unknown, index: number): string {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id ? id : `#${index}`;
}

async function createOne(w: Work, input: NewUser, invite: boolean): Promise<void> {
  const existing = await w.tx.getUser(input.id);
  if (existing) {
    if (sameContact(existing, input)) return;
    throw new ConflictError(`A different user already has the id ${input.id}`, {
      details: { id: input.id },
    });
  }
  assertRole(input.role, w.settings);
  const groupIds = await assertGroups(w.tx, input.groupIds);
  await assertUniqueKeys(w.tx, input);
  const user: UserRecord = {
    ...input,
    groupIds,
    status: 'invited',
    invitation: null,
    lastLoginAt: null,
    deletedAt: null,
    version: 1,
    createdAt: w.nowIso,
    updatedAt: w.nowIso,
  };
  if (invite) user.invitation = newInvitation(w, user, 1);
  await w.tx.putUser(user);
  w.changed('users', user.id);
  await w.audit({
    action: 'user.create',
    targetType: 'user',
    targetId: user.id,
    userId: user.id,
    before: null,
    after: user,
  });
  if (user.invitation) await w.record(invitationDraft(user, user.invitation));
}

/** `Backend.updateUsers`: versioned patches in one transaction, each on its own. */
export function updateUsers(
  ctx: LocalContext,
  updates: UserUpdate[],
  options: CallOptions | undefined,
): Promise<BulkResult> {
  return writeWork(ctx, options, async (w) => {
    const bulk = new BulkCollector();
    for (const update of updates) {
      const parsed = NormalizedUserPatch.safeParse(update.patch);
      if (!parsed.success) {
        bulk.fail(update.id, validationErrorFromZod(parsed.error, 'user patch'));
        continue;
      }
      await bulk.run(update.id, () => updateOne(w, update.id, parsed.data, update.version));
    }
    return bulk.result;
  });
}

async function updateOne(
  w: Work,
  id: string,
  patch: NormalizedUserPatch,
  version: number,
): Promise<void> {
  const before = await requireUser(w, id);
  assertVersion(`User ${before.name}`, before, version);
  assertNotDeleted(before, 'edited');
  const next: UserRecord = { ...before, ...patch };
  if (patch.groupIds) next.groupIds = await assertGroups(w.tx, patch.groupIds);
  if (next.email === null && next.phone === null)
    throw new ValidationError('Invalid user patch: email or phone is required', [
      { path: ['email'], message: 'email or phone is required', code: 'required' },
    ]);
  if (patch.role !== undefined && patch.role !== before.role) {
    assertRole(patch.role, w.settings);
    if (!ownerRoleIds(w.settings).includes(patch.role))
      await assertNotLastOwner(w, before, 'demoted');
  }
  await assertUniqueKeys(w.tx, next);
  if (!changed(before, next)) return;
  const after: UserRecord = { ...next, version: before.version + 1, updatedAt: w.nowIso };
  await w.tx.putUser(after);
  w.changed('users', id);
  await w.audit({
    action: 'user.update',
    targetType: 'user',
    targetId: id,
    userId: id,
    before,
    after,
  });
}

function changed(before: UserRecord, after: UserRecord): boolean {
  // Same key order (spread of `before`), so equal records serialise equally.
  return JSON.stringify(before) !== JSON.stringify(after);
}
