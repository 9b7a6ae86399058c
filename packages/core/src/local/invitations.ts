import type { CallOptions } from '../backend.js';
import { RuleError } from '../errors/index.js';
import type { BulkResult, UserRecord } from '../model/index.js';
import { assertNotDeleted, requireUser } from './checks.js';
import type { LocalContext } from './context.js';
import { bumped, type Work } from './work.js';
import { invitationDraft, passwordResetDraft } from './messages.js';
import { bulkWrite } from './transaction.js';
import { newInvitation } from './users.js';

/**
 * `Backend.resendInvites`: only for users who never signed in (others reset their
 * password instead). Renews the expiry, counts the send and clears a bounce; also
 * sends a first invitation to a user created without one.
 */
export function resendInvites(
  ctx: LocalContext,
  ids: string[],
  options: CallOptions | undefined,
): Promise<BulkResult> {
  return bulkWrite(ctx, ids, options, resendOne);
}

async function resendOne(w: Work, id: string): Promise<void> {
  const before = await requireUser(w, id);
  assertNotDeleted(before, 'invited');
  if (before.lastLoginAt !== null)
    throw new RuleError(`${before.name} has already signed in; use reset password instead`, {
      details: { id },
    });
  if (before.status === 'inactive')
    throw new RuleError(`${before.name} is deactivated; reactivate them before inviting`, {
      details: { id },
    });
  const after: UserRecord = bumped(before, w.now);
  after.invitation = newInvitation(w, after, (before.invitation?.sendCount ?? 0) + 1);
  await w.tx.putUser(after);
  w.changed('users', id);
  await w.audit({
    action: 'user.resend_invite',
    targetType: 'user',
    targetId: id,
    userId: id,
    before,
    after,
  });
  await w.record(invitationDraft(after, after.invitation));
}

/** `Backend.resetPasswords`: sends a reset message; refused for deleted and deactivated users. */
export function resetPasswords(
  ctx: LocalContext,
  ids: string[],
  options: CallOptions | undefined,
): Promise<BulkResult> {
  return bulkWrite(ctx, ids, options, resetOne);
}

async function resetOne(w: Work, id: string): Promise<void> {
  const user = await requireUser(w, id);
  assertNotDeleted(user, 'sent a password reset');
  if (user.status === 'inactive')
    throw new RuleError(
      `${user.name} is deactivated; reactivate them before resetting the password`,
      {
        details: { id },
      },
    );
  const message = await w.record(passwordResetDraft(user));
  await w.audit({
    action: 'user.reset_password',
    targetType: 'user',
    targetId: id,
    userId: id,
    before: null,
    after: { messageId: message.id, channel: message.channel },
  });
}
