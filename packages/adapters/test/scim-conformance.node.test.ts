/**
 * The backend conformance suite against the SCIM client talking, over real HTTP on
 * 127.0.0.1, to createScimHandler over a memory store. One server for the file routes
 * `/t/<n>/…` to each test's fresh endpoint. Cases SCIM cannot serve (devices,
 * invitations, outbox, audit, soft delete, data export) are skipped by capability.
 */
import { describe, it, beforeEach, afterEach, before, after } from '@roster/test-support/harness';
import { runBackendConformance } from '@roster/core/testing';
import { serveNode, type NodeServer } from '@roster/adapters/rest/server/node';
import type { ScimHandler } from '@roster/adapters/scim/server';
import { scimConformanceCreate } from './scim-support/subject.js';

const endpoints = new Map<string, ScimHandler>();
let server: NodeServer | undefined;
let serial = 0;

before(async () => {
  server = await serveNode(
    async (request) => {
      const id = /^\/t\/(\d+)\//.exec(new URL(request.url).pathname)?.[1] ?? '';
      const handler = endpoints.get(id);
      return handler ? handler(request) : new Response('no such test endpoint', { status: 404 });
    },
    { host: '127.0.0.1', port: 0 },
  );
});
after(async () => {
  await server?.close();
});

runBackendConformance({
  name: 'scim (node, http)',
  harness: { describe, it, beforeEach, afterEach },
  create: scimConformanceCreate(async () => {
    if (!server) throw new Error('the SCIM test server did not start');
    const id = String((serial += 1));
    const basePath = `/t/${id}/scim/v2`;
    return {
      basePath,
      baseUrl: `${server.url}${basePath}`,
      attach: (handler) => endpoints.set(id, handler),
      close: async () => {
        endpoints.delete(id);
      },
    };
  }),
});
