import { displayStatus, UserQuery } from '../../model/index.js';
import { assert } from '../assert.js';
import { DEFAULT_BOUNCE_REASON } from '../mailer.js';
import {
  DAY,
  as,
  createUser,
  expectBulk,
  listIds,
  listMessages,
  mustGetUser,
  newUser,
  peekUser,
  plusDays,
} from '../fixture.js';
import type { ConformanceGroup } from '../types.js';

const needs = ['invitations' as const];
const device = { name: 'Laptop', platform: 'macOS', appVersion: '1.0.0' };

/** Invitations: channels, outbox, expiry, resend, bounces. */
export const invitationCases: ConformanceGroup = {
  name: 'invitations',
  cases: [
    {
      name: 'inviting on create sends an email invitation valid for invitationExpiryDays',
      needs,
      async run(t) {
        const user = await createUser(t, { email: 'inv@example.com' }, { invite: true });
        assert.ok(user.invitation, 'the user has an invitation');
        assert.equal(user.invitation.channel, 'email', 'channel');
        assert.equal(user.invitation.sentAt, t.clock.iso(), 'sentAt');
        assert.equal(user.invitation.expiresAt, plusDays(t.clock.iso(), 7), 'expires after 7 days');
        assert.equal(user.invitation.sendCount, 1, 'sendCount');
        assert.equal(user.invitation.bouncedAt, null, 'not bounced');
        assert.equal(user.status, 'invited', 'status');
        const sent = t.mailer.sent.filter((m) => m.kind === 'invitation');
        assert.equal(sent.length, 1, 'the mailer received one invitation');
        assert.equal(sent[0]?.to, 'inv@example.com', 'to the user');
        assert.equal(sent[0]?.userId, user.id, 'about the user');
        await peekUser(t, user.id, (stored) =>
          assert.equal(stored?.invitation?.sendCount, 1, 'peek: invitation stored'),
        );
      },
    },
    {
      name: 'every invitation is recorded in the outbox with its channel',
      needs: ['invitations', 'outbox'],
      async run(t) {
        const user = await createUser(t, { email: 'box@example.com' }, { invite: true });
        const messages = (await listMessages(t, user.id)).filter((m) => m.kind === 'invitation');
        assert.equal(messages.length, 1, 'one invitation in the outbox');
        const [message] = messages;
        assert.equal(message?.channel, 'email', 'channel');
        assert.equal(message?.to, 'box@example.com', 'to');
        assert.equal(message?.status, 'sent', 'status');
        assert.equal(message?.createdAt, t.clock.iso(), 'createdAt');
        assert.ok((message?.body ?? '').length > 0, 'the message has a body');
        if (t.peek) {
          const stored = (await t.peek.messages()).filter((m) => m.userId === user.id);
          assert.equal(stored.length, 1, 'peek: one message stored');
        }
      },
    },
    {
      name: 'a phone-only user is invited by SMS to the E.164 number',
      needs: ['invitations', 'outbox'],
      async run(t) {
        const user = await createUser(t, { email: null, phone: '+27821112222' }, { invite: true });
        assert.equal(user.invitation?.channel, 'sms', 'invitation channel');
        const [message] = (await listMessages(t, user.id)).filter((m) => m.kind === 'invitation');
        assert.equal(message?.channel, 'sms', 'outbox channel');
        assert.equal(message?.to, '+27821112222', 'to the phone number');
      },
    },
    {
      name: 'a user with email and phone is invited by email',
      needs,
      async run(t) {
        const user = await createUser(
          t,
          { email: 'both@example.com', phone: '+27821113333' },
          { invite: true },
        );
        assert.equal(user.invitation?.channel, 'email', 'email wins');
        assert.equal(t.mailer.sent[0]?.to, 'both@example.com', 'sent to the email');
      },
    },
    {
      name: 'creating without invite sends nothing',
      needs,
      async run(t) {
        const user = await createUser(t);
        assert.equal(user.invitation, null, 'no invitation');
        assert.equal(t.mailer.sent.length, 0, 'no message sent');
      },
    },
    {
      name: 'an invitation older than invitationExpiryDays shows as expired (and filters as expired)',
      needs,
      async run(t) {
        const user = await createUser(t, {}, { invite: true });
        t.clock.advance(7 * DAY - 60_000);
        const before = await mustGetUser(t, user.id);
        assert.equal(displayStatus(before, t.clock()), 'invited', 'a minute before expiry');
        assert.includes(await listIds(t, { status: ['invited'] }), user.id, 'filter invited');
        t.clock.advance(2 * 60_000);
        const after = await mustGetUser(t, user.id);
        assert.equal(displayStatus(after, t.clock()), 'expired', 'a minute after expiry');
        assert.includes(await listIds(t, { status: ['expired'] }), user.id, 'filter expired');
        assert.notIncludes(await listIds(t, { status: ['invited'] }), user.id, 'no longer invited');
      },
    },
    {
      name: 'every user returned carries the status an admin sees: record, filter and sort agree',
      needs,
      async run(t) {
        const lapsed = await createUser(t, { email: 'lapsed@example.com' }, { invite: true });
        t.clock.advanceDays(8);
        const fresh = await createUser(t, { email: 'fresh@example.com' }, { invite: true });
        const got = await mustGetUser(t, lapsed.id);
        assert.equal(got.status, 'expired', 'getUser says expired');
        const [looked] = await t.backend.lookupUsers({ ids: [lapsed.id] }, as(t));
        assert.equal(looked?.status, 'expired', 'lookupUsers says expired');
        const listed = await t.backend.listUsers(UserQuery.parse({ status: ['expired'] }), as(t));
        assert.deepEqual(
          listed.items.map((user) => [user.id, user.status]),
          [[lapsed.id, 'expired']],
          'the expired filter returns records that say expired',
        );
        const invited = await t.backend.listUsers(UserQuery.parse({ status: ['invited'] }), as(t));
        assert.ok(
          invited.items.every((user) => user.status === 'invited'),
          'the invited filter returns records that say invited',
        );
        assert.includes(
          invited.items.map((user) => user.id),
          fresh.id,
          'the fresh invitation is invited',
        );
        const sorted = await t.backend.listUsers(
          UserQuery.parse({ sort: { field: 'status', direction: 'asc' } }),
          as(t),
        );
        assert.deepEqual(
          sorted.items.map((user) => user.status),
          ['invited', 'expired'],
          'status sort follows the display status',
        );
      },
    },
    {
      name: 'the expiry follows the invitationExpiryDays setting',
      needs,
      async run(t) {
        const settings = await t.backend.getSettings(as(t));
        await t.backend.updateSettings(
          { invitationExpiryDays: 2 },
          { ...as(t), version: settings.version },
        );
        const user = await createUser(t, {}, { invite: true });
        assert.equal(
          user.invitation?.expiresAt,
          plusDays(t.clock.iso(), 2),
          'expires after 2 days',
        );
      },
    },
    {
      name: 'resending renews the expiry, counts the send and sends again',
      needs,
      async run(t) {
        const user = await createUser(t, {}, { invite: true });
        t.clock.advanceDays(10);
        const result = await t.backend.resendInvites([user.id], as(t));
        expectBulk(result, [user.id], {}, 'resend');
        const renewed = await mustGetUser(t, user.id);
        assert.equal(renewed.invitation?.sentAt, t.clock.iso(), 'sentAt renewed');
        assert.equal(renewed.invitation?.expiresAt, plusDays(t.clock.iso(), 7), 'expiry renewed');
        assert.equal(renewed.invitation?.sendCount, 2, 'sendCount');
        assert.equal(displayStatus(renewed, t.clock()), 'invited', 'no longer expired');
        assert.equal(renewed.version, user.version + 1, 'version bumped');
        assert.equal(
          t.mailer.sent.filter((m) => m.kind === 'invitation').length,
          2,
          'two invitations sent',
        );
        assert.includes(
          await listIds(t, { status: ['invited'] }),
          user.id,
          'filters as invited again',
        );
      },
    },
    {
      name: 'resending to a user who was never invited sends a first invitation',
      needs,
      async run(t) {
        const user = await createUser(t);
        expectBulk(await t.backend.resendInvites([user.id], as(t)), [user.id], {}, 'resend');
        const invited = await mustGetUser(t, user.id);
        assert.equal(invited.invitation?.expiresAt, plusDays(t.clock.iso(), 7), 'invitation set');
        assert.equal(t.mailer.sent.length, 1, 'one message sent');
      },
    },
    {
      name: 'resend is refused with a reason for users who already logged in; the others still get it',
      needs: ['invitations', 'devices'],
      async run(t) {
        const active = await createUser(t, {}, { invite: true });
        const pending = await createUser(t, {}, { invite: true });
        await t.backend.recordLogin(active.id, device, as(t));
        t.mailer.clear();
        const result = await t.backend.resendInvites(
          [active.id, pending.id, 'no-such-user'],
          as(t),
        );
        expectBulk(
          result,
          [pending.id],
          { [active.id]: 'rule', 'no-such-user': 'not_found' },
          'resend to a mixed selection',
        );
        assert.deepEqual(
          t.mailer.sent.map((m) => m.userId),
          [pending.id],
          'only the pending user was sent an invitation',
        );
      },
    },
    {
      name: 'a rejected delivery marks the invitation bounced and notifies the admins',
      needs: ['invitations', 'outbox'],
      async run(t) {
        const owner = await createUser(t, { email: 'owner@example.com', role: 'owner' });
        t.mailer.rejectTo('bounce@example.com');
        const input = newUser({ email: 'bounce@example.com' });
        const result = await t.backend.createUsers([input], { ...as(t), invite: true });
        expectBulk(result, [input.id], {}, 'the user is created even though the mail bounced');
        const user = await mustGetUser(t, input.id);
        assert.ok(user.invitation?.bouncedAt, 'bouncedAt is set');
        assert.equal(
          user.invitation?.bounceReason,
          DEFAULT_BOUNCE_REASON,
          'the mailer reason is kept',
        );
        assert.equal(displayStatus(user, t.clock()), 'bounced', 'shows as bounced');
        assert.equal(user.status, 'bounced', 'the record says bounced');
        assert.includes(await listIds(t, { status: ['bounced'] }), user.id, 'filter bounced');
        assert.notIncludes(await listIds(t, { status: ['invited'] }), user.id, 'not plain invited');
        const messages = await listMessages(t);
        const invitation = messages.find((m) => m.kind === 'invitation' && m.userId === user.id);
        assert.equal(invitation?.status, 'failed', 'the outbox records the failed invitation');
        assert.equal(invitation?.error, DEFAULT_BOUNCE_REASON, 'with the reason');
        const notices = messages.filter((m) => m.kind === 'bounce_notice');
        assert.ok(notices.length >= 1, 'a bounce notice was sent');
        assert.ok(
          notices.every((m) => m.userId === user.id),
          'the notice is about the bounced user',
        );
        assert.includes(
          notices.map((m) => m.to.toLowerCase()),
          owner.email?.toLowerCase() ?? '',
          'the owner is notified',
        );
        await peekUser(t, user.id, (stored) =>
          assert.ok(stored?.invitation?.bouncedAt, 'peek: bounced'),
        );
      },
    },
    {
      name: 'resending after a bounce, once the address accepts mail, clears the bounce',
      needs,
      async run(t) {
        t.mailer.rejectTo('later@example.com');
        const user = await createUser(t, { email: 'later@example.com' }, { invite: true });
        assert.ok(user.invitation?.bouncedAt, 'bounced first');
        t.mailer.acceptTo('later@example.com');
        expectBulk(await t.backend.resendInvites([user.id], as(t)), [user.id], {}, 'resend');
        const fixed = await mustGetUser(t, user.id);
        assert.equal(fixed.invitation?.bouncedAt, null, 'bounce cleared');
        assert.equal(displayStatus(fixed, t.clock()), 'invited', 'invited again');
      },
    },
  ],
};
