import { displayStatus, normalizeEmail } from '../../model/index.js';
import { assert } from '../assert.js';
import {
  as,
  createUser,
  createUsers,
  expectBulk,
  mustGetUser,
  newUser,
  peekUser,
} from '../fixture.js';
import type { ConformanceGroup } from '../types.js';

/** Creating users: stored shape, uniqueness, reach (email or phone), idempotency, missing reads. */
export const userCases: ConformanceGroup = {
  name: 'users',
  cases: [
    {
      name: 'createUsers stores the user as given, invited, version 1, timestamps from the clock',
      async run(t) {
        const input = newUser({
          name: 'Ann Andersen',
          email: 'ann@example.com',
          phone: '+27821234567',
          role: 'admin',
          notes: 'first hire',
          externalId: 'EMP-1',
        });
        const [user] = await createUsers(t, [input]);
        assert.ok(user, 'created user is returned');
        assert.equal(user.name, 'Ann Andersen', 'name');
        assert.equal(normalizeEmail(user.email ?? ''), 'ann@example.com', 'email');
        assert.equal(user.phone, '+27821234567', 'phone');
        assert.equal(user.role, 'admin', 'role');
        assert.equal(user.notes, 'first hire', 'notes');
        assert.equal(user.externalId, 'EMP-1', 'externalId');
        assert.deepEqual(user.groupIds, [], 'groupIds');
        assert.equal(user.status, 'invited', 'a new user has not logged in yet');
        assert.equal(user.invitation, null, 'no invitation unless asked for');
        assert.equal(user.lastLoginAt, null, 'lastLoginAt');
        assert.equal(user.deletedAt, null, 'deletedAt');
        assert.equal(user.version, 1, 'version starts at 1');
        assert.equal(user.createdAt, t.clock.iso(), 'createdAt is the clock time');
        assert.equal(user.updatedAt, t.clock.iso(), 'updatedAt is the clock time');
        await peekUser(t, input.id, (stored) => {
          assert.ok(stored, 'peek finds the stored user');
          assert.equal(stored.name, 'Ann Andersen', 'peek: name');
          assert.equal(stored.version, 1, 'peek: version');
        });
      },
    },
    {
      name: 'getUser of an unknown id resolves to null',
      async run(t) {
        assert.equal(await t.backend.getUser('no-such-user', as(t)), null, 'getUser(unknown)');
      },
    },
    {
      name: 'emails are unique case-insensitively',
      async run(t) {
        await createUser(t, { email: 'Ann.Lee@Example.com' });
        const clash = newUser({ email: 'ann.lee@EXAMPLE.COM' });
        const result = await t.backend.createUsers([clash], as(t));
        expectBulk(result, [], { [clash.id]: 'conflict' }, 'second user with the same email');
        assert.equal(
          await t.backend.getUser(clash.id, as(t)),
          null,
          'the clashing user is not stored',
        );
        await peekUser(t, clash.id, (stored) => assert.equal(stored, null, 'peek: not stored'));
      },
    },
    {
      name: 'phone numbers are unique',
      async run(t) {
        await createUser(t, { phone: '+27821234567' });
        const clash = newUser({ phone: '+27821234567' });
        const result = await t.backend.createUsers([clash], as(t));
        expectBulk(result, [], { [clash.id]: 'conflict' }, 'second user with the same phone');
      },
    },
    {
      name: 'external ids are unique',
      async run(t) {
        await createUser(t, { externalId: 'HR-42' });
        const clash = newUser({ externalId: 'HR-42' });
        const result = await t.backend.createUsers([clash], as(t));
        expectBulk(result, [], { [clash.id]: 'conflict' }, 'second user with the same external id');
      },
    },
    {
      name: 'duplicates inside one createUsers call: the first wins, the rest fail per item',
      async run(t) {
        const first = newUser({ email: 'dup@example.com' });
        const second = newUser({ email: 'DUP@example.com' });
        const other = newUser();
        const result = await t.backend.createUsers([first, second, other], as(t));
        expectBulk(
          result,
          [first.id, other.id],
          { [second.id]: 'conflict' },
          'batch with a duplicate',
        );
      },
    },
    {
      name: 'a phone-only user is accepted (reached by SMS)',
      async run(t) {
        const user = await createUser(t, { email: null, phone: '+447700900123' });
        assert.equal(user.email, null, 'email stays empty');
        assert.equal(user.phone, '+447700900123', 'phone');
      },
    },
    {
      name: 'a user with neither email nor phone is refused with a validation failure',
      async run(t) {
        const input = newUser({ email: null, phone: null });
        const result = await t.backend.createUsers([input], as(t));
        expectBulk(result, [], { [input.id]: 'validation' }, 'no email and no phone');
        assert.equal(await t.backend.getUser(input.id, as(t)), null, 'nothing stored');
      },
    },
    {
      name: 'text with control or bidi characters is refused; notes keep tabs and line breaks',
      async run(t) {
        const nul = newUser({ name: 'Ann\u0000Lee' });
        const bidi = newUser({ name: 'AAC \u202Eexe.live gnp.' });
        const isolate = newUser({ externalId: 'EMP\u20661' });
        const badNotes = newUser({ notes: 'bell\u0007' });
        const goodNotes = newUser({ notes: 'line 1\r\nline 2\tindented' });
        const result = await t.backend.createUsers(
          [nul, bidi, isolate, badNotes, goodNotes],
          as(t),
        );
        expectBulk(
          result,
          [goodNotes.id],
          {
            [nul.id]: 'validation',
            [bidi.id]: 'validation',
            [isolate.id]: 'validation',
            [badNotes.id]: 'validation',
          },
          'unsafe text',
        );
        const reason = (id: string) => result.failed.find((f) => f.id === id)?.message ?? '';
        assert.ok(/control character U\+0000/.test(reason(nul.id)), 'says which character');
        assert.ok(/bidirectional control U\+202E/.test(reason(bidi.id)), 'says which bidi control');
        assert.equal(await t.backend.getUser(nul.id, as(t)), null, 'nothing stored');
        const kept = await mustGetUser(t, goodNotes.id);
        assert.equal(kept.notes, 'line 1\r\nline 2\tindented', 'notes keep tab and breaks');
        const update = await t.backend.updateUsers(
          [{ id: kept.id, patch: { name: 'Eve\u202Dx' }, version: kept.version }],
          as(t),
        );
        expectBulk(update, [], { [kept.id]: 'validation' }, 'unsafe rename');
      },
    },
    {
      name: 'an invalid item fails alone; the valid items of the same call are created',
      async run(t) {
        const good = newUser();
        const bad = newUser({ email: 'not-an-email' });
        const result = await t.backend.createUsers([good, bad], as(t));
        expectBulk(result, [good.id], { [bad.id]: 'validation' }, 'mixed batch');
        await mustGetUser(t, good.id);
      },
    },
    {
      name: 'creating the same user (same id, same data) again succeeds without a second record',
      async run(t) {
        const input = newUser();
        await createUsers(t, [input]);
        const again = await t.backend.createUsers([input], as(t));
        expectBulk(again, [input.id], {}, 'idempotent re-create');
        const user = await mustGetUser(t, input.id);
        assert.equal(user.version, 1, 'the retry did not write again');
      },
    },
    {
      name: 'lookupUsers finds live users by email (case-insensitively), phone, external id and id',
      async run(t) {
        const a = await createUser(t, { email: 'look@example.com' });
        const b = await createUser(t, { email: null, phone: '+27831234567' });
        const c = await createUser(t, { externalId: 'X-9' });
        const d = await createUser(t);
        const found = await t.backend.lookupUsers(
          {
            emails: ['LOOK@example.com'],
            phones: ['+27831234567'],
            externalIds: ['X-9'],
            ids: [d.id],
          },
          as(t),
        );
        assert.sameMembers(
          found.map((u) => u.id),
          [a.id, b.id, c.id, d.id],
          'lookup results',
        );
        const none = await t.backend.lookupUsers({ emails: ['nobody@example.com'] }, as(t));
        assert.deepEqual(none, [], 'unknown keys find nobody');
      },
    },
    {
      name: 'a new user shows as invited until the first login',
      async run(t) {
        const user = await createUser(t);
        assert.equal(displayStatus(user, t.clock()), 'invited', 'display status');
      },
    },
  ],
};
