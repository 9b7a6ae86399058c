#!/usr/bin/env node
/**
 * `npm run start:scim`: the demo portal on the SCIM backend, in one command.
 *
 *   1. A Node server (serveNode) on http://127.0.0.1:8788 serving SCIM 2.0 at /scim/v2:
 *      createScimHandler over a memory backend seeded with the demo's directory
 *      (demo/seed: about 200 people in ten groups).
 *   2. The demo portal (Vite, like `npm start`) on http://127.0.0.1:5173, opened as
 *      /?backend=scim&url=http://127.0.0.1:8788/scim/v2&token=… — <roster-admin> on SCIM:
 *      users and groups; no devices, outbox, activity or recycle bin (SCIM has none).
 *
 * The endpoint admits `Authorization: Bearer <token>` with a random token per run
 * (printed, and handed to the page it opens), acting as the seeded owner; anything else
 * is a 401. It answers only the Host names 127.0.0.1, localhost and [::1], and CORS admits
 * only the demo page's own origin and those given with --cors-origin. Point an identity
 * provider's SCIM client (or curl) at it as well.
 *
 * Options: --port <n> SCIM port (default 8788, or $ROSTER_SCIM_PORT; 0 picks a free one)
 *          --demo-port <n> demo port (default 5173; the next free one if taken)
 *          --host <addr> (default 127.0.0.1)
 *          --allowed-host <names> more Host names answered, comma-separated
 *          --cors-origin <origins> more origins allowed to call it, comma-separated
 *          --api-only      serve only the SCIM endpoint
 * Environment: ROSTER_SCIM_TOKEN fixes the token (scripts, tests); otherwise it is random.
 */
import { runUnderTsx, serveDemoOnApi, startOptions } from './lib/demo-runner.mjs';

const CHILD = 'ROSTER_START_SCIM_CHILD';

async function main() {
  const { memoryBackend } = await import('@roster/adapters/memory');
  const { createScimHandler } = await import('@roster/adapters/scim/server');
  const { serveNode } = await import('@roster/adapters/rest/server/node');
  const { generateDirectory } = await import('../demo/seed/index.ts');

  const { host, port, demoPort, apiOnly, token, allowedHosts, corsOrigins } = startOptions({
    portEnv: 'ROSTER_SCIM_PORT',
    defaultPort: 8788,
    tokenEnv: 'ROSTER_SCIM_TOKEN',
  });

  const directory = generateDirectory();
  const { users, groups, settings, devices, admin } = directory;
  const backend = memoryBackend({ seed: { users, groups, settings, devices } });
  const handler = createScimHandler(backend, {
    basePath: '/scim/v2',
    authorize: (request) =>
      request.headers.get('Authorization') === `Bearer ${token}` ? { actor: admin } : null,
    allowedHosts,
    cors: { origin: (origin) => corsOrigins.has(origin) },
    onError: (error) => console.error('Roster SCIM error:', error),
  });
  const api = await serveNode(handler, {
    host,
    port,
    onError: (error) => console.error('Roster SCIM server error:', error),
  });

  await serveDemoOnApi({
    title: 'Roster SCIM 2.0 endpoint (memory backend)',
    apiUrl: `${api.url}/scim/v2`,
    tryPath: '/Users?count=2',
    token,
    allowedHosts,
    corsOrigins,
    apiOnly,
    host,
    demoPort,
    backend: 'scim',
    close: () => Promise.allSettled([api.close(), backend.close()]),
  });
}

await runUnderTsx(import.meta.url, CHILD, main);
