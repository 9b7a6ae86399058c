import type { ChangeEvent, ChangeKind } from '../backend.js';
import { fieldOfError, isRosterError, type RosterError } from '../errors/index.js';
import type {
  AccountSettings,
  Actor,
  AuditEvent,
  BulkResult,
  Message,
  UserRecord,
} from '../model/index.js';
import type { StoreWriter } from '../store.js';
import type { LocalContext } from './context.js';

/*
 * What only the write rules use: a write transaction's state and the helpers of writes.
 * A file apart from `context.ts` (which the reads use), so that it loads with the write
 * rules (`write-rules.ts`) instead of on a page's first load.
 */

/** Emits committed changes to this page's subscribers and announces them to other tabs. */
export function publish(ctx: LocalContext, events: ChangeEvent[]): void {
  for (const event of events) {
    ctx.hub.emit(event);
    ctx.store.announce?.(event);
  }
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

/** Change ids collected during one transaction, by kind, emitted after it commits. */
export class ChangeSet {
  readonly #byKind = new Map<ChangeKind, Set<string>>();

  add(kind: ChangeKind, ...ids: string[]): void {
    let set = this.#byKind.get(kind);
    if (!set) this.#byKind.set(kind, (set = new Set()));
    for (const id of ids) set.add(id);
  }

  /** One event per touched kind (a kind touched without ids still yields an event). */
  events(): ChangeEvent[] {
    return [...this.#byKind].map(([kind, ids]) => ({
      kind,
      ids: [...ids],
      origin: 'local' as const,
    }));
  }
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
