/**
 * The backend conformance suite in Chromium: the SCIM client in the browser on
 * createScimHandler running in the same page (a Fetch-API handler runs anywhere), so the
 * client's browser path (ky, fetch, URL handling) is what is tested here; the Node test
 * covers real HTTP.
 */
import { describe, it, beforeEach, afterEach } from '@roster/test-support/harness';
import { runBackendConformance } from '@roster/core/testing';
import type { ScimHandler } from '@roster/adapters/scim/server';
import { inProcessFetch, scimConformanceCreate } from './scim-support/subject.js';

runBackendConformance({
  name: 'scim (browser)',
  harness: { describe, it, beforeEach, afterEach },
  create: scimConformanceCreate(async () => {
    let handler: ScimHandler | undefined;
    return {
      basePath: '/scim/v2',
      baseUrl: 'http://127.0.0.1/scim/v2',
      fetch: (input, init) => {
        if (!handler) throw new Error('no SCIM endpoint attached');
        return inProcessFetch(handler)(input, init);
      },
      attach: (attached) => {
        handler = attached;
      },
      close: async () => undefined,
    };
  }),
});
