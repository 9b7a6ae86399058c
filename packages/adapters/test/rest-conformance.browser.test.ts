/**
 * The backend conformance suite in Chromium: the REST client in the browser talks over
 * real HTTP to a Node server on 127.0.0.1 serving createRestHandler(memory backend),
 * started and stopped by the test run (rest-support/wtr-plugin.mjs).
 */
import { describe, it, beforeEach, afterEach, before } from '@roster/test-support/harness';
import { runBackendConformance } from '@roster/core/testing';
import { testServerUrls } from './rest-support/locate.js';
import type { TestServerUrls } from './rest-support/protocol.js';
import { restConformanceCreate } from './rest-support/subject.js';

let urls: TestServerUrls | undefined;
before(async () => {
  urls = await testServerUrls();
});

runBackendConformance({
  name: 'rest (browser)',
  harness: { describe, it, beforeEach, afterEach },
  create: restConformanceCreate(() => {
    if (!urls) throw new Error('the REST test servers are not known yet');
    return urls.conformance;
  }),
});
