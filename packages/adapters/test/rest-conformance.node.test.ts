/**
 * The backend conformance suite against the REST client talking, over real HTTP on
 * 127.0.0.1, to createRestHandler(memory backend) — in Node (the client runs in Node
 * hosts too). rest-conformance.browser.test.ts runs the same in Chromium.
 */
import { describe, it, beforeEach, afterEach, before, after } from '@roster/test-support/harness';
import { runBackendConformance } from '@roster/core/testing';
import { startTestServers, type TestServers } from './rest-support/servers.js';
import { restConformanceCreate } from './rest-support/subject.js';

let servers: TestServers | undefined;
before(async () => {
  servers = await startTestServers();
});
after(async () => {
  await servers?.close();
});

runBackendConformance({
  name: 'rest (node)',
  harness: { describe, it, beforeEach, afterEach },
  create: restConformanceCreate(() => {
    if (!servers) throw new Error('the REST test servers did not start');
    return servers.urls.conformance;
  }),
});
