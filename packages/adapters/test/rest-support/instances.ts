import type { Actor } from '@roster/core';
import { LocalBackend } from '@roster/core/backend-kit';
import { storePeek, testClock, testMailer, type Peek } from '@roster/core/testing';
import { memoryStore } from '@roster/adapters/memory';
import {
  actorFromRequest,
  createRestHandler,
  type RestHandler,
} from '@roster/adapters/rest/server';
import {
  EXPIRED_TOKEN,
  NOW_HEADER,
  REFUSE_HEADER,
  MAIL_COUNT_HEADER,
  decodeRefusals,
  type Delivery,
  type Fault,
  type LoggedRequest,
} from './protocol.js';

/**
 * The test servers' authorize: no token or the expired one is a 401; any other token is
 * signed in, acting for the admin named in `Roster-Actor` (the conformance suite varies
 * the actor per call), else as nobody in particular.
 */
export function testAuthorize(request: Request): { actor: Actor | null } | null {
  const header = request.headers.get('Authorization') ?? '';
  const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
  if (!token || token === EXPIRED_TOKEN) return null;
  return { actor: actorFromRequest(request) };
}

/** One fresh directory behind one fresh handler, with a clock and mailer the test drives. */
export class TestInstance {
  readonly clock = testClock();
  readonly deliveries: Delivery[] = [];
  readonly faults: Fault[] = [];
  readonly log: LoggedRequest[] = [];
  readonly peek: Peek;
  readonly backend: LocalBackend;
  readonly handler: RestHandler;
  readonly #mailer = testMailer();
  #refused: [string, string][] = [];

  constructor(
    readonly id: string,
    readonly basePath: string,
  ) {
    const store = memoryStore();
    const record = this.deliveries;
    const inner = this.#mailer;
    this.backend = new LocalBackend(store, {
      now: this.clock,
      mailer: {
        async send(message) {
          try {
            await inner.send(message);
            record.push({ message, rejected: null });
          } catch (error) {
            record.push({ message, rejected: (error as Error).message });
            throw error;
          }
        },
      },
    });
    this.peek = storePeek(store);
    this.handler = createRestHandler(this.backend, {
      basePath,
      authorize: testAuthorize,
      // Short enough that a test can see a keep-alive, long enough not to be noise.
      heartbeatMs: 5_000,
    });
  }

  /** Applies the test's clock and refusal list carried by `request`. */
  sync(request: Request): void {
    const now = request.headers.get(NOW_HEADER);
    if (now && !Number.isNaN(Date.parse(now))) this.clock.set(now);
    const refused = decodeRefusals(request.headers.get(REFUSE_HEADER));
    for (const [address] of this.#refused) this.#mailer.acceptTo(address);
    for (const [address, reason] of refused) this.#mailer.rejectTo(address, reason);
    this.#refused = refused;
  }

  async handle(request: Request): Promise<Response> {
    this.sync(request);
    const response = await this.handler(request);
    response.headers.set(MAIL_COUNT_HEADER, String(this.deliveries.length));
    return response;
  }

  async close(): Promise<void> {
    this.handler.close();
    await this.backend.close();
  }
}
