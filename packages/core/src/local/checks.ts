import { ConflictError, NotFoundError, RuleError, ValidationError } from '../errors/index.js';
import { normalizeEmail, type AccountSettings, type UserRecord } from '../model/index.js';
import type { StoreReader } from '../store.js';
import { findUser } from './context.js';
import { describeUser, ownerRoleIds, type Work } from './work.js';

/** Users per owner role read to decide "last owner" (a directory has few owners). */
const MAX_OWNERS_PER_ROLE = 1000;

/** The user `id` for a write; `NotFoundError` when unknown or purged. */
export async function requireUser(w: Work, id: string): Promise<UserRecord> {
  const user = await findUser(w.tx, id, w.settings, w.now);
  if (!user) throw new NotFoundError(`User ${id} does not exist`, { details: { id } });
  return user;
}

/** Refuses changes to deleted users (restore first). */
export function assertNotDeleted(user: UserRecord, doing: string): void {
  if (user.deletedAt !== null)
    throw new RuleError(`${user.name} is deleted and cannot be ${doing}; restore them first`, {
      details: { id: user.id },
    });
}

/** The caller read `version`; anything else means a lost update, refused. */
export function assertVersion(
  what: string,
  current: { id: string; version: number },
  version: number,
): void {
  if (current.version !== version)
    throw new ConflictError(`${what} was changed by someone else; reload and try again`, {
      details: { id: current.id, expected: version, actual: current.version },
    });
}

/** The role must be one of the account's roles. */
export function assertRole(role: string, settings: AccountSettings): void {
  if (settings.roles.some((definition) => definition.id === role)) return;
  const known = settings.roles.map((definition) => definition.id).join(', ');
  throw new ValidationError(`Role "${role}" does not exist (roles: ${known})`, [
    { path: ['role'], message: `role must be one of ${known}`, code: 'invalid_value' },
  ]);
}

/** Every group id must name an existing group; returns them without duplicates. */
export async function assertGroups(
  tx: StoreReader,
  groupIds: readonly string[],
): Promise<string[]> {
  const unique = [...new Set(groupIds)];
  for (const [index, groupId] of unique.entries()) {
    if (!(await tx.getGroup(groupId)))
      throw new ValidationError(`Group ${groupId} does not exist`, [
        {
          path: ['groupIds', index],
          message: `group ${groupId} does not exist`,
          code: 'not_found',
        },
      ]);
  }
  return unique;
}

/**
 * Email (case-insensitively), phone and external ID must each be free, or held by this
 * user. Soft-deleted users keep theirs: they may be restored.
 */
export async function assertUniqueKeys(
  tx: StoreReader,
  user: Pick<UserRecord, 'id' | 'email' | 'phone' | 'externalId'>,
): Promise<void> {
  const keys = [
    ['email', user.email === null ? null : normalizeEmail(user.email), 'Email', user.email],
    ['phone', user.phone, 'Phone number', user.phone],
    ['externalId', user.externalId, 'External ID', user.externalId],
  ] as const;
  for (const [key, value, label, shown] of keys) {
    if (value === null) continue;
    const holderId = await tx.findUserId(key, value);
    if (holderId === undefined || holderId === user.id) continue;
    const holder = await tx.getUser(holderId);
    const who = holder
      ? holder.deletedAt === null
        ? `another user, ${describeUser(holder)}`
        : `a deleted user, ${holder.name} (restore them instead)`
      : 'another user';
    throw new ConflictError(`${label} ${shown} is already used by ${who}`, {
      details: { field: key, value: shown, holderId },
    });
  }
}

/** True for users that keep an owner role staffed: live and not deactivated. */
function staffs(user: UserRecord): boolean {
  return user.deletedAt === null && user.status !== 'inactive';
}

/**
 * Refuses to remove the last owner: deleting, deactivating or demoting an owner who is
 * the only live, not deactivated holder of any owner role would leave nobody in charge.
 */
export async function assertNotLastOwner(w: Work, user: UserRecord, doing: string): Promise<void> {
  const owners = ownerRoleIds(w.settings);
  if (!owners.includes(user.role) || !staffs(user)) return;
  for (const role of owners) {
    const holders = await w.tx.listUsersByRole(role, MAX_OWNERS_PER_ROLE);
    if (holders.some((holder) => holder.id !== user.id && staffs(holder))) return;
  }
  throw new RuleError(
    `${user.name} is the last owner and cannot be ${doing}; make someone else an owner first`,
    {
      details: { id: user.id },
    },
  );
}

/** Refuses an admin acting on their own account (delete, deactivate). */
export function assertNotSelf(w: Work, user: UserRecord, doing: string): void {
  if (w.actor?.id === user.id)
    throw new RuleError(`You cannot ${doing} yourself`, { details: { id: user.id } });
}
