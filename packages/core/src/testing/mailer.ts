import type { OutgoingMessage } from '../model/index.js';
import type { Mailer } from '../ports.js';

/**
 * A {@link Mailer} for tests: records every delivery attempt and can be told to refuse
 * deliveries to chosen addresses, the way a mail system bounces an unknown mailbox.
 */
export interface TestMailer extends Mailer {
  /** Messages the mailer accepted, in order. */
  readonly sent: OutgoingMessage[];
  /** Messages the mailer refused, in order, with the reason it gave. */
  readonly rejected: { message: OutgoingMessage; reason: string }[];
  /**
   * Refuse every later delivery to `address` (an email, compared case-insensitively,
   * or an E.164 phone number) with `reason` as the error message.
   */
  rejectTo(address: string, reason?: string): void;
  /** Accept deliveries to `address` again. */
  acceptTo(address: string): void;
  /** Forget every recorded delivery (the refusal list stays). */
  clear(): void;
}

/** The reason a {@link testMailer} gives when no other was set. */
export const DEFAULT_BOUNCE_REASON = '550 5.1.1 mailbox unavailable';

/**
 * Creates a recording {@link TestMailer}.
 *
 * @example
 * ```ts
 * const mailer = testMailer();
 * mailer.rejectTo('nobody@example.com');
 * const backend = memoryBackend({ mailer });
 * // inviting nobody@example.com now marks the invitation bounced
 * mailer.sent.filter((m) => m.kind === 'invitation'); // the invitations that went out
 * ```
 */
export function testMailer(): TestMailer {
  const refused = new Map<string, string>();
  const sent: OutgoingMessage[] = [];
  const rejected: { message: OutgoingMessage; reason: string }[] = [];
  const key = (address: string): string => address.trim().toLowerCase();
  return {
    sent,
    rejected,
    rejectTo(address, reason = DEFAULT_BOUNCE_REASON) {
      refused.set(key(address), reason);
    },
    acceptTo(address) {
      refused.delete(key(address));
    },
    clear() {
      sent.length = 0;
      rejected.length = 0;
    },
    send(message) {
      const reason = refused.get(key(message.to));
      if (reason !== undefined) {
        rejected.push({ message, reason });
        return Promise.reject(new Error(reason));
      }
      sent.push(message);
      return Promise.resolve();
    },
  };
}
