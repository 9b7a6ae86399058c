import {
  normalizeEmail,
  normalizeGroupName,
  toIssueCode,
  type AuditEvent,
  type Group,
  type RosterIssue,
  type UserSortField,
} from '@roster/core';
import { foldText, userSortValue, type SortValue, type UserRecord } from '@roster/core/backend-kit';
import { corruptRecord } from './errors.js';
import { groupTokens, userTokens } from './tokens.js';

/**
 * How records are stored: the domain record plus derived fields (prefixed `_`) that the
 * indexes read. Derived fields are recomputed on every write and stripped on every read
 * (the zod schemas drop unknown keys), so they never leak into the domain.
 */

/** Stored status: `pending` (invited, not bounced) splits into invited/expired at read time. */
export type StatusKey = 'pending' | 'bounced' | 'active' | 'inactive';

/** The "no value" sort key `[]` (sorts after every string and number). */
type None = never[];

export interface UserIndexFields {
  /** Normalised email; absent without an email (so the unique index skips the user). */
  _email?: string;
  /** 0 live, 1 deleted: the first part of every sort key, so live users are one range. */
  _d: 0 | 1;
  /** Folded name: the name sort key. */
  _name: string;
  /** Lower-cased email, `[]` without one. */
  _emailSort: string | None;
  /** Last login, `[]` when never. */
  _login: string | None;
  _st: StatusKey;
  /** Pending invitations only: expiry in ms (`Infinity` when no invitation was sent). */
  _exp?: number;
  /** Deleted users only: deletion time in ms. */
  _delAt?: number;
  /** Search tokens (tokens.ts). */
  _words: string[];
}

export type StoredUser = UserRecord & UserIndexFields;

/** The stored status of a user (see {@link StatusKey}). */
export function statusKey(user: Pick<UserRecord, 'status' | 'invitation'>): StatusKey {
  if (user.status !== 'invited') return user.status;
  return user.invitation?.bouncedAt ? 'bounced' : 'pending';
}

/** The stored form of a user, with every derived field. */
export function toStoredUser(user: UserRecord): StoredUser {
  const stored: StoredUser = {
    ...user,
    _d: user.deletedAt === null ? 0 : 1,
    _name: foldText(user.name),
    _emailSort: user.email === null ? [] : user.email.toLowerCase(),
    _login: user.lastLoginAt ?? [],
    _st: statusKey(user),
    _words: userTokens(user),
  };
  if (user.email !== null) stored._email = normalizeEmail(user.email);
  if (stored._st === 'pending')
    stored._exp = user.invitation ? Date.parse(user.invitation.expiresAt) : Infinity;
  if (user.deletedAt !== null) stored._delAt = Date.parse(user.deletedAt);
  return stored;
}

/** The part of a zod schema {@link parseStored} uses (core's schemas, without importing zod here). */
export interface RecordSchema<T> {
  safeParse(value: unknown):
    | { success: true; data: T }
    | {
        success: false;
        error: { issues: { path: PropertyKey[]; message: string; code: string }[] };
      };
}

/**
 * Validates a stored value against its schema; a value that fails is a damaged record,
 * reported by name (see `corruptRecord`), never silently dropped or rewritten.
 */
export function parseStored<T>(
  schema: RecordSchema<T>,
  value: unknown,
  store: string,
  id: unknown,
): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues: RosterIssue[] = result.error.issues.map((issue) => ({
    path: issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment)),
    message: issue.message,
    code: toIssueCode(issue.code),
  }));
  throw corruptRecord(store, id, issues, result.error);
}

/** Id of a stored value, for naming it in errors even when it is damaged. */
export function idOf(value: unknown, fallback: unknown = '?'): unknown {
  return typeof value === 'object' && value !== null && 'id' in value
    ? (value as { id: unknown }).id
    : fallback;
}

/** The value a stored user sorts by (core's `userSortValue`, from the stored fold when present). */
export function sortValueOf(user: StoredUser, field: UserSortField, now: Date): SortValue {
  if (field === 'name' && typeof user._name === 'string') return user._name;
  return userSortValue(user, field, now);
}

/** Sort fields with an index of their own: `[_d, value, id]`. */
export type IndexedSortField = Exclude<UserSortField, 'status'>;

/** The value a sort index holds for `field` (`[]` for none). */
export function indexValueOf(user: StoredUser, field: IndexedSortField): IDBValidKey {
  switch (field) {
    case 'name':
      return user._name;
    case 'email':
      return user._emailSort;
    case 'role':
      return user.role;
    case 'createdAt':
      return user.createdAt;
    case 'lastLoginAt':
      return user._login;
  }
}

/** A sort value as the index holds it: `null` is `[]`. */
export function toIndexValue(value: SortValue): IDBValidKey {
  return value === null ? [] : value;
}

/** Index value back to a sort value. */
export function fromIndexValue(value: IDBValidKey): SortValue {
  return typeof value === 'string' || typeof value === 'number' ? value : null;
}

export interface GroupIndexFields {
  /** `normalizeGroupName(name)`: unique. */
  _key: string;
  /** Folded name: the listing order. */
  _name: string;
  _words: string[];
}

export type StoredGroup = Group & GroupIndexFields;

export function toStoredGroup(group: Group): StoredGroup {
  return {
    ...group,
    _key: normalizeGroupName(group.name),
    _name: foldText(group.name),
    _words: groupTokens(group),
  };
}

/**
 * Audit events written by one transaction, stored together: one request (and a few index
 * entries) per 500 events instead of one request per event, which is what keeps a bulk
 * import's audit trail from doubling its cost. `_seq` (the key generator's) orders
 * chunks; an event's position is `_seq * AUDIT_POSITIONS + its index in the chunk`.
 */
export interface AuditChunk {
  _seq?: number;
  events: AuditEvent[];
  /** Every user and target id of the events (multiEntry index). */
  _subjects: string[];
  /** Every action of the events (multiEntry index). */
  _actions: string[];
}

/** Events per chunk (bounds a chunk's size for readers of one user's history). */
export const AUDIT_CHUNK = 500;
/** Positions reserved per chunk (above `AUDIT_CHUNK`). */
export const AUDIT_POSITIONS = 1024;

/** Chunks of at most {@link AUDIT_CHUNK} events, in order. */
export function toAuditChunks(events: readonly AuditEvent[]): AuditChunk[] {
  const chunks: AuditChunk[] = [];
  for (let start = 0; start < events.length; start += AUDIT_CHUNK) {
    const slice = events.slice(start, start + AUDIT_CHUNK);
    const subjects = new Set<string>();
    const actions = new Set<string>();
    for (const event of slice) {
      subjects.add(event.targetId);
      if (event.userId !== null) subjects.add(event.userId);
      actions.add(event.action);
    }
    chunks.push({ events: slice, _subjects: [...subjects], _actions: [...actions] });
  }
  return chunks;
}
