/** The REST client's fault cases (rest-support/fault-cases.ts) in Node. */
import { before, after } from '@roster/test-support/harness';
import { startTestServers, type TestServers } from './rest-support/servers.js';
import { registerFaultCases } from './rest-support/fault-cases.js';

let servers: TestServers | undefined;
before(async () => {
  servers = await startTestServers();
});
after(async () => {
  await servers?.close();
});

registerFaultCases(() => {
  if (!servers) throw new Error('the REST test servers did not start');
  return servers.urls.faults;
});
