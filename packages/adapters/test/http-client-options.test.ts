/**
 * The options the REST and SCIM clients share are checked once (http-client/options.ts)
 * and each client's errors still name it: a bad option fails before any request, saying
 * which option, what it must be and which client. Node and Chromium.
 */
import { describe, it } from '@roster/test-support/harness';
import { expect } from 'chai';
import { rejection } from '@roster/test-support/rejection';
import { restBackend } from '@roster/adapters/rest';
import { scimBackend } from '@roster/adapters/scim';

/** A fetch that fails the test if a client sends anything. */
const noRequests: typeof globalThis.fetch = () => {
  throw new Error('no request may be sent with invalid options');
};

const base = { fetch: noRequests };

describe('REST and SCIM clients: shared option checks', () => {
  for (const [client, make] of [
    [
      'restBackend',
      (o: object) => restBackend({ baseUrl: 'http://127.0.0.1:9/api', ...base, ...o }),
    ],
    [
      'scimBackend',
      (o: object) => scimBackend({ baseUrl: 'http://127.0.0.1:9/scim', ...base, ...o }),
    ],
  ] as const) {
    it(`${client} refuses a timeout below 1 ms and negative retry settings, naming itself`, async () => {
      const timeout = await rejection(make({ timeout: 0 }));
      expect(timeout).to.be.instanceOf(RangeError);
      expect((timeout as Error).message).to.equal(
        `${client}: timeout must be a number ≥ 1 (got 0)`,
      );
      const limit = await rejection(make({ retry: { limit: -1 } }));
      expect((limit as Error).message).to.equal(
        `${client}: retry.limit must be a number ≥ 0 (got -1)`,
      );
      const wait = await rejection(make({ retry: { maxRetryAfter: Number.NaN } }));
      expect((wait as Error).message).to.equal(
        `${client}: retry.maxRetryAfter must be a number ≥ 0 (got NaN)`,
      );
    });

    it(`${client} refuses a base URL that is not one`, async () => {
      const error = await rejection(make({ baseUrl: 'http://[not-a-host' }));
      expect(error).to.be.instanceOf(TypeError);
      expect((error as Error).message).to.equal(
        `${client}: baseUrl http://[not-a-host is not a URL`,
      );
    });
  }

  it('restBackend still checks its own options (events, pollInterval)', async () => {
    const events = await rejection(
      restBackend({ baseUrl: 'http://127.0.0.1:9/api', ...base, events: 'push' as 'sse' }),
    );
    expect((events as Error).message).to.equal(
      "restBackend: events must be 'sse', 'poll' or 'none' (got push)",
    );
    const poll = await rejection(
      restBackend({ baseUrl: 'http://127.0.0.1:9/api', ...base, pollInterval: 5 }),
    );
    expect((poll as Error).message).to.equal(
      'restBackend: pollInterval must be a number ≥ 10 (got 5)',
    );
  });
});
