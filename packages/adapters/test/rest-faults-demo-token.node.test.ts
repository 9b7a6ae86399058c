/**
 * The REST demo (demo/backends/rest.ts) has no fixed token to fall back to (issue 14):
 * without the run's `&token=` it says where to get it and sends nothing.
 */
import { describe, it } from '@roster/test-support/harness';
import { expect } from 'chai';
import { MISSING_TOKEN, createRestDemoBackend } from '../../../demo/backends/rest.js';

describe('demo: REST backend token', () => {
  for (const query of ['url=http://127.0.0.1:9/api', 'url=http://127.0.0.1:9/api&token=%20']) {
    it(`a link without the run's token is refused with where to find it (${query})`, async () => {
      let sent = 0;
      const fetch = globalThis.fetch;
      globalThis.fetch = (...args) => {
        sent += 1;
        return fetch(...args);
      };
      try {
        const error = await createRestDemoBackend(new URLSearchParams(query)).then(
          () => null,
          (cause: unknown) => cause,
        );
        expect(error).to.be.instanceOf(Error);
        expect((error as Error).message).to.equal(MISSING_TOKEN);
        expect(MISSING_TOKEN).to.contain('npm run start:rest').and.contain('&token=');
        expect(sent, 'no request without a token').to.equal(0);
      } finally {
        globalThis.fetch = fetch;
      }
    });
  }
});
