import type { TestServerUrls } from './protocol.js';

/**
 * In a browser test: where the REST test servers listen, asked from the test page's own
 * origin (the WTR plugin in wtr-plugin.mjs answers, starting the servers on first use).
 */
export async function testServerUrls(): Promise<TestServerUrls> {
  const response = await fetch('/__rest-support/servers.json');
  if (!response.ok) {
    throw new Error(
      'The REST test servers are not available: is restTestServers() (packages/adapters/test/rest-support/wtr-plugin.mjs) in web-test-runner.config.mjs?',
    );
  }
  return (await response.json()) as TestServerUrls;
}
