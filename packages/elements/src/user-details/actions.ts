import { displayStatus, type BackendCapabilities, type User } from '@roster/core';

/** Something an admin can do to a user from their page. */
export type UserAction =
  | 'resendInvite'
  | 'sendInvite'
  | 'resetPassword'
  | 'deactivate'
  | 'reactivate'
  | 'delete'
  | 'restore';

/**
 * The actions a user's status allows, in the order the page offers them, without those
 * the backend cannot do:
 *
 * - invited (also expired or bounced): resend invite, deactivate, delete;
 * - active: reset password, deactivate, delete;
 * - inactive: reactivate, send invite (reactivates and invites a user who never signed
 *   in: the backend invites only users who can sign in), delete;
 * - deleted: restore (only where deletes are soft).
 */
export function actionsFor(
  user: User,
  now: Date,
  can: (capability: keyof BackendCapabilities) => boolean,
): UserAction[] {
  if (user.deletedAt !== null) return can('softDelete') ? ['restore'] : [];
  const status = displayStatus(user, now);
  const wanted: UserAction[] =
    status === 'active'
      ? ['resetPassword', 'deactivate', 'delete']
      : status === 'inactive'
        ? ['reactivate', ...(user.lastLoginAt === null ? (['sendInvite'] as const) : []), 'delete']
        : ['resendInvite', 'deactivate', 'delete'];
  return wanted.filter((action) => {
    if (action === 'resendInvite' || action === 'sendInvite') return can('invitations');
    if (action === 'resetPassword') return can('passwordReset');
    return true;
  });
}

/** Whole days left before a deleted user is purged (0 on the last day). */
export function daysLeft(deletedAt: string, retentionDays: number, now: Date): number {
  const elapsed = (now.getTime() - Date.parse(deletedAt)) / 86_400_000;
  return Math.max(0, Math.ceil(retentionDays - elapsed));
}
