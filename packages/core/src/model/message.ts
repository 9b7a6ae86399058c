import * as z from 'zod/mini';
import { Id, Timestamp } from './common.js';
import { Channel } from './user.js';

/** Why a message was sent. */
export const MessageKind = z.enum(['invitation', 'password_reset', 'data_export', 'bounce_notice']);
export type MessageKind = z.infer<typeof MessageKind>;

/** An outgoing email or SMS, as recorded in the outbox. */
export const Message = z.object({
  id: Id,
  kind: MessageKind,
  channel: Channel,
  /** Email address or E.164 phone number. */
  to: z.string(),
  /** The user the message is about (for a bounce notice: the user whose invite bounced). */
  userId: z.nullable(Id),
  subject: z.string(),
  body: z.string(),
  /** Attachment for data exports: file name, MIME type and text content. */
  attachments: z.array(
    z.object({ filename: z.string(), contentType: z.string(), content: z.string() }),
  ),
  status: z.enum(['sent', 'failed']),
  error: z.nullable(z.string()),
  createdAt: Timestamp,
});
export type Message = z.infer<typeof Message>;

/** What the rule engine hands a {@link Mailer} to deliver. */
export type OutgoingMessage = Omit<Message, 'id' | 'status' | 'error' | 'createdAt'>;
