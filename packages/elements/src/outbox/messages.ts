import type { MessageKind } from '@roster/core';
import { addMessages } from '../i18n/index.js';

/** Texts of `<roster-outbox>`. */
export interface OutboxMessages {
  outbox: string;
  intro: string;
  loadingMessages: string;
  empty: string;
  emptyKind: string;
  unsupported: string;
  filterKind: string;
  allKinds: string;
  kinds: Record<MessageKind, string>;
  resent: string;
  columnSent: string;
  columnKind: string;
  columnTo: string;
  columnSubject: string;
  columnStatus: string;
  sent: string;
  failed: string;
  read: (subject: string) => string;
  message: string;
  to: string;
  channel: Record<'email' | 'sms', string>;
  failedBecause: (reason: string) => string;
  attachments: string;
  characters: (count: number) => string;
  openUser: string;
  userGone: string;
  closeMessage: string;
  range: (from: number, to: number, total: number) => string;
  previousPage: string;
  nextPage: string;
  pagination: string;
}

export const en: OutboxMessages = {
  outbox: 'Outbox',
  intro:
    'Every message the directory sent: invitations, password resets, data exports and bounce notices, newest first.',
  loadingMessages: 'Loading messages…',
  empty: 'No messages sent yet.',
  emptyKind: 'No messages of this kind.',
  unsupported: 'This backend does not record the messages it sends.',
  filterKind: 'Kind',
  allKinds: 'All messages',
  kinds: {
    invitation: 'Invitation',
    password_reset: 'Password reset',
    data_export: 'Data export',
    bounce_notice: 'Bounce notice',
  },
  resent: 'Invitation (resent)',
  columnSent: 'Sent',
  columnKind: 'Kind',
  columnTo: 'To',
  columnSubject: 'Subject',
  columnStatus: 'Status',
  sent: 'Sent',
  failed: 'Failed',
  read: (subject) => `Read “${subject}”`,
  message: 'Message',
  to: 'To',
  channel: { email: 'Email', sms: 'SMS' },
  failedBecause: (reason) => `Delivery failed: ${reason}`,
  attachments: 'Attachments',
  characters: (count) => `${count.toLocaleString('en')} characters`,
  openUser: 'Open the user',
  userGone: 'This user no longer exists.',
  closeMessage: 'Close message',
  range: (from, to, total) => `${from}–${to} of ${total.toLocaleString('en')}`,
  previousPage: 'Previous page',
  nextPage: 'Next page',
  pagination: 'Pages',
};

addMessages('outbox', en);
