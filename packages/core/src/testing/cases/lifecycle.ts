import { assert } from '../assert.js';
import { as, createUser, expectBulk, mustGetUser, peekUser } from '../fixture.js';
import type { ConformanceGroup } from '../types.js';

/** Deactivation and reactivation, and who may not be deactivated. */
export const lifecycleCases: ConformanceGroup = {
  name: 'activation',
  cases: [
    {
      name: 'deactivating sets inactive and bumps the version; reactivating a never-logged-in user makes it invited again',
      async run(t) {
        const user = await createUser(t);
        expectBulk(await t.backend.setActive([user.id], false, as(t)), [user.id], {}, 'deactivate');
        const inactive = await mustGetUser(t, user.id);
        assert.equal(inactive.status, 'inactive', 'status');
        assert.equal(inactive.version, user.version + 1, 'version bumped');
        await peekUser(t, user.id, (stored) =>
          assert.equal(stored?.status, 'inactive', 'peek: status'),
        );
        expectBulk(await t.backend.setActive([user.id], true, as(t)), [user.id], {}, 'reactivate');
        assert.equal((await mustGetUser(t, user.id)).status, 'invited', 'never logged in: invited');
      },
    },
    {
      name: 'deactivate is refused for yourself, with a reason',
      async run(t) {
        const me = await createUser(t, { role: 'admin' });
        const other = await createUser(t);
        const result = await t.backend.setActive([me.id, other.id], false, {
          actor: { id: me.id, name: me.name },
        });
        expectBulk(result, [other.id], { [me.id]: 'rule' }, 'deactivate self and another');
        assert.equal((await mustGetUser(t, me.id)).status, 'invited', 'you stay as you were');
      },
    },
    {
      name: 'deactivating the last owner is refused; with two owners one may go',
      async run(t) {
        const first = await createUser(t, { role: 'owner' });
        const lone = await t.backend.setActive([first.id], false, as(t));
        expectBulk(lone, [], { [first.id]: 'rule' }, 'deactivate the only owner');
        const second = await createUser(t, { role: 'owner' });
        const both = await t.backend.setActive([first.id, second.id], false, as(t));
        assert.equal(both.succeeded.length, 1, 'one of two owners may be deactivated');
        assert.equal(both.failed[0]?.code, 'rule', 'the last one is refused');
      },
    },
    {
      name: 'unknown ids fail per item with not_found',
      async run(t) {
        const user = await createUser(t);
        const result = await t.backend.setActive([user.id, 'no-such-user'], false, as(t));
        expectBulk(result, [user.id], { 'no-such-user': 'not_found' }, 'deactivate');
      },
    },
  ],
};
