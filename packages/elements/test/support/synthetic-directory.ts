/**
 * A directory of any size (1,000,000 users) that costs nothing to create: a Backend whose
 * users are computed from their position, with the few that tests change kept aside.
 * Everything else (settings, groups, devices) is a real memory backend's.
 *
 * Simplifications a test must know: users sort by position whatever the field (names are
 * `User 0000000`…, so name order is position order); cursors are positions (stable while a
 * walk does not change which users match, as with a keyword filter). Keyword searches are
 * answered by core's matcher (`compileSearch`), as every backend's are: over each unchanged
 * user's search text, written out from its position ({@link syntheticSearchText}, which a
 * test checks against core's `userSearchText`) so a million users are searched in a
 * fraction of a second, and over core's `userSearchText` for the users a test changed.
 */
import { memoryBackend } from '@roster/adapters/memory';
import {
  displayStatus,
  type Backend,
  type BulkResult,
  type ChangeEvent,
  type ChangeListener,
  type Page,
  type User,
  type UserQuery,
} from '@roster/core';
import {
  compileSearch,
  userSearchText,
  type SearchMatcher,
  type UserSearchText,
} from '@roster/core/backend-kit';

export interface SyntheticOptions {
  /** Users in the directory. */
  size: number;
  /** `false`: a backend without `offsetPaging` (pages by cursor only). */
  offsetPaging?: boolean;
}

const CREATED = '2026-01-01T00:00:00.000Z';
const FUTURE = '2099-01-01T00:00:00.000Z';

/** Position → id; `idOf(0)` is the directory's only owner. */
export function idOf(position: number): string {
  return `u${String(position).padStart(7, '0')}`;
}

const numberOf = (position: number) => String(position).padStart(7, '0');
const isInvited = (position: number) => position % 4 === 1;
const isInactive = (position: number) => !isInvited(position) && position % 97 === 5;
const roleAt = (position: number) =>
  position === 0 ? 'owner' : position % 50 === 0 ? 'admin' : 'member';

/** The user at `position` before any change. */
export function syntheticUser(position: number): User {
  const invited = isInvited(position);
  const number = numberOf(position);
  return {
    id: idOf(position),
    name: `User ${number}`,
    email: `user${number}@example.com`,
    phone: position % 2 === 0 ? `+2782${number}` : null,
    role: roleAt(position),
    groupIds: [],
    notes: '',
    externalId: null,
    status: invited ? 'invited' : isInactive(position) ? 'inactive' : 'active',
    invitation: invited
      ? {
          channel: 'email',
          sentAt: CREATED,
          expiresAt: FUTURE,
          sendCount: 1,
          bouncedAt: null,
          bounceReason: null,
        }
      : null,
    lastLoginAt: invited ? null : '2026-06-01T08:00:00.000Z',
    deletedAt: null,
    version: 1,
    createdAt: CREATED,
    updatedAt: CREATED,
  };
}

/**
 * Core's search text (`userSearchText`) of the unchanged user at `position`, written out
 * from what the user is made of instead of computed: `User 0000042`,
 * `user0000042@example.com`, and for even positions `+27820000042`.
 */
export function syntheticSearchText(position: number): UserSearchText {
  const number = numberOf(position);
  const email = `user${number}@example.com`;
  return {
    fields: [`user ${number}`, email],
    words: ['user', number, `user${number}`, 'example', 'com'],
    phones: position % 2 === 0 ? [`2782${number}`, `82${number}`] : [],
  };
}

/** Whether the unchanged user at `position` passes the query's filters (no user made). */
function unchangedMatches(
  position: number,
  query: UserQuery,
  search: SearchMatcher | null,
): boolean {
  if (query.includeDeleted === 'only') return false;
  if (search && !search(syntheticSearchText(position))) return false;
  if (query.status) {
    const status = isInvited(position) ? 'invited' : isInactive(position) ? 'inactive' : 'active';
    if (!query.status.includes(status)) return false;
  }
  if (query.role && !query.role.includes(roleAt(position))) return false;
  return !query.groupId;
}

/** A Backend over a synthetic directory of `size` users. */
export function syntheticBackend(options: SyntheticOptions): Backend {
  const inner = memoryBackend();
  const changed = new Map<string, User>();
  const listeners = new Set<ChangeListener>();
  let generation = 0;
  let cached: { key: string; positions: Int32Array } | undefined;

  const positionOf = (id: string): number | undefined => {
    const match = /^u(\d{7})$/.exec(id);
    const position = match ? Number(match[1]) : -1;
    return position >= 0 && position < options.size ? position : undefined;
  };
  const userAt = (position: number): User => changed.get(idOf(position)) ?? syntheticUser(position);
  const emit = (ids: string[]) => {
    generation += 1;
    const event: ChangeEvent = { kind: 'users', ids, origin: 'local' };
    for (const listener of listeners) listener(event);
  };

  /** Positions matching the query's filters (`undefined`: all of them, none deleted). */
  const matching = (query: UserQuery): Int32Array | undefined => {
    const now = new Date();
    const deleted = [...changed.values()].some((user) => user.deletedAt !== null);
    const filtered = query.search || query.status || query.role || query.groupId || deleted;
    if (!filtered && query.includeDeleted === false) return undefined;
    const key = JSON.stringify([
      generation,
      query.search,
      query.status,
      query.role,
      query.groupId,
      query.includeDeleted,
    ]);
    if (cached?.key === key) return cached.positions;
    const search = compileSearch(query.search);
    const found: number[] = [];
    for (let position = 0; position < options.size; position += 1) {
      const user = changed.size > 0 ? changed.get(idOf(position)) : undefined;
      if (!user) {
        if (unchangedMatches(position, query, search)) found.push(position);
        continue;
      }
      if (query.includeDeleted === false && user.deletedAt) continue;
      if (query.includeDeleted === 'only' && !user.deletedAt) continue;
      if (search && !search(userSearchText(user))) continue;
      if (query.status && !query.status.includes(displayStatus(user, now))) continue;
      if (query.role && !query.role.includes(user.role)) continue;
      if (query.groupId && !user.groupIds.includes(query.groupId)) continue;
      found.push(position);
    }
    cached = { key, positions: Int32Array.from(found) };
    return cached.positions;
  };

  const write = (ids: string[], change: (user: User) => User | string): BulkResult => {
    const result: BulkResult = { succeeded: [], failed: [] };
    for (const id of ids) {
      const position = positionOf(id);
      if (position === undefined) {
        result.failed.push({ id, code: 'not_found', message: 'no such user' });
        continue;
      }
      const next = change(userAt(position));
      if (typeof next === 'string') result.failed.push({ id, code: 'rule', message: next });
      else {
        changed.set(id, { ...next, version: next.version + 1 });
        result.succeeded.push(id);
      }
    }
    if (result.succeeded.length > 0) emit(result.succeeded);
    return result;
  };
  const isOwner = (user: User) => user.id === idOf(0);

  const users: Partial<Backend> = {
    capabilities: { ...inner.capabilities, offsetPaging: options.offsetPaging ?? true },
    async listUsers(query): Promise<Page<User>> {
      const positions = matching(query);
      const total = positions ? positions.length : options.size;
      const start = query.offset ?? (query.cursor ? Number(query.cursor) : 0);
      const end = Math.min(total, start + query.limit);
      const items: User[] = [];
      for (let i = start; i < end; i += 1) {
        const ordinal = query.sort.direction === 'desc' ? total - 1 - i : i;
        items.push(userAt(positions ? positions[ordinal]! : ordinal));
      }
      return { items, total, nextCursor: end < total ? String(end) : null };
    },
    async getUser(id) {
      const position = positionOf(id);
      return position === undefined ? null : userAt(position);
    },
    async setActive(ids, active) {
      return write(ids, (user) =>
        !active && isOwner(user)
          ? 'the last owner cannot be deactivated'
          : { ...user, status: active ? (user.lastLoginAt ? 'active' : 'invited') : 'inactive' },
      );
    },
    async deleteUsers(ids) {
      return write(ids, (user) =>
        isOwner(user) ? 'the last owner cannot be deleted' : { ...user, deletedAt: CREATED },
      );
    },
    async restoreUser(id) {
      write([id], (user) => ({ ...user, deletedAt: null }));
      return userAt(positionOf(id)!);
    },
    async resendInvites(ids) {
      return write(ids, (user) => (user.lastLoginAt ? 'already signed in' : user));
    },
    async resetPasswords(ids) {
      return write(ids, (user) => user);
    },
    subscribe(listener) {
      listeners.add(listener);
      const stop = inner.subscribe(listener);
      return () => {
        listeners.delete(listener);
        stop();
      };
    },
  };

  return new Proxy(inner as unknown as Backend, {
    get(target, property, receiver) {
      if (property in users) return users[property as keyof Backend];
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
