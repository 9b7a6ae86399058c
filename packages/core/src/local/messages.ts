import { RuleError } from '../errors/index.js';
import type { Channel, Invitation, Message, User } from '../model/index.js';
import { describeUser } from './work.js';

/** A message as the engine composes it; `Work.record` adds id, status and time. */
export type Draft = Omit<Message, 'id' | 'status' | 'error' | 'createdAt'>;

/** How a user is reached: email when they have one, else SMS. */
export function contactOf(user: Pick<User, 'name' | 'email' | 'phone'>): {
  channel: Channel;
  to: string;
} {
  if (user.email) return { channel: 'email', to: user.email };
  if (user.phone) return { channel: 'sms', to: user.phone };
  // The schemas require one of them; a record without either was written around the rules.
  throw new RuleError(`${user.name} has neither an email address nor a phone number`);
}

function draft(
  user: User,
  kind: Message['kind'],
  subject: string,
  body: string,
  attachments: Message['attachments'] = [],
): Draft {
  return { kind, ...contactOf(user), userId: user.id, subject, body, attachments };
}

/** The invitation (first or re-sent). */
export function invitationDraft(user: User, invitation: Invitation): Draft {
  const expires = invitation.expiresAt.slice(0, 10);
  return draft(
    user,
    'invitation',
    'You are invited',
    `Hello ${user.name}, you have been invited to sign in. This invitation expires on ${expires}.`,
  );
}

export function passwordResetDraft(user: User): Draft {
  return draft(
    user,
    'password_reset',
    'Reset your password',
    `Hello ${user.name}, an administrator asked for your password to be reset. Follow the link to choose a new one.`,
  );
}

export function dataExportDraft(user: User, attachments: Message['attachments']): Draft {
  return draft(
    user,
    'data_export',
    'Your data',
    `Hello ${user.name}, attached is the data we hold about you and your account activity.`,
    attachments,
  );
}

/** Tells an admin that `user`'s invitation bounced. `userId` is the bounced user, `to` the admin. */
export function bounceNoticeDraft(admin: User, user: User, reason: string): Draft {
  return {
    ...draft(
      admin,
      'bounce_notice',
      `Invitation to ${user.name} could not be delivered`,
      `The invitation to ${describeUser(user)} was rejected: ${reason}. Check the address and resend the invitation.`,
    ),
    userId: user.id,
  };
}
