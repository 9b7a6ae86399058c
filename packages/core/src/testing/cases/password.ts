import { assert } from '../assert.js';
import { as, createUser, expectBulk, listMessages } from '../fixture.js';
import type { ConformanceGroup } from '../types.js';

const needs = ['passwordReset' as const];

/** Password resets: a reset message by the user's channel. */
export const passwordCases: ConformanceGroup = {
  name: 'password reset',
  cases: [
    {
      name: 'resetPasswords sends each user a reset message by email, or SMS for phone-only users',
      needs,
      async run(t) {
        const mail = await createUser(t, { email: 'reset@example.com' });
        const sms = await createUser(t, { email: null, phone: '+27827770000' });
        const result = await t.backend.resetPasswords([mail.id, sms.id], as(t));
        expectBulk(result, [mail.id, sms.id], {}, 'reset');
        const resets = t.mailer.sent.filter((m) => m.kind === 'password_reset');
        const byUser = new Map(resets.map((m) => [m.userId, m]));
        assert.equal(byUser.get(mail.id)?.channel, 'email', 'email channel');
        assert.equal(byUser.get(mail.id)?.to, 'reset@example.com', 'email address');
        assert.equal(byUser.get(sms.id)?.channel, 'sms', 'sms channel');
        assert.equal(byUser.get(sms.id)?.to, '+27827770000', 'phone number');
        if (t.backend.capabilities.outbox) {
          const outbox = (await listMessages(t)).filter((m) => m.kind === 'password_reset');
          assert.equal(outbox.length, 2, 'both in the outbox');
        }
      },
    },
    {
      name: 'resetting an unknown user fails per item with not_found',
      needs,
      async run(t) {
        const user = await createUser(t);
        const result = await t.backend.resetPasswords([user.id, 'no-such-user'], as(t));
        expectBulk(result, [user.id], { 'no-such-user': 'not_found' }, 'reset');
      },
    },
  ],
};
