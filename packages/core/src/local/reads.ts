import type { CallOptions } from '../backend.js';
import { parseOrThrow } from '../errors/index.js';
import {
  AuditQuery,
  GroupQuery,
  MessageQuery,
  normalizeEmail,
  UserQuery,
  type AuditEvent,
  type Group,
  type Message,
  type Page,
  type User,
  withDisplayStatus,
  type UserLookup,
} from '../model/index.js';
import { addDays, findUser, type LocalContext } from './context.js';
import { readWork } from './read-work.js';

/** `Backend.getUser`: deleted users included, `null` once past retention (purged on read). */
export function getUser(
  ctx: LocalContext,
  id: string,
  options: CallOptions | undefined,
): Promise<User | null> {
  return readWork(ctx, options, async (tx, settings, now) => {
    const user = await findUser(tx, id, settings, now);
    return user ? withDisplayStatus(user, now) : null;
  });
}

/**
 * `Backend.listUsers`, pushed down to the store. A list that shows deleted users first
 * purges those past retention, so it never offers to restore what can no longer be.
 */
export async function listUsers(
  ctx: LocalContext,
  rawQuery: UserQuery,
  options: CallOptions | undefined,
): Promise<Page<User>> {
  const query = parseOrThrow(UserQuery, rawQuery, 'user query');
  if (query.includeDeleted !== false) {
    const due = await readWork(ctx, options, async (tx, settings, now) => {
      const cutoff = addDays(new Date(now.getTime() + 1), -settings.retentionDays);
      return (await tx.listDeletedBefore(cutoff)).length > 0;
    });
    if (due) {
      // The purge is a write rule (loaded on first use, before its transaction opens).
      const { purgeDeleted } = await import('./write-rules.js');
      await purgeDeleted(ctx, { ...options, actor: null });
    }
  }
  return readWork(ctx, options, async (tx, _settings, now) => {
    const page = await tx.queryUsers(query, now);
    return { ...page, items: page.items.map((user) => withDisplayStatus(user, now)) };
  });
}

/** `Backend.lookupUsers`: live users holding any of the keys (email case-insensitively). */
export function lookupUsers(
  ctx: LocalContext,
  lookup: UserLookup,
  options: CallOptions | undefined,
): Promise<User[]> {
  return readWork(ctx, options, async (tx, _settings, now) => {
    const ids = new Set<string>(lookup.ids ?? []);
    const keyed = [
      ['email', (lookup.emails ?? []).map(normalizeEmail)],
      ['phone', lookup.phones ?? []],
      ['externalId', lookup.externalIds ?? []],
    ] as const;
    for (const [key, values] of keyed) {
      for (const value of values) {
        const id = await tx.findUserId(key, value);
        if (id !== undefined) ids.add(id);
      }
    }
    const users: User[] = [];
    for (const id of ids) {
      const user = await tx.getUser(id);
      if (user && user.deletedAt === null) users.push(withDisplayStatus(user, now));
    }
    return users;
  });
}

export function getGroup(
  ctx: LocalContext,
  id: string,
  options: CallOptions | undefined,
): Promise<Group | null> {
  return readWork(ctx, options, async (tx) => (await tx.getGroup(id)) ?? null);
}

export function listGroups(
  ctx: LocalContext,
  query: GroupQuery,
  options: CallOptions | undefined,
): Promise<Page<Group>> {
  const parsed = parseOrThrow(GroupQuery, query, 'group query');
  return readWork(ctx, options, (tx) => tx.queryGroups(parsed));
}

export function listMessages(
  ctx: LocalContext,
  query: MessageQuery,
  options: CallOptions | undefined,
): Promise<Page<Message>> {
  const parsed = parseOrThrow(MessageQuery, query, 'message query');
  return readWork(ctx, options, (tx) => tx.queryMessages(parsed));
}

export function listAudit(
  ctx: LocalContext,
  query: AuditQuery,
  options: CallOptions | undefined,
): Promise<Page<AuditEvent>> {
  const parsed = parseOrThrow(AuditQuery, query, 'audit query');
  return readWork(ctx, options, (tx) => tx.queryAudit(parsed));
}
