import type { CallOptions, ChangeEvent, ChangeKind } from '../backend.js';
import { AbortedError, fieldOfError, isRosterError, type RosterError } from '../errors/index.js';
import {
  DEFAULT_SETTINGS,
  type AccountSettings,
  type Actor,
  type AuditEvent,
  type BulkResult,
  type Message,
  type UserRecord,
} from '../model/index.js';
import type { Clock, IdGenerator, Mailer } from '../ports.js';
import type { Store, StoreReader, StoreWriter } from '../store.js';
import { ChangeSet, type ChangeHub } from './change-hub.js';

/** What every part of the rule engine shares: the store and the injected ports. */
export interface LocalContext {
  readonly store: Store;
  readonly now: Clock;
  readonly mailer: Mailer;
  readonly ids: IdGenerator;
  readonly hub: ChangeHub;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** `iso` plus `days` days, as ISO. */
export function addDays(iso: string | Date, days: number): string {
  const ms = typeof iso === 'string' ? Date.parse(iso) : iso.getTime();
  return new Date(ms + days * DAY_MS).toISOString();
}

/** Emits committed changes to this page's subscribers and announces them to other tabs. */
export function publish(ctx: LocalContext, events: ChangeEvent[]): void {
  for (const event of events) {
    ctx.hub.emit(event);
    ctx.store.announce?.(event);
  }
}

/** Rejects a call whose signal is already aborted, before it touches anything. */
export function assertNotAborted(options: CallOptions | undefined): void {
  if (options?.signal?.aborted) throw new AbortedError();
}

/** Stored settings, or the defaults of a new account. */
export async function loadSettings(tx: StoreReader): Promise<AccountSettings> {
  return (await tx.getSettings()) ?? structuredClone(DEFAULT_SETTINGS);
}

/** True when the user was deleted so long ago that retention has lapsed (purged on read). */
export function isPastRetention(user: UserRecord, settings: AccountSettings, now: Date): boolean {
  return (
    user.deletedAt !== null && addDays(user.deletedAt, settings.retentionDays) <= now.toISOString()
  );
}

/** A stored user unless unknown or past retention (purged on read). */
export async function findUser(
  tx: StoreReader,
  id: string,
  settings: AccountSettings,
  now: Date,
): Promise<UserRecord | undefined> {
  const user = await tx.getUser(id);
  return user && !isPastRetention(user, settings, now) ? user : undefined;
}

/** A user as an admin reads it in messages: name and a contact, e.g. `Ann Lee (ann@acme.com)`. */
export function describeUser(user: Pick<UserRecord, 'name' | 'email' | 'phone'>): string {
  const contact = user.email ?? user.phone;
  return contact ? `${user.name} (${contact})` : user.name;
}

/** Roles whose holders are owners: the last live one cannot be deleted or deactivated. */
export function ownerRoleIds(settings: AccountSettings): string[] {
  return settings.roles.filter((role) => role.owner).map((role) => role.id);
}

/** Roles whose active holders administer the account and hear about bounced invitations. */
export function adminRoleIds(settings: AccountSettings): string[] {
  return settings.roles.filter((role) => role.owner || role.id === 'admin').map((role) => role.id);
}

/** The record after a write: version + 1, `updatedAt` now. */
export function bumped<T extends { version: number; updatedAt: string }>(record: T, now: Date): T {
  return { ...record, version: record.version + 1, updatedAt: now.toISOString() };
}

/** What an audit entry says, before the engine adds id, time and actor. */
export type AuditEntry = Pick<
  AuditEvent,
  'action' | 'targetType' | 'targetId' | 'userId' | 'before' | 'after'
>;

/**
 * One write transaction of the rule engine: the store's writer plus what the engine
 * needs to record alongside (audit entries in the same transaction; change events and
 * messages to deliver once it commits).
 */
export class Work {
  readonly changes = new ChangeSet();
  /** Messages recorded in the outbox by this transaction, delivered after it commits. */
  readonly outbox: Message[] = [];
  /** `now` as ISO: one time for every record the transaction writes. */
  readonly nowIso: string;

  constructor(
    readonly tx: StoreWriter,
    readonly ctx: LocalContext,
    readonly actor: Actor | null,
    readonly now: Date,
    readonly settings: AccountSettings,
  ) {
    this.nowIso = now.toISOString();
  }

  changed(kind: ChangeKind, ...ids: string[]): void {
    this.changes.add(kind, ...ids);
  }

  /** Records an audit event in this transaction. */
  audit(entry: AuditEntry): Promise<void> {
    return this.tx.addAudit({
      id: this.ctx.ids(),
      at: this.nowIso,
      actor: this.actor ? { ...this.actor } : null,
      ...entry,
    });
  }

  /** Records a message in the outbox (status `sent`) and queues it for delivery after commit. */
  async record(message: Omit<Message, 'id' | 'status' | 'error' | 'createdAt'>): Promise<Message> {
    const stored: Message = {
      id: this.ctx.ids(),
      ...message,
      status: 'sent',
      error: null,
      createdAt: this.nowIso,
    };
    await this.tx.putMessage(stored);
    this.outbox.push(stored);
    this.changed('messages', stored.id);
    return stored;
  }
}

/** Collects per-item outcomes of a bulk call. */
export class BulkCollector {
  readonly result: BulkResult = { succeeded: [], failed: [] };

  ok(id: string): void {
    this.result.succeeded.push(id);
  }

  fail(id: string, error: RosterError): void {
    const field = fieldOfError(error);
    this.result.failed.push(
      field !== undefined
        ? { id, code: error.code, message: error.message, field }
        : { id, code: error.code, message: error.message },
    );
  }

  /**
   * Runs one item: a `RosterError` fails only that item (the item validates before it
   * writes, so it never half-writes); any other error aborts the whole transaction.
   */
  async run(id: string, item: () => Promise<void>): Promise<void> {
    try {
      await item();
      this.ok(id);
    } catch (error) {
      if (isRosterError(error)) this.fail(id, error);
      else throw error;
    }
  }
}
