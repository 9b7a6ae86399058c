import type { Message, OutgoingMessage, UserRecord } from '../model/index.js';
import { loadSettings, type LocalContext } from './context.js';
import { adminRoleIds, bumped, publish, Work } from './work.js';
import { bounceNoticeDraft } from './messages.js';

/** Messages handed to the mailer at once; keeps a slow mail API from being flooded. */
const MAIL_CONCURRENCY = 8;

/** Users per admin role that receive a bounce notice (a directory has few admins). */
const MAX_NOTIFIED_PER_ROLE = 1000;

/**
 * Hands committed outbox messages to the mailer. A rejected delivery marks the message
 * `failed` (with the mailer's reason); a rejected invitation also marks the user's
 * invitation bounced and records a `bounce_notice` for every owner/admin who is not deactivated, which
 * are delivered in turn (their own failures are only recorded: no notices about notices).
 *
 * Resolves to the messages as finally stored.
 */
export async function deliver(
  ctx: LocalContext,
  messages: readonly Message[],
  notifyBounces: boolean,
): Promise<Message[]> {
  const failures = new Map<string, string>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < messages.length) {
      const message = messages[next++]!;
      try {
        await ctx.mailer.send(outgoing(message));
      } catch (error) {
        failures.set(message.id, reasonOf(error));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(MAIL_CONCURRENCY, messages.length) }, worker));
  if (failures.size === 0) return [...messages];

  const failed = messages.filter((message) => failures.has(message.id));
  const now = ctx.now();
  let notices: Message[] = [];
  const work = await ctx.store.write(async (tx) => {
    const w = new Work(tx, ctx, null, now, await loadSettings(tx));
    for (const message of failed) {
      const reason = failures.get(message.id)!;
      await tx.putMessage({ ...message, status: 'failed', error: reason });
      w.changed('messages', message.id);
      if (notifyBounces && message.kind === 'invitation' && message.userId)
        await markBounced(w, message.userId, reason);
    }
    return w;
  });
  notices = work.outbox;
  publish(ctx, work.changes.events());
  if (notices.length) await deliver(ctx, notices, false);
  return messages.map((message) =>
    failures.has(message.id)
      ? { ...message, status: 'failed', error: failures.get(message.id)! }
      : message,
  );
}

async function markBounced(w: Work, userId: string, reason: string): Promise<void> {
  const user = await w.tx.getUser(userId);
  // Only a pending invitation can bounce: a user who signed in meanwhile has moved on.
  if (!user?.invitation || user.status !== 'invited' || user.deletedAt !== null) return;
  const after: UserRecord = {
    ...bumped(user, w.now),
    invitation: { ...user.invitation, bouncedAt: w.nowIso, bounceReason: reason },
  };
  await w.tx.putUser(after);
  w.changed('users', user.id);
  await w.audit({
    action: 'user.invite_bounce',
    targetType: 'user',
    targetId: user.id,
    userId: user.id,
    before: user,
    after,
  });
  for (const admin of await activeAdmins(w))
    await w.record(bounceNoticeDraft(admin, after, reason));
}

/**
 * Live holders of owner and admin roles who are not deactivated. Invited admins count:
 * the notice reaches them by mail whether or not they have signed in yet.
 */
async function activeAdmins(w: Work): Promise<UserRecord[]> {
  const admins = new Map<string, UserRecord>();
  for (const role of adminRoleIds(w.settings)) {
    for (const user of await w.tx.listUsersByRole(role, MAX_NOTIFIED_PER_ROLE))
      if (user.status !== 'inactive' && user.deletedAt === null) admins.set(user.id, user);
  }
  return [...admins.values()];
}

function outgoing(message: Message): OutgoingMessage {
  const { kind, channel, to, userId, subject, body, attachments } = message;
  return { kind, channel, to, userId, subject, body, attachments: structuredClone(attachments) };
}

function reasonOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return typeof error === 'string' && error ? error : 'delivery was rejected';
}
