#!/usr/bin/env node
/**
 * Acceptance check of issue #3 ("Core") against the BUILT packages: run `npm run build`
 * first, then `node scripts/acceptance-core.mjs` (no "roster-source" condition, so
 * `@roster/core` and `@roster/adapters/memory` resolve to their dist/ files).
 *
 * It does what the issue's "done when" says, printing each check:
 *   create users with invitations; log one in on four devices and find three left (the
 *   oldest gone); deactivate a user and see its login refused; delete and restore a user;
 *   move the clock 31 days and find a deleted user purged; refuse to delete the last
 *   owner; read every message from the outbox.
 *
 * Exit code 0 when every check passed, 1 on the first mismatch (or any error).
 */
import { createRoster, displayStatus, isRosterError } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';

const DAY = 24 * 60 * 60 * 1000;
let time = Date.parse('2026-01-05T08:00:00.000Z');
/** A clock the script moves by hand, so the time rules can be seen at work. */
const now = () => new Date(time);
const advance = (ms) => {
  time += ms;
};

let checks = 0;
function check(condition, what, detail) {
  checks += 1;
  if (!condition) {
    console.error(
      `not ok ${checks} - ${what}${detail === undefined ? '' : `\n  got: ${JSON.stringify(detail)}`}`,
    );
    process.exit(1);
  }
  console.log(`ok ${checks} - ${what}`);
}

async function refusal(promise) {
  try {
    await promise;
    return null;
  } catch (error) {
    return error;
  }
}

const roster = createRoster({
  backend: memoryBackend({ now }),
  actor: { id: 'acceptance-admin', name: 'Acceptance Admin' },
  defaultCountry: 'ZA',
});

console.log('# create users with invitations');
const owner = await roster.users.create(
  { name: 'Olga Owner', email: 'olga@example.com', role: 'owner' },
  { invite: true },
);
const ann = await roster.users.create(
  { name: 'Ann Lee', email: 'Ann.Lee@Example.com' },
  { invite: true },
);
const sam = await roster.users.create({ name: 'Sam Sms', phone: '082 455 1234' }, { invite: true });
const bob = await roster.users.create(
  { name: 'Bob Brown', email: 'bob@example.com' },
  { invite: true },
);
for (const user of [owner, ann, sam, bob])
  check(
    user.status === 'invited' &&
      user.invitation !== null &&
      displayStatus(user, now()) === 'invited',
    `${user.name} is invited (by ${user.invitation?.channel})`,
    user,
  );
check(sam.phone === '+27824551234', 'a national phone number is stored in E.164', sam.phone);
check(sam.invitation?.channel === 'sms', 'the phone-only user is invited by SMS', sam.invitation);
const clash = await refusal(
  roster.users.create({ name: 'Ann Again', email: 'ann.lee@example.com' }),
);
check(
  isRosterError(clash, 'conflict'),
  'an email already in use (other case) is refused',
  String(clash),
);

console.log('# log one user in on four devices');
for (const name of ['Laptop', 'Phone', 'Tablet', 'Desktop']) {
  await roster.devices.recordLogin(ann.id, { name, platform: 'web', appVersion: '1.0.0' });
  advance(60_000);
}
const devices = await roster.devices.list(ann.id);
const names = devices.map((d) => d.name).sort();
check(devices.length === 3, 'three devices are left', names);
check(!names.includes('Laptop'), 'the oldest device (Laptop) was signed out', names);
check((await roster.users.get(ann.id))?.status === 'active', 'the first login activated the user');

console.log('# deactivate a user and see its login refused');
const deactivated = await roster.users.deactivate([ann.id]);
check(deactivated.succeeded.includes(ann.id), 'Ann is deactivated', deactivated);
check((await roster.devices.list(ann.id)).length === 0, "Ann's devices are signed out");
const login = await refusal(roster.devices.recordLogin(ann.id, { name: 'Phone' }));
check(isRosterError(login, 'rule'), `her login is refused: "${login?.message}"`, String(login));

console.log('# delete and restore a user');
const deleted = await roster.users.delete([sam.id]);
check(deleted.succeeded.includes(sam.id), 'Sam is deleted', deleted);
const live = await roster.users.list();
check(!live.items.some((u) => u.id === sam.id), 'Sam is gone from the user list');
const restored = await roster.users.restore(sam.id);
check(restored.deletedAt === null, 'Sam is restored', restored);
check(
  (await roster.users.list()).items.some((u) => u.id === sam.id),
  'Sam is back in the list',
);

console.log('# move the clock 31 days and find a deleted user purged');
await roster.users.delete([bob.id]);
check((await roster.users.get(bob.id))?.deletedAt !== null, 'Bob is deleted and still restorable');
advance(31 * DAY);
check((await roster.users.get(bob.id)) === null, 'after 31 days Bob reads as gone');
const purged = await roster.users.purgeExpired();
check(purged.includes(bob.id), 'purgeExpired removed Bob', purged);
const lateRestore = await refusal(roster.users.restore(bob.id));
check(
  isRosterError(lateRestore, 'not_found'),
  'Bob can no longer be restored',
  String(lateRestore),
);

console.log('# refuse to delete the last owner');
const lastOwner = await roster.users.delete([owner.id]);
check(
  lastOwner.succeeded.length === 0 && lastOwner.failed[0]?.code === 'rule',
  `deleting the last owner is refused: "${lastOwner.failed[0]?.message}"`,
  lastOwner,
);
check((await roster.users.get(owner.id))?.deletedAt === null, 'the owner is still there');

console.log('# read every message from the outbox');
const outbox = await roster.outbox.list();
for (const message of outbox)
  console.log(`  ${message.kind} via ${message.channel} to ${message.to}: ${message.subject}`);
const invitations = outbox.filter((m) => m.kind === 'invitation');
check(invitations.length === 4, 'four invitations are in the outbox', invitations.length);
check(
  invitations.some((m) => m.channel === 'sms' && m.to === '+27824551234'),
  'the SMS invitation is recorded with its channel',
);
check(
  invitations.some((m) => m.channel === 'email' && m.to.toLowerCase() === 'ann.lee@example.com'),
  'the email invitations are recorded with their channel',
);
check(
  outbox.every((m) => m.status === 'sent'),
  'every message was sent',
);

console.log(`\nall ${checks} checks passed`);
