/**
 * The REST client's fault cases (rest-support/fault-cases.ts) in Chromium, against the
 * fault server the WTR plugin runs on 127.0.0.1.
 */
import { before } from '@roster/test-support/harness';
import { testServerUrls } from './rest-support/locate.js';
import type { TestServerUrls } from './rest-support/protocol.js';
import { registerFaultCases } from './rest-support/fault-cases.js';

let urls: TestServerUrls | undefined;
before(async () => {
  urls = await testServerUrls();
});

registerFaultCases(() => {
  if (!urls) throw new Error('the REST test servers are not known yet');
  return urls.faults;
});
