import { assert } from '../assert.js';
import { as, createUser, expectBulk, mustGetUser, peekUser } from '../fixture.js';
import type { ConformanceGroup } from '../types.js';

/** Versioned user updates. */
export const updateCases: ConformanceGroup = {
  name: 'updates',
  cases: [
    {
      name: 'an update with the current version applies and bumps version and updatedAt',
      async run(t) {
        const user = await createUser(t, { name: 'Old Name' });
        t.clock.advance(5000);
        const result = await t.backend.updateUsers(
          [{ id: user.id, patch: { name: 'New Name', notes: 'moved teams' }, version: 1 }],
          as(t),
        );
        expectBulk(result, [user.id], {}, 'update');
        const updated = await mustGetUser(t, user.id);
        assert.equal(updated.name, 'New Name', 'name');
        assert.equal(updated.notes, 'moved teams', 'notes');
        assert.equal(updated.email, user.email, 'untouched fields stay');
        assert.equal(updated.version, 2, 'version');
        assert.equal(updated.updatedAt, t.clock.iso(), 'updatedAt');
        assert.equal(updated.createdAt, user.createdAt, 'createdAt stays');
        await peekUser(t, user.id, (stored) =>
          assert.equal(stored?.name, 'New Name', 'peek: name'),
        );
      },
    },
    {
      name: 'a stale version is a conflict and changes nothing',
      async run(t) {
        const user = await createUser(t, { name: 'Original' });
        await t.backend.updateUsers(
          [{ id: user.id, patch: { name: 'First edit' }, version: 1 }],
          as(t),
        );
        const stale = await t.backend.updateUsers(
          [{ id: user.id, patch: { name: 'Lost edit' }, version: 1 }],
          as(t),
        );
        expectBulk(stale, [], { [user.id]: 'conflict' }, 'stale update');
        const current = await mustGetUser(t, user.id);
        assert.equal(current.name, 'First edit', 'the first edit survives');
        assert.equal(current.version, 2, 'version unchanged by the refused write');
        await peekUser(t, user.id, (stored) =>
          assert.equal(stored?.name, 'First edit', 'peek: name'),
        );
      },
    },
    {
      name: 'changing the email to one another user has (any case) is a conflict',
      async run(t) {
        await createUser(t, { email: 'taken@example.com' });
        const user = await createUser(t);
        const result = await t.backend.updateUsers(
          [{ id: user.id, patch: { email: 'TAKEN@example.com' }, version: user.version }],
          as(t),
        );
        expectBulk(result, [], { [user.id]: 'conflict' }, 'email clash');
      },
    },
    {
      name: 'changing the email case of your own address is allowed',
      async run(t) {
        const user = await createUser(t, { email: 'case@example.com' });
        const result = await t.backend.updateUsers(
          [{ id: user.id, patch: { email: 'Case@Example.com' }, version: user.version }],
          as(t),
        );
        expectBulk(result, [user.id], {}, 'same address, other case');
      },
    },
    {
      name: 'changing the phone or external id to one another user has is a conflict',
      async run(t) {
        await createUser(t, { phone: '+27825550000', externalId: 'E-1' });
        const user = await createUser(t);
        const phone = await t.backend.updateUsers(
          [{ id: user.id, patch: { phone: '+27825550000' }, version: user.version }],
          as(t),
        );
        expectBulk(phone, [], { [user.id]: 'conflict' }, 'phone clash');
        const external = await t.backend.updateUsers(
          [{ id: user.id, patch: { externalId: 'E-1' }, version: user.version }],
          as(t),
        );
        expectBulk(external, [], { [user.id]: 'conflict' }, 'external id clash');
      },
    },
    {
      name: 'removing the last way to reach a user (email and phone) is a validation failure',
      async run(t) {
        const user = await createUser(t, { email: 'only@example.com', phone: null });
        const result = await t.backend.updateUsers(
          [{ id: user.id, patch: { email: null }, version: user.version }],
          as(t),
        );
        expectBulk(result, [], { [user.id]: 'validation' }, 'clear the only contact');
        assert.equal((await mustGetUser(t, user.id)).email, user.email, 'email kept');
      },
    },
    {
      name: 'clearing the email of a user who has a phone is allowed',
      async run(t) {
        const user = await createUser(t, { email: 'drop@example.com', phone: '+27826660000' });
        const result = await t.backend.updateUsers(
          [{ id: user.id, patch: { email: null }, version: user.version }],
          as(t),
        );
        expectBulk(result, [user.id], {}, 'clear email');
        assert.equal((await mustGetUser(t, user.id)).email, null, 'email cleared');
      },
    },
    {
      name: 'updating an unknown user fails per item with not_found',
      async run(t) {
        const result = await t.backend.updateUsers(
          [{ id: 'no-such-user', patch: { name: 'X' }, version: 1 }],
          as(t),
        );
        expectBulk(result, [], { 'no-such-user': 'not_found' }, 'update unknown');
      },
    },
    {
      name: 'each update in a bulk call stands alone',
      async run(t) {
        const a = await createUser(t);
        const b = await createUser(t);
        const result = await t.backend.updateUsers(
          [
            { id: a.id, patch: { notes: 'ok' }, version: a.version },
            { id: b.id, patch: { notes: 'stale' }, version: b.version + 5 },
          ],
          as(t),
        );
        expectBulk(result, [a.id], { [b.id]: 'conflict' }, 'mixed updates');
        assert.equal((await mustGetUser(t, a.id)).notes, 'ok', 'a updated');
        assert.equal((await mustGetUser(t, b.id)).notes, '', 'b unchanged');
      },
    },
  ],
};
