import type { OutgoingMessage } from './model/index.js';

/** Returns the current time; injected so time rules can be tested. */
export type Clock = () => Date;

/** The system clock. */
export const systemClock: Clock = () => new Date();

/**
 * Delivers outgoing email and SMS. Resolve when accepted; reject (with the reason as
 * the error message) when the mail system refuses the delivery, which marks an
 * invitation bounced and notifies admins.
 */
export interface Mailer {
  send(message: OutgoingMessage): Promise<void>;
}

/** A mailer that accepts everything: messages are only recorded in the outbox. */
export const outboxOnlyMailer: Mailer = {
  send: () => Promise.resolve(),
};

/** Generates record ids. */
export type IdGenerator = () => string;

/** Random UUIDs (Web Crypto, available in browsers and Node 20). */
export const randomId: IdGenerator = () => globalThis.crypto.randomUUID();
