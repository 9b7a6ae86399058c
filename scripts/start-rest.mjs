#!/usr/bin/env node
/**
 * `npm run start:rest`: the demo portal on the REST backend, in one command.
 *
 *   1. A Node server (node:http via serveNode) on http://127.0.0.1:8787 serving the Roster
 *      REST API at /api: createRestHandler over a memory backend seeded with a few users.
 *   2. The demo portal (Vite, like `npm start`) on http://127.0.0.1:5173, opened as
 *      /?backend=rest&url=http://127.0.0.1:8787/api — every click goes over HTTP.
 *
 * Sign-in is faked for the demo, but not guessable: each run makes a random token, prints
 * it, and hands it to the demo page it opens (`&token=`); the API admits
 * `Authorization: Bearer <that token>` as the seeded owner, Olivia, and nothing else (401).
 * The API answers only the Host names 127.0.0.1, localhost and [::1] (a DNS-rebinding page
 * on another name gets a 403), and CORS admits only the demo page's own origin and those
 * given with --cors-origin. `POST /__demo/reset` (outside the API, demo only, same token)
 * swaps in a freshly seeded directory; connected pages see the server restart and reload.
 *
 * Options: --port <n> API port (default 8787, or $ROSTER_API_PORT; 0 picks a free one)
 *          --demo-port <n> demo port (default 5173; the next free one if taken)
 *          --host <addr> (default 127.0.0.1)
 *          --allowed-host <names> more Host names the API answers, comma-separated
 *          --cors-origin <origins> more origins allowed to call it, comma-separated
 *          --api-only      serve only the API
 * Environment: ROSTER_API_TOKEN fixes the token (scripts, tests); otherwise it is random.
 *
 * The TypeScript sources run through tsx with the "roster-source" condition: this file
 * re-runs itself under them, so no build is needed.
 */
import { runUnderTsx, serveDemoOnApi, startOptions } from './lib/demo-runner.mjs';

const CHILD = 'ROSTER_START_REST_CHILD';

/** The demo directory: an owner (the demo's admin) and a few colleagues. */
const OWNER = { id: 'demo-owner', name: 'Olivia Owner' };
const SEED = [
  { id: OWNER.id, name: OWNER.name, email: 'olivia@acme.example', role: 'owner' },
  { name: 'Anna Berg', email: 'anna@acme.example', role: 'admin' },
  { name: 'Björn Ek', email: 'bjorn@acme.example' },
  { name: 'François Dupont', email: 'francois@acme.example' },
  { name: 'Thandi Nkosi', phone: '+27821234567' },
  { name: 'María García', email: 'maria@acme.example' },
  { name: 'Kenji Watanabe', email: 'kenji@acme.example', role: 'admin' },
  { name: 'Zanele Dlamini', email: 'zanele@acme.example' },
];

async function main() {
  const { createRoster } = await import('@roster/core');
  const { memoryBackend } = await import('@roster/adapters/memory');
  const { createRestHandler } = await import('@roster/adapters/rest/server');
  const { serveNode } = await import('@roster/adapters/rest/server/node');

  const {
    host,
    port: apiPort,
    demoPort,
    apiOnly,
    token,
    allowedHosts,
    corsOrigins,
  } = startOptions({ portEnv: 'ROSTER_API_PORT', defaultPort: 8787, tokenEnv: 'ROSTER_API_TOKEN' });
  const signedIn = (request) => request.headers.get('Authorization') === `Bearer ${token}`;
  const hostAllowed = (url) => allowedHosts.includes(url.hostname.toLowerCase());
  const originAllowed = (origin) => corsOrigins.has(origin);

  async function seededHandler() {
    const backend = memoryBackend();
    const roster = createRoster({ backend, actor: null, defaultCountry: 'ZA' });
    for (const user of SEED) await roster.users.create(user, { invite: true });
    return createRestHandler(backend, {
      basePath: '/api',
      authorize: (request) => (signedIn(request) ? { actor: OWNER } : null),
      allowedHosts,
      cors: { origin: originAllowed },
      onError: (error) => console.error('Roster API error:', error),
    });
  }

  let handler = await seededHandler();
  const api = await serveNode(
    async (request) => {
      const url = new URL(request.url);
      if (url.pathname === '/__demo/reset') return resetDemo(request, url);
      return handler(request);
    },
    { host, port: apiPort, onError: (error) => console.error('Roster API server error:', error) },
  );

  /** Demo only: a fresh directory. Open pages see the change log restart and reload. */
  async function resetDemo(request, url) {
    if (!hostAllowed(url)) return new Response(null, { status: 403 });
    const origin = request.headers.get('Origin');
    const headers =
      origin && originAllowed(origin)
        ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' }
        : {};
    if (request.method === 'OPTIONS') {
      return new Response(null, {
        status: 204,
        headers: {
          ...headers,
          'Access-Control-Allow-Methods': 'POST',
          'Access-Control-Allow-Headers': 'Authorization',
        },
      });
    }
    if (request.method !== 'POST' || !signedIn(request)) {
      return new Response(null, { status: 401, headers });
    }
    const previous = handler;
    handler = await seededHandler();
    previous.close();
    return new Response(null, { status: 204, headers });
  }

  await serveDemoOnApi({
    title: 'Roster REST API (memory backend)',
    apiUrl: `${api.url}/api`,
    tryPath: '/users',
    token,
    allowedHosts,
    corsOrigins,
    apiOnly,
    host,
    demoPort,
    backend: 'rest',
    close: async () => {
      handler.close();
      await api.close();
    },
  });
}

// Last, so every declaration above is initialised before main() runs.
await runUnderTsx(import.meta.url, CHILD, main);
