import type { CallOptions } from '../backend.js';
import { AbortedError } from '../errors/index.js';
import { DEFAULT_SETTINGS, type AccountSettings, type UserRecord } from '../model/index.js';
import type { Clock, IdGenerator, Mailer } from '../ports.js';
import type { Store, StoreReader } from '../store.js';
import type { ChangeHub } from './change-hub.js';

/**
 * What every part of the rule engine shares: the store and the injected ports. This file
 * holds what the reads use too; what only writes use (`Work`, `BulkCollector`, …) is in
 * `work.ts`, which loads with the write rules.
 */
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
