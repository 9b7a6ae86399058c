/**
 * @web/test-runner plugin: the REST test servers (conformance + faults) for the browser
 * tests, in a child Node process (TypeScript sources via tsx and the "roster-source"
 * condition). Started on first use — when a test fetches /__rest-support/servers.json
 * from the test page's own origin — and stopped with the test run.
 */
import { spawn } from 'node:child_process';
import process from 'node:process';
import { createInterface } from 'node:readline';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../../../..');
const MAIN = resolve(HERE, 'main.ts');
export const SERVERS_PATH = '/__rest-support/servers.json';

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function restTestServers() {
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let child;
  /** @type {Promise<string> | undefined} */
  let started;

  function start() {
    started ??= new Promise((resolveUrls, reject) => {
      child = spawn(process.execPath, ['--conditions=roster-source', '--import', 'tsx', MAIN], {
        cwd: ROOT,
        stdio: ['pipe', 'pipe', 'inherit'],
      });
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`REST test servers exited (${code})`)));
      const lines = createInterface({ input: child.stdout });
      lines.once('line', (line) => resolveUrls(line));
    });
    return started;
  }

  return {
    name: 'roster-rest-test-servers',
    async serve(context) {
      if (context.path !== SERVERS_PATH) return undefined;
      return { body: await start(), type: 'json' };
    },
    async serverStop() {
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.stdin.end();
      child.kill('SIGTERM');
      await exited;
    },
  };
}
