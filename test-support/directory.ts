/**
 * Large synthetic directories for benches, browser tests and stories: a million users
 * as stored records, built directly (no rules engine, no validation), in about a second,
 * and a memory backend seeded with them through its bulk path (`trustSeed`).
 */
import type { Group } from '@roster/core';
import {
  foldText,
  type LocalBackend,
  type LocalBackendOptions,
  type UserRecord,
} from '@roster/core/backend-kit';
import { memoryBackend } from '@roster/adapters/memory';

const FIRST = [
  'Anna',
  'Ben',
  'Björn',
  'Carla',
  'David',
  'Dev',
  'Emeka',
  'Émile',
  'Fatima',
  'François',
  'Grace',
  'Hiro',
  'Ines',
  'Johanna',
  'John',
  'Jun',
  'Lerato',
  'Maria',
  'Nomvula',
  'Olga',
  'Pieter',
  'Priya',
  'Seán',
  'Sipho',
  'Thabo',
  'Wei',
  'Yusuf',
  'Zoë',
];
const LAST = [
  'Berg',
  'Botha',
  'de la Cruz',
  'Diaz',
  'Dupont',
  'Ek',
  'Hopper',
  'Khumalo',
  'Lee',
  'Müller',
  'Naidoo',
  'Ng',
  "O'Brien",
  'Okafor',
  'Park',
  'Patel',
  'Rossi',
  'Silva',
  'Smith',
  'Smith-Jones',
  'Tanaka',
  'van Wyk',
];
const DOMAINS = [
  'acme.example',
  'acme.example',
  'acme.example',
  'globex.example',
  'initech.example',
];
const GROUP_NAMES = ['Sales', 'Support', 'Night shift', 'Operations', 'Drivers'];
const DAY = 86_400_000;

/** A directory of stored records (see the module comment). */
export interface SyntheticDirectory {
  users: UserRecord[];
  groups: Group[];
}

/** Options of {@link syntheticDirectory}. */
export interface SyntheticDirectoryOptions {
  /** The instant statuses are relative to (default 2026-03-01T12:00Z). */
  asOf?: Date;
}

/** ASCII slug of a name part, for email addresses (`Seán` → `sean`, `O'Brien` → `obrien`). */
function slug(text: string): string {
  return foldText(text).replace(/[^a-z0-9]+/g, '');
}

/**
 * `count` users, deterministic for a count: names from 28 × 22 first and last names
 * (accents, apostrophes, hyphens), a unique email for nine in ten (`first.last<i>@…`, three
 * domains), a unique South African mobile for six in ten, an external ID (`EMP-0000042`)
 * for four in ten, roles (one owner, 5 % admins), statuses (about 60 % active, 10 %
 * inactive, the rest invited: pending, expired or bounced) and up to two of five groups.
 * User `i` has id `user-<i>` (zero-padded to 7 digits), so tests can address rows.
 */
export function syntheticDirectory(
  count: number,
  options: SyntheticDirectoryOptions = {},
): SyntheticDirectory {
  const now = (options.asOf ?? new Date('2026-03-01T12:00:00.000Z')).getTime();
  const createdAt = new Date(now - 400 * DAY).toISOString();
  const groups: Group[] = GROUP_NAMES.map((name, i) => ({
    id: `group-${i}`,
    name,
    externalId: null,
    description: '',
    resources: [],
    version: 1,
    createdAt,
    updatedAt: createdAt,
  }));
  // Values many users share are made once and shared (records are never mutated in
  // place: the store replaces them on write and copies them on read), so a million users
  // cost their unique strings and little else.
  const day = (offset: number) => new Date(now - offset * DAY).toISOString();
  const days = Array.from({ length: 400 }, (_, offset) => day(offset));
  const names = FIRST.map((first) => LAST.map((last) => `${first} ${last}`));
  const locals = FIRST.map((first) => LAST.map((last) => `${slug(first)}.${slug(last)}`));
  const memberships = Array.from({ length: 32 }, (_, mask) =>
    groups
      .filter((_, g) => mask & (1 << g))
      .map((group) => group.id)
      .slice(0, 2),
  );
  const invitations = Array.from({ length: 30 }, (_, k) => {
    const sent = now - (k % 14) * DAY;
    const bounced = k >= 26;
    return {
      channel: 'email' as const,
      sentAt: new Date(sent).toISOString(),
      expiresAt: new Date(sent + 7 * DAY).toISOString(),
      sendCount: 1,
      bouncedAt: bounced ? new Date(sent + 60_000).toISOString() : null,
      bounceReason: bounced ? '550 unknown mailbox' : null,
    };
  });
  const smsInvitations = invitations.map((invitation) => ({
    ...invitation,
    channel: 'sms' as const,
  }));
  const users = new Array<UserRecord>(count);
  for (let i = 0; i < count; i++) {
    // Multiplicative hashes of i: well spread, cheap, deterministic.
    const h = Math.imul(i + 1, 0x9e3779b1) >>> 0;
    const f = h % FIRST.length;
    const l = (h >>> 8) % LAST.length;
    const serial = String(i).padStart(7, '0');
    const hasEmail = h % 10 !== 0;
    const hasPhone = !hasEmail || (h >>> 4) % 10 < 6;
    const kind = (h >>> 12) % 100;
    const stamp = days[(h >>> 3) % 400]!;
    let mask = 0;
    for (let g = 0; g < groups.length; g++) if (((h >>> (g * 3)) & 7) === g) mask |= 1 << g;
    const active = i === 0 || kind < 60;
    users[i] = {
      id: `user-${serial}`,
      name: names[f]![l]!,
      email: hasEmail ? `${locals[f]![l]!}${i}@${DOMAINS[(h >>> 16) % DOMAINS.length]!}` : null,
      phone: hasPhone ? `+2782${serial}` : null,
      role: i === 0 ? 'owner' : (h >>> 20) % 20 === 0 ? 'admin' : 'member',
      groupIds: memberships[mask]!,
      notes: '',
      externalId: (h >>> 6) % 10 < 4 ? `EMP-${serial}` : null,
      status: active ? 'active' : kind < 70 ? 'inactive' : 'invited',
      invitation: kind >= 70 ? (hasEmail ? invitations : smsInvitations)[kind - 70]! : null,
      lastLoginAt: active ? days[kind % 30]! : null,
      deletedAt: null,
      version: 1,
      createdAt: stamp,
      updatedAt: stamp,
    };
  }
  return { users, groups };
}

/**
 * A memory backend holding {@link syntheticDirectory}`(count)`, seeded through the bulk
 * path, which also builds the keyword index: a million users take tens of seconds (most of
 * it the index), and every search after that uses the index.
 *
 * @example
 * ```ts
 * const backend = syntheticMemoryBackend(1_000_000);
 * const roster = createRoster({ backend, actor: { id: 'user-0000000' } });
 * ```
 */
export function syntheticMemoryBackend(
  count: number,
  options: LocalBackendOptions & SyntheticDirectoryOptions = {},
): LocalBackend {
  const { asOf, ...ports } = options;
  const seed = syntheticDirectory(count, asOf ? { asOf } : {});
  return memoryBackend({ ...ports, seed, trustSeed: true });
}
