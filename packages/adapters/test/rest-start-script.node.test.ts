/**
 * `npm run start:rest` (scripts/start-rest.mjs) is not open to DNS rebinding or to other
 * pages (issue 14): a random token per run, printed; `Host` names other than loopback
 * refused; CORS only for the origins it was given. Node only: starts the script (API
 * only, a free port on 127.0.0.1) and talks to it over HTTP.
 */
import { describe, it, before, after } from '@roster/test-support/harness';
import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../../../scripts/start-rest.mjs', import.meta.url));
const ALLOWED_ORIGIN = 'http://127.0.0.1:4444';

interface Started {
  child: ChildProcess;
  apiUrl: string;
  token: string;
}

/** Starts the script and waits for it to print its URL and token. */
function start(): Promise<Started> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.ROSTER_API_TOKEN;
    const child = spawn(
      process.execPath,
      [script, '--api-only', '--port', '0', '--cors-origin', ALLOWED_ORIGIN],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    const timer = setTimeout(() => reject(new Error(`start-rest did not start:\n${out}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const apiUrl = /API \(memory backend\) at: (\S+)/.exec(out)?.[1];
      const token = /Token for this run: (\S+)/.exec(out)?.[1];
      if (apiUrl && token && out.includes('Press Ctrl+C')) {
        clearTimeout(timer);
        resolve({ child, apiUrl, token });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`start-rest exited ${code}:\n${out}`)));
  });
}

/** A GET with any headers, `Host` included (fetch cannot set it). */
function get(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'GET', headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('npm run start:rest', () => {
  let started: Started;
  before(async () => {
    started = await start();
  });
  after(async () => {
    const { child } = started;
    if (child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  });

  it('prints a random token for the run; the old fixed "demo" token is a 401', async () => {
    const { apiUrl, token } = started;
    expect(token).to.match(/^[A-Za-z0-9_-]{32}$/);
    expect(apiUrl).to.match(/^http:\/\/127\.0\.0\.1:\d+\/api$/);
    const users = `${apiUrl}/users`;
    expect((await get(users, { Authorization: 'Bearer demo' })).status).to.equal(401);
    expect((await get(users, {})).status).to.equal(401);
    expect((await get(users, { Authorization: `Bearer ${token}` })).status).to.equal(200);
  });

  it('refuses Host names other than loopback, even with the token (DNS rebinding)', async () => {
    const { apiUrl, token } = started;
    const port = new URL(apiUrl).port;
    const auth = { Authorization: `Bearer ${token}` };
    const rebound = await get(`${apiUrl}/users`, { ...auth, Host: `attacker.example:${port}` });
    expect(rebound.status).to.equal(403);
    const local = await get(`${apiUrl}/users`, { ...auth, Host: `localhost:${port}` });
    expect(local.status).to.equal(200);
    const reset = await get(`${apiUrl.replace(/\/api$/, '')}/__demo/reset`, {
      ...auth,
      Host: `attacker.example:${port}`,
    });
    expect(reset.status, 'the demo reset too').to.equal(403);
  });

  it('answers CORS only for the origins it was given, not any page on this machine', async () => {
    const { apiUrl, token } = started;
    const auth = { Authorization: `Bearer ${token}` };
    const allowed = await get(`${apiUrl}/users`, { ...auth, Origin: ALLOWED_ORIGIN });
    expect(allowed.headers['access-control-allow-origin']).to.equal(ALLOWED_ORIGIN);
    for (const origin of [
      'http://localhost:9999',
      'http://127.0.0.1:5174',
      'https://evil.example',
    ]) {
      const other = await get(`${apiUrl}/users`, { ...auth, Origin: origin });
      expect(other.headers['access-control-allow-origin'], origin).to.equal(undefined);
    }
  });
});
