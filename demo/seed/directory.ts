import {
  DEFAULT_SETTINGS,
  type AccountSettings,
  type Actor,
  type AuditEvent,
  type Device,
  type Group,
  type Invitation,
  type Message,
  type NewUser,
} from '@roster/core';
import type { UserRecord } from '@roster/core/backend-kit';
import { APP_VERSIONS, DEVICES, FIRST_NAMES, GROUPS, LAST_NAMES } from './names.js';
import { seededRandom, type Random } from './prng.js';

/**
 * The demo's directory: a logistics company of about 200 people across ten groups, in
 * every state an admin meets (active with devices on various app versions, deactivated,
 * invited, invitations expired or bounced, never invited, recently deleted), with the
 * audit trail and outbox that history would have left. Deterministic for a seed and a
 * `now`, and consistent with the rules (unique keys, existing roles and groups, devices
 * only for users who can sign in, at most three each).
 */
export interface DemoDirectory {
  settings: AccountSettings;
  groups: Group[];
  users: UserRecord[];
  devices: Device[];
  messages: Message[];
  audit: AuditEvent[];
  /** The signed-in demo admin: an owner of the directory. */
  admin: Actor;
}

export interface DirectoryOptions {
  /** How many users (default 200). */
  users?: number;
  /** PRNG seed (default 2026). */
  seed?: number;
  /** The time the directory is "as of" (default: now). Statuses are relative to it. */
  now?: Date;
}

const DAY = 86_400_000;
/** The demo admin's id (also the REST demo's signed-in admin). */
export const DEMO_ADMIN_ID = 'demo-owner';
const DOMAIN = 'acme.example';

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** Groups of the demo company, as stored records. */
export function demoGroups(createdAt: string): Group[] {
  return GROUPS.map((group) => ({
    id: group.id,
    name: group.name,
    externalId: group.externalId,
    description: group.description,
    resources: group.apps.map((app) => ({ type: 'app', id: app, name: app.toUpperCase() })),
    version: 1,
    createdAt,
    updatedAt: createdAt,
  }));
}

/** Names, emails and phones that stay unique however many people are drawn. */
class People {
  readonly #emails = new Set<string>();
  readonly #phones = new Set<string>();

  constructor(private readonly random: Random) {}

  name(): { first: string; last: string; name: string } {
    const first = this.random.pick(FIRST_NAMES);
    const last = this.random.pick(LAST_NAMES);
    return { first, last, name: `${first} ${last}` };
  }

  email(first: string, last: string): string {
    const base = `${slug(first)}.${slug(last)}`;
    let email = `${base}@${DOMAIN}`;
    for (let n = 2; this.#emails.has(email); n++) email = `${base}${n}@${DOMAIN}`;
    this.#emails.add(email);
    return email;
  }

  phone(): string {
    let phone: string;
    do {
      const prefix = this.random.pick(['+2782', '+2783', '+2784', '+2772', '+2776', '+2761']);
      phone = `${prefix}${String(this.random.int(0, 9_999_999)).padStart(7, '0')}`;
    } while (this.#phones.has(phone));
    this.#phones.add(phone);
    return phone;
  }
}

/** Groups for one person: a department, sometimes a second and a shift. */
function groupsFor(random: Random): string[] {
  const departments = GROUPS.filter((g) => g.id !== 'grp-night' && g.id !== 'grp-head-office');
  const picked = new Set<string>([random.pick(departments).id]);
  if (random.chance(0.3)) picked.add('grp-head-office');
  if (picked.has('grp-wh-jhb') || picked.has('grp-wh-cpt'))
    if (random.chance(0.4)) picked.add('grp-night');
  if (random.chance(0.1)) picked.add(random.pick(departments).id);
  return [...picked];
}

/**
 * New users for a bulk import of `count` people (benchmarks, import demos): realistic
 * names, unique emails and phones, a role and one to three of the demo groups.
 */
export function generatePeople(count: number, seed = 7): NewUser[] {
  const random = seededRandom(seed);
  const people = new People(random);
  const out: NewUser[] = [];
  for (let i = 0; i < count; i++) {
    const { first, last, name } = people.name();
    const phoneOnly = random.chance(0.08);
    out.push({
      id: `person-${seed}-${i}`,
      name,
      email: phoneOnly ? null : people.email(first, last),
      phone: phoneOnly || random.chance(0.5) ? people.phone() : null,
      role: random.chance(0.05) ? 'admin' : 'member',
      groupIds: groupsFor(random),
      notes: '',
      externalId: random.chance(0.4) ? `EMP-${100000 + i}` : null,
    });
  }
  return out;
}

/** The demo directory (see {@link DemoDirectory}). */
export function generateDirectory(options: DirectoryOptions = {}): DemoDirectory {
  const count = options.users ?? 200;
  const random = seededRandom(options.seed ?? 2026);
  const now = (options.now ?? new Date()).getTime();
  const at = (msAgo: number): string => new Date(now - msAgo).toISOString();
  const people = new People(random);
  const founded = at(500 * DAY);
  const admin: Actor = { id: DEMO_ADMIN_ID, name: 'Olivia Owner' };
  const settings: AccountSettings = structuredClone(DEFAULT_SETTINGS);
  const groups = demoGroups(founded);
  const users: UserRecord[] = [];
  const devices: Device[] = [];
  const messages: Message[] = [];
  const audit: AuditEvent[] = [];
  let serial = 0;
  const nextId = (prefix: string) => `${prefix}-${String(++serial).padStart(5, '0')}`;
  /** Records what happened to `user` in the audit trail (by the admin unless `actor` says). */
  const userEvent = (user: UserRecord, action: string, at: string, actor: Actor | null = admin) =>
    audit.push({
      id: nextId('evt'),
      at,
      actor,
      action,
      targetType: 'user',
      targetId: user.id,
      userId: user.id,
      before: null,
      after: null,
    });
  /** Deactivation and deletion end every session. */
  const signOutAll = (userId: string) => {
    for (let d = devices.length - 1; d >= 0; d--)
      if (devices[d]!.userId === userId) devices.splice(d, 1);
  };

  for (let i = 0; i < count; i++) {
    const isAdmin = i === 0;
    const drawn = people.name();
    const { first, last } = isAdmin ? { first: 'Olivia', last: 'Owner' } : drawn;
    const name = `${first} ${last}`;
    const phoneOnly = !isAdmin && random.chance(0.1);
    const roll = isAdmin || i === 1 ? 0 : random();
    // Invitations that lapsed or bounced were sent (so the user created) a while ago.
    const oldest = roll >= 0.8 && roll < 0.95 ? 46 : 2;
    const createdMsAgo = isAdmin ? 480 * DAY : random.int(oldest, 420) * DAY + random.int(0, DAY);
    const user: UserRecord = {
      id: isAdmin ? DEMO_ADMIN_ID : nextId('usr'),
      name,
      email: phoneOnly ? null : people.email(first, last),
      phone: phoneOnly || random.chance(0.55) ? people.phone() : null,
      role: isAdmin || i === 1 ? 'owner' : random.chance(0.07) ? 'admin' : 'member',
      groupIds: isAdmin ? ['grp-head-office', 'grp-it'] : groupsFor(random),
      notes: random.chance(0.08)
        ? random.pick(['Part-time', 'On leave until next month', 'Shift lead', 'Prefers SMS'])
        : '',
      externalId: random.chance(0.45) ? `EMP-${1000 + i}` : null,
      status: 'invited',
      invitation: null,
      lastLoginAt: null,
      deletedAt: null,
      version: 1,
      createdAt: at(createdMsAgo),
      updatedAt: at(createdMsAgo),
    };
    userEvent(user, 'user.create', user.createdAt);

    const invite = (sentMsAgo: number, bounced: boolean): Invitation => {
      const sentAt = at(Math.min(sentMsAgo, createdMsAgo));
      const invitation: Invitation = {
        channel: user.email ? 'email' : 'sms',
        sentAt,
        expiresAt: new Date(Date.parse(sentAt) + settings.invitationExpiryDays * DAY).toISOString(),
        sendCount: random.chance(0.2) ? 2 : 1,
        bouncedAt: bounced ? new Date(Date.parse(sentAt) + 60_000).toISOString() : null,
        bounceReason: bounced
          ? random.pick([
              '550 5.1.1 mailbox unavailable',
              '550 5.1.2 domain not found',
              'SMS delivery failed: number not reachable',
            ])
          : null,
      };
      messages.push({
        id: nextId('msg'),
        kind: 'invitation',
        channel: invitation.channel,
        to: user.email ?? user.phone ?? '',
        userId: user.id,
        subject: 'You are invited',
        body: `Hello ${user.name}, you have been invited to sign in. This invitation expires on ${invitation.expiresAt.slice(0, 10)}.`,
        attachments: [],
        status: bounced ? 'failed' : 'sent',
        error: invitation.bounceReason,
        createdAt: sentAt,
      });
      return invitation;
    };

    if (roll < 0.55) {
      user.status = 'active';
      signIn(user);
    } else if (roll < 0.65) {
      if (random.chance(0.8)) signIn(user, false);
      user.status = 'inactive';
      const when = after(user.lastLoginAt ?? user.createdAt);
      userEvent(user, 'user.deactivate', when);
      bump(user, when);
    } else if (roll < 0.8) {
      user.invitation = invite(random.int(0, 6 * 24) * 3_600_000, false);
    } else if (roll < 0.9) {
      user.invitation = invite(random.int(8, 45) * DAY, false);
    } else if (roll < 0.95) {
      user.invitation = invite(random.int(1, 20) * DAY, true);
      userEvent(user, 'user.invite_bounce', user.invitation.bouncedAt!, null);
      messages.push({
        id: nextId('msg'),
        kind: 'bounce_notice',
        channel: 'email',
        to: `olivia.owner@${DOMAIN}`,
        userId: user.id,
        subject: `Invitation to ${user.name} could not be delivered`,
        body: `The invitation to ${user.name} was rejected: ${user.invitation.bounceReason}. Check the address and resend the invitation.`,
        attachments: [],
        status: 'sent',
        error: null,
        createdAt: user.invitation.bouncedAt!,
      });
    }
    if (!isAdmin && user.role !== 'owner' && random.chance(0.03)) {
      // Within the 30-day retention, so the deleted users are still restorable.
      const when = after(
        new Date(Math.max(Date.parse(user.updatedAt), now - 25 * DAY)).toISOString(),
      );
      user.deletedAt = when;
      userEvent(user, 'user.delete', when);
      bump(user, when);
      signOutAll(user.id);
    }
    if (user.status === 'inactive') signOutAll(user.id);
    users.push(user);
  }

  // The rules: a user signs in on at most `maxDevicesPerUser` devices, most on a recent app.
  function signIn(user: UserRecord, keepDevices = true): void {
    const since = Date.parse(user.createdAt);
    const span = Math.max(now - since, DAY);
    const owned = keepDevices ? random.int(1, settings.maxDevicesPerUser) : 1;
    let last = since;
    for (let d = 0; d < owned; d++) {
      const [template, platform] = random.pick(DEVICES);
      const firstSeen = since + Math.floor(random() * span * 0.5);
      const lastSeen = Math.min(now, firstSeen + Math.floor(random() * span * 0.5) + 60_000);
      last = Math.max(last, lastSeen);
      devices.push({
        id: nextId('dev'),
        userId: user.id,
        name: template.replace('{first}', user.name.split(' ')[0]!),
        platform,
        appVersion: random.chance(0.7)
          ? random.pick(APP_VERSIONS.slice(0, 2))
          : random.pick(APP_VERSIONS),
        firstSeenAt: new Date(firstSeen).toISOString(),
        lastSeenAt: new Date(lastSeen).toISOString(),
      });
    }
    user.lastLoginAt = new Date(last).toISOString();
    userEvent(user, 'user.login', user.lastLoginAt, { id: user.id, name: user.name });
    bump(user, user.lastLoginAt);
  }

  /** A moment between `iso` and now. */
  function after(iso: string): string {
    const from = Date.parse(iso);
    return new Date(from + Math.floor(random() * (now - from))).toISOString();
  }

  function bump(user: UserRecord, when: string): void {
    user.version++;
    if (when > user.updatedAt) user.updatedAt = when;
  }

  audit.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  messages.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  return { settings, groups, users, devices, messages, audit, admin };
}
