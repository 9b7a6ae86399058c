import {
  normalizeEmail,
  normalizeGroupName,
  type AccountSettings,
  type AuditEvent,
  type Device,
  type Group,
  type Message,
} from '@roster/core';
import { UserSearchIndex } from './search-index.js';
import type { UserRecord, UserKey } from '@roster/core/backend-kit';

/** Adds `id` to the set under `key`, creating it. */
function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function removeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}

/** The unique keys a user holds (email normalised), for the unique-key index. */
function userKeys(user: UserRecord): [UserKey, string][] {
  const keys: [UserKey, string][] = [];
  if (user.email !== null) keys.push(['email', normalizeEmail(user.email)]);
  if (user.phone !== null) keys.push(['phone', user.phone]);
  if (user.externalId !== null) keys.push(['externalId', user.externalId]);
  return keys;
}

function groupKeys(group: Group): ['name' | 'externalId', string][] {
  const keys: ['name' | 'externalId', string][] = [['name', normalizeGroupName(group.name)]];
  if (group.externalId !== null) keys.push(['externalId', group.externalId]);
  return keys;
}

/**
 * The records of a memory store with the indexes its queries use. Every mutation
 * returns its own inverse, so a transaction can keep an undo log and roll back exactly
 * what it wrote. Records are stored as given: callers clone on the way in and out.
 */
export class MemoryData {
  readonly users = new Map<string, UserRecord>();
  readonly groups = new Map<string, Group>();
  readonly devices = new Map<string, Device>();
  settings: AccountSettings | undefined;
  /** Outbox in insertion order; `messageIndex` maps id → position. */
  readonly messages: Message[] = [];
  readonly messageIndex = new Map<string, number>();
  readonly audit: AuditEvent[] = [];

  readonly userKeyIndex = new Map<string, string>();
  readonly usersByRole = new Map<string, Set<string>>();
  readonly deletedUsers = new Set<string>();
  readonly groupKeyIndex = new Map<string, string>();
  readonly devicesByUser = new Map<string, Set<string>>();
  /** Keyword index over the users (kept on every write). */
  readonly userSearch = new UserSearchIndex();

  /** Grows on every user change (and undo): query caches are valid for one generation. */
  userGeneration = 0;
  /**
   * Ids of users written since the user queries last caught up (they read and clear it),
   * so their sorted lists are patched instead of sorted again.
   */
  readonly changedUsers = new Set<string>();
  groupGeneration = 0;

  /** Index key of a unique value. */
  static key(kind: string, value: string): string {
    return `${kind}\u0000${value}`;
  }

  setUser(id: string, user: UserRecord | undefined): () => void {
    const previous = this.users.get(id);
    if (previous) {
      for (const [kind, value] of userKeys(previous)) {
        const key = MemoryData.key(kind, value);
        if (this.userKeyIndex.get(key) === id) this.userKeyIndex.delete(key);
      }
      removeFrom(this.usersByRole, previous.role, id);
      this.deletedUsers.delete(id);
    }
    if (user) {
      this.users.set(id, user);
      for (const [kind, value] of userKeys(user))
        this.userKeyIndex.set(MemoryData.key(kind, value), id);
      addTo(this.usersByRole, user.role, id);
      if (user.deletedAt !== null) this.deletedUsers.add(id);
    } else this.users.delete(id);
    this.userSearch.set(id, user);
    this.changedUsers.add(id);
    this.userGeneration++;
    return () => void this.setUser(id, previous);
  }

  setGroup(id: string, group: Group | undefined): () => void {
    const previous = this.groups.get(id);
    if (previous)
      for (const [kind, value] of groupKeys(previous)) {
        const key = MemoryData.key(kind, value);
        if (this.groupKeyIndex.get(key) === id) this.groupKeyIndex.delete(key);
      }
    if (group) {
      this.groups.set(id, group);
      for (const [kind, value] of groupKeys(group))
        this.groupKeyIndex.set(MemoryData.key(kind, value), id);
    } else this.groups.delete(id);
    this.groupGeneration++;
    return () => void this.setGroup(id, previous);
  }

  setDevice(id: string, device: Device | undefined): () => void {
    const previous = this.devices.get(id);
    if (previous) removeFrom(this.devicesByUser, previous.userId, id);
    if (device) {
      this.devices.set(id, device);
      addTo(this.devicesByUser, device.userId, id);
    } else this.devices.delete(id);
    return () => void this.setDevice(id, previous);
  }

  setSettings(settings: AccountSettings | undefined): () => void {
    const previous = this.settings;
    this.settings = settings;
    return () => void this.setSettings(previous);
  }

  putMessage(message: Message): () => void {
    const index = this.messageIndex.get(message.id);
    if (index !== undefined) {
      const previous = this.messages[index]!;
      this.messages[index] = message;
      return () => void (this.messages[index] = previous);
    }
    this.messageIndex.set(message.id, this.messages.length);
    this.messages.push(message);
    return () => {
      this.messages.pop();
      this.messageIndex.delete(message.id);
    };
  }

  addAudit(event: AuditEvent): () => void {
    this.audit.push(event);
    return () => void this.audit.pop();
  }
}
