/**
 * Names and constants of the database layout. The layout itself is built by the
 * `migrations` (see migrations.ts); this file only names what they create.
 */

/** The schema version this code reads and writes. */
export const DB_VERSION = 4;

/** Object stores of the current layout. */
export const STORE = {
  users: 'users',
  groups: 'groups',
  devices: 'devices',
  /** Outbox, out-of-line auto-increment keys: the key order is the insertion order. */
  messages: 'messages',
  /** Audit trail in chunks of events (see `AuditChunk`), keyed by an auto-increment `_seq`. */
  audit: 'audit',
  /** Out-of-line keys: `settings`, the key filter header and its segments. */
  meta: 'meta',
  /** Materialised user counts per (deleted, status, role) and per group (see counters.ts). */
  counts: 'counts',
} as const;

/** Every store a domain transaction may touch. */
export const ALL_STORES: string[] = Object.values(STORE);

/** Indexes of the users store. */
export const USER_INDEX = {
  /** Normalised email (`_email`), unique. */
  email: 'email',
  /** E.164 phone, unique (users without a phone are not in the index). */
  phone: 'phone',
  externalId: 'externalId',
  /** Sort indexes: [deleted flag, sort value, id]. */
  name: 'byName',
  sortEmail: 'byEmail',
  role: 'byRole',
  createdAt: 'byCreatedAt',
  lastLoginAt: 'byLastLogin',
  /** [deleted flag, status key, id]: status sort, status filter, expiry splits. */
  status: 'byStatus',
  /** [deleted flag, status key, folded name, id]: a status view's pages by name (v3). */
  statusName: 'byStatusName',
  /** Group membership: multiEntry over `groupIds`. */
  groups: 'groups',
  /** Search tokens: multiEntry over `_words` (word and phone-form prefixes are ranges on it; v4 tokens). */
  words: 'words',
  /** Deletion time in ms (`_delAt`), for purging. */
  deletedAt: 'deletedAt',
  /** [deleted flag, invitation expiry ms] of pending invitations, for the `expired` view. */
  expiry: 'expiry',
} as const;

export const GROUP_INDEX = {
  /** Normalised name (`_key`), unique. */
  key: 'key',
  externalId: 'externalId',
  /** [folded name, id]: the listing order. */
  name: 'byName',
  words: 'words',
} as const;

export const DEVICE_INDEX = { user: 'userId' } as const;
export const MESSAGE_INDEX = { id: 'id', user: 'userId', kind: 'kind' } as const;
export const AUDIT_INDEX = { subjects: 'subjects', actions: 'actions' } as const;

/** Keys in the meta store. */
export const META = {
  settings: 'settings',
  keyFilter: 'keyFilter',
} as const;

/**
 * A key above every string, number and `[]`: the upper end of "everything under a prefix"
 * ranges (`[prefix, HIGH]`). Arrays sort after all other key types, and `[]` (used as
 * the "no value" sort key, which sorts last) is a prefix of, hence below, `[[]]`.
 */
export const HIGH: IDBValidKey = [[]];

/** The sort key of a missing value (`null`): sorts after every string and number. */
export const NONE: IDBValidKey = [];
