import type { CallOptions } from '../backend.js';
import {
  AuditQuery,
  GroupQuery,
  MessageQuery,
  UserQuery,
  type AuditEvent,
  type BulkResult,
  type Group,
  type Message,
  type NewUser,
  type User,
  type UserQueryInput,
} from '../model/index.js';
import type { RosterErrorCode } from '../errors/index.js';
import { assert } from './assert.js';
import { allPages } from './peek.js';
import type { CaseContext } from './types.js';

let serial = 0;

/** A valid new user with a fresh id and a unique email; `overrides` win. */
export function newUser(overrides: Partial<NewUser> = {}): NewUser {
  serial += 1;
  const id = globalThis.crypto.randomUUID();
  return {
    id,
    name: `Test User ${serial}`,
    email: `user${serial}-${id.slice(0, 8)}@example.com`,
    phone: null,
    role: 'member',
    groupIds: [],
    notes: '',
    externalId: null,
    ...overrides,
  };
}

/** Call options carrying the case's actor. */
export function as(t: CaseContext, extra: Omit<CallOptions, 'actor'> = {}): CallOptions {
  return { actor: t.actor, ...extra };
}

/** Creates users, asserts they all succeeded and returns them as stored. */
export async function createUsers(
  t: CaseContext,
  users: NewUser[],
  options: { invite?: boolean } = {},
): Promise<User[]> {
  const result = await t.backend.createUsers(users, { ...as(t), invite: options.invite ?? false });
  assert.deepEqual(result.failed, [], 'createUsers: no failures');
  assert.sameMembers(
    result.succeeded,
    users.map((u) => u.id),
    'createUsers: every id succeeded',
  );
  return Promise.all(users.map((u) => mustGetUser(t, u.id)));
}

/** Creates one user (see {@link newUser}) and returns it as stored. */
export async function createUser(
  t: CaseContext,
  overrides: Partial<NewUser> = {},
  options: { invite?: boolean } = {},
): Promise<User> {
  const [user] = await createUsers(t, [newUser(overrides)], options);
  return user!;
}

/** Reads a user that must exist. */
export async function mustGetUser(t: CaseContext, id: string): Promise<User> {
  const user = await t.backend.getUser(id, as(t));
  assert.ok(user, `getUser(${id}) returned null for a user that should exist`);
  assert.equal(user.id, id, 'getUser returns the requested user');
  return user;
}

/** Runs `check` on the peeked user when the backend has a peek. */
export async function peekUser(
  t: CaseContext,
  id: string,
  check: (user: User | null) => void,
): Promise<void> {
  if (t.peek) check(await t.peek.user(id));
}

/** Runs `check` on the peeked group when the backend has a peek. */
export async function peekGroup(
  t: CaseContext,
  id: string,
  check: (group: Group | null) => void,
): Promise<void> {
  if (t.peek) check(await t.peek.group(id));
}

/** Every user matching `query`, fetched page by page through the backend. */
export function listAllUsers(t: CaseContext, query: UserQueryInput = {}): Promise<User[]> {
  return allPages(async (cursor) =>
    t.backend.listUsers(UserQuery.parse({ limit: 1000, ...query, cursor }), as(t)),
  );
}

/** Ids of every user matching `query`. */
export async function listIds(t: CaseContext, query: UserQueryInput = {}): Promise<string[]> {
  return (await listAllUsers(t, query)).map((user) => user.id);
}

/** Every outbox message (optionally of one user), through the backend. */
export function listMessages(t: CaseContext, userId?: string): Promise<Message[]> {
  return allPages((cursor) =>
    t.backend.listMessages(MessageQuery.parse({ limit: 1000, userId, cursor }), as(t)),
  );
}

/** Every audit event (optionally about one user), through the backend. */
export function listAudit(t: CaseContext, userId?: string): Promise<AuditEvent[]> {
  return allPages((cursor) =>
    t.backend.listAudit(AuditQuery.parse({ limit: 1000, userId, cursor }), as(t)),
  );
}

/** Every group, through the backend. */
export function listAllGroups(t: CaseContext): Promise<Group[]> {
  return allPages((cursor) =>
    t.backend.listGroups(GroupQuery.parse({ limit: 1000, cursor }), as(t)),
  );
}

/** Asserts a bulk result: exactly `succeeded` succeeded and each of `failed` failed with its code. */
export function expectBulk(
  result: BulkResult,
  succeeded: string[],
  failed: Record<string, RosterErrorCode> = {},
  what = 'bulk result',
): void {
  assert.sameMembers(result.succeeded, succeeded, `${what}: succeeded ids`);
  const actual = Object.fromEntries(result.failed.map((f) => [f.id, f.code]));
  assert.deepEqual(actual, failed, `${what}: failed ids and codes`);
  for (const failure of result.failed)
    assert.ok(
      typeof failure.message === 'string' && failure.message.length > 0,
      `${what}: failure of ${failure.id} carries a reason`,
    );
}

/** Lets queued change events reach their listeners. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Milliseconds in a day. */
export const DAY = 24 * 60 * 60 * 1000;

/** ISO time `days` days after `iso`. */
export function plusDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * DAY).toISOString();
}
