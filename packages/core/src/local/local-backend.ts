import type {
  Backend,
  BackendCapabilities,
  CallOptions,
  ChangeListener,
  CreateUsersOptions,
  LoginResult,
  UserDataExport,
  UserUpdate,
  VersionedCallOptions,
} from '../backend.js';
import type {
  AccountSettings,
  AuditEvent,
  AuditQuery,
  BulkResult,
  CreateGroupInput,
  Device,
  DeviceInput,
  Group,
  GroupPatch,
  GroupQuery,
  Message,
  MessageQuery,
  NewUser,
  Page,
  SettingsPatch,
  User,
  UserLookup,
  UserQuery,
} from '../model/index.js';
import {
  outboxOnlyMailer,
  randomId,
  systemClock,
  type Clock,
  type IdGenerator,
  type Mailer,
} from '../ports.js';
import type { Store } from '../store.js';
import { ChangeHub } from './change-hub.js';
import type { LocalContext } from './context.js';
import {
  getGroup,
  getUser,
  listAudit,
  listGroups,
  listMessages,
  listUsers,
  lookupUsers,
} from './reads.js';
import { getSettings } from './settings.js';
import type * as WriteRules from './write-rules.js';

/**
 * Lazy boundary: the write rules (write-rules.ts) load on the first write or device call,
 * before its transaction opens; a page that only reads never downloads them.
 */
let writeRulesModule: Promise<typeof WriteRules> | undefined;
const writeRules = () => (writeRulesModule ??= import('./write-rules.js'));

/** Options of {@link LocalBackend}. */
export interface LocalBackendOptions {
  /** The clock every time rule reads (expiry, retention, device LRU). Default: system time. */
  now?: Clock;
  /** Delivers invitations, resets and exports. Default: record in the outbox only. */
  mailer?: Mailer;
  /** Generates ids of devices, messages, audit events and groups. Default: random UUIDs. */
  ids?: IdGenerator;
}

/**
 * The rule engine of the local backends: every rule of the Backend contract (unique
 * email/phone, invitation lifecycle, device limit, last owner, soft delete and
 * retention, versions, audit trail, outbox) implemented once over a transactional
 * {@link Store}. The memory and IndexedDB backends are this class over their store.
 *
 * Each call runs in one store transaction, so a failure leaves nothing half-written;
 * messages go to the mailer after the transaction commits, and a rejected invitation
 * marks the user bounced and notifies the account's active owners and admins.
 *
 * @example
 * ```ts
 * import { LocalBackend } from '@roster/core/backend-kit';
 * import { memoryStore } from '@roster/adapters/memory';
 *
 * const backend = new LocalBackend(memoryStore(), { mailer: { send: (m) => smtp.send(m) } });
 * const roster = createRoster({ backend, actor: { id: 'admin-1', name: 'Ann' } });
 * ```
 */
export class LocalBackend implements Backend {
  // Methods are async so that invalid input rejects (never throws synchronously).
  readonly capabilities: BackendCapabilities;
  readonly #ctx: LocalContext;
  readonly #hub = new ChangeHub();
  readonly #stopRemote: (() => void) | undefined;

  constructor(store: Store, options: LocalBackendOptions = {}) {
    this.#ctx = {
      store,
      now: options.now ?? systemClock,
      mailer: options.mailer ?? outboxOnlyMailer,
      ids: options.ids ?? randomId,
      hub: this.#hub,
    };
    this.capabilities = {
      devices: true,
      invitations: true,
      passwordReset: true,
      softDelete: true,
      audit: true,
      outbox: true,
      dataExport: true,
      offsetPaging: true,
      remoteEvents: Boolean(store.onRemoteChange),
    };
    this.#stopRemote = store.onRemoteChange?.((event) =>
      this.#hub.emit({ kind: event.kind, ids: event.ids, origin: 'remote' }),
    );
  }

  async listUsers(query: UserQuery, options?: CallOptions): Promise<Page<User>> {
    return listUsers(this.#ctx, query, options);
  }
  async getUser(id: string, options?: CallOptions): Promise<User | null> {
    return getUser(this.#ctx, id, options);
  }
  async lookupUsers(lookup: UserLookup, options?: CallOptions): Promise<User[]> {
    return lookupUsers(this.#ctx, lookup, options);
  }
  async createUsers(users: NewUser[], options?: CreateUsersOptions): Promise<BulkResult> {
    return (await writeRules()).createUsers(this.#ctx, users, options);
  }
  async updateUsers(updates: UserUpdate[], options?: CallOptions): Promise<BulkResult> {
    return (await writeRules()).updateUsers(this.#ctx, updates, options);
  }
  async resendInvites(ids: string[], options?: CallOptions): Promise<BulkResult> {
    return (await writeRules()).resendInvites(this.#ctx, ids, options);
  }
  async setActive(ids: string[], active: boolean, options?: CallOptions): Promise<BulkResult> {
    return (await writeRules()).setActive(this.#ctx, ids, active, options);
  }
  async deleteUsers(ids: string[], options?: CallOptions): Promise<BulkResult> {
    return (await writeRules()).deleteUsers(this.#ctx, ids, options);
  }
  async restoreUser(id: string, options?: CallOptions): Promise<User> {
    return (await writeRules()).restoreUser(this.#ctx, id, options);
  }
  async purgeDeleted(options?: CallOptions): Promise<string[]> {
    return (await writeRules()).purgeDeleted(this.#ctx, options);
  }
  async resetPasswords(ids: string[], options?: CallOptions): Promise<BulkResult> {
    return (await writeRules()).resetPasswords(this.#ctx, ids, options);
  }
  async requestUserData(id: string, options?: CallOptions): Promise<UserDataExport> {
    return (await writeRules()).requestUserData(this.#ctx, id, options);
  }

  async recordLogin(
    userId: string,
    device: DeviceInput,
    options?: CallOptions,
  ): Promise<LoginResult> {
    return (await writeRules()).recordLogin(this.#ctx, userId, device, options);
  }
  async listDevices(userId: string, options?: CallOptions): Promise<Device[]> {
    return (await writeRules()).listDevices(this.#ctx, userId, options);
  }
  async signOutDevice(deviceId: string, options?: CallOptions): Promise<void> {
    return (await writeRules()).signOutDevice(this.#ctx, deviceId, options);
  }

  async listGroups(query: GroupQuery, options?: CallOptions): Promise<Page<Group>> {
    return listGroups(this.#ctx, query, options);
  }
  async getGroup(id: string, options?: CallOptions): Promise<Group | null> {
    return getGroup(this.#ctx, id, options);
  }
  async createGroup(input: CreateGroupInput, options?: CallOptions): Promise<Group> {
    return (await writeRules()).createGroup(this.#ctx, input, options);
  }
  async updateGroup(id: string, patch: GroupPatch, options: VersionedCallOptions): Promise<Group> {
    return (await writeRules()).updateGroup(this.#ctx, id, patch, options);
  }
  async deleteGroup(id: string, options?: CallOptions): Promise<void> {
    return (await writeRules()).deleteGroup(this.#ctx, id, options);
  }
  async addMembers(groupId: string, userIds: string[], options?: CallOptions): Promise<BulkResult> {
    return (await writeRules()).changeMembers(this.#ctx, groupId, userIds, true, options);
  }
  async removeMembers(
    groupId: string,
    userIds: string[],
    options?: CallOptions,
  ): Promise<BulkResult> {
    return (await writeRules()).changeMembers(this.#ctx, groupId, userIds, false, options);
  }

  async getSettings(options?: CallOptions): Promise<AccountSettings> {
    return getSettings(this.#ctx, options);
  }
  async updateSettings(
    patch: SettingsPatch,
    options: VersionedCallOptions,
  ): Promise<AccountSettings> {
    return (await writeRules()).updateSettings(this.#ctx, patch, options);
  }
  async listMessages(query: MessageQuery, options?: CallOptions): Promise<Page<Message>> {
    return listMessages(this.#ctx, query, options);
  }
  async listAudit(query: AuditQuery, options?: CallOptions): Promise<Page<AuditEvent>> {
    return listAudit(this.#ctx, query, options);
  }

  subscribe(listener: ChangeListener): () => void {
    return this.#hub.subscribe(listener);
  }

  async close(): Promise<void> {
    this.#stopRemote?.();
    await this.#ctx.store.close();
  }
}
