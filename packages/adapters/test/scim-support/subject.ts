/**
 * The SCIM client on the SCIM endpoint as a conformance subject: a fresh memory store per
 * test, `createScimHandler` over a `LocalBackend` on it (with the suite's clock and
 * mailer), and `scimBackend` talking to the handler through `fetch` — over real HTTP on
 * 127.0.0.1 in Node (see scim-conformance.node.test.ts), in-process in Chromium. The peek
 * reads the store behind the endpoint.
 */
import { LocalBackend } from '@roster/core/backend-kit';
import { storePeek, type ConformanceContext, type ConformanceSubject } from '@roster/core/testing';
import { memoryStore } from '@roster/adapters/memory';
import { actorFromRequest } from '@roster/adapters/rest/server';
import { scimBackend, type ScimBackendOptions } from '@roster/adapters/scim';
import { createScimHandler, type ScimHandler } from '@roster/adapters/scim/server';

export const TEST_TOKEN = 'scim-conformance';

/** Admits the test token, acting for the admin named in `Roster-Actor` (the suite varies it). */
export function testAuthorize(request: Request) {
  return request.headers.get('Authorization') === `Bearer ${TEST_TOKEN}`
    ? { actor: actorFromRequest(request) }
    : null;
}

/** A fresh endpoint over a fresh store, with the suite's clock and mailer. */
export function freshEndpoint(
  context: Pick<ConformanceContext, 'now' | 'mailer'>,
  basePath = '/scim/v2',
) {
  const store = memoryStore();
  const backend = new LocalBackend(store, { now: context.now, mailer: context.mailer });
  const handler = createScimHandler(backend, { basePath, authorize: testAuthorize });
  return { store, backend, handler };
}

/** Client options for tests: the test token, the actor forwarded, quick retries. */
export function clientOptions(
  baseUrl: string,
  extra: Partial<ScimBackendOptions> = {},
): ScimBackendOptions {
  return {
    baseUrl,
    getToken: () => TEST_TOKEN,
    forwardActor: true,
    retry: { limit: 1, base: 5, max: 20 },
    ...extra,
  };
}

/** A fetch that hands each request to `handler` in this process (no sockets). */
export function inProcessFetch(handler: ScimHandler): typeof fetch {
  return (input, init) => handler(new Request(input, init));
}

/** Where a test's endpoint is served: the client's base URL, and how the handler is hooked up. */
export interface ServedEndpoint {
  /** The path the handler is mounted under. */
  basePath: string;
  /** The URL the client talks to (`…` + `basePath`). */
  baseUrl: string;
  /** The fetch the client uses, when not the global one. */
  fetch?: typeof fetch;
  /** Puts the test's handler behind `baseUrl`. */
  attach(handler: ScimHandler): void;
  close(): Promise<void>;
}

/** The conformance `create`: `serve` says where each test's fresh endpoint is reached. */
export function scimConformanceCreate(
  serve: () => Promise<ServedEndpoint>,
): (context: ConformanceContext) => Promise<ConformanceSubject> {
  return async (context) => {
    const served = await serve();
    const endpoint = freshEndpoint(context, served.basePath);
    served.attach(endpoint.handler);
    // SCIM carries no account settings: the client keeps them in a source of its own.
    const settingsStore = memoryStore();
    const settings = new LocalBackend(settingsStore, { now: context.now });
    const backend = await scimBackend(
      clientOptions(served.baseUrl, { settings, ...(served.fetch ? { fetch: served.fetch } : {}) }),
    );
    return {
      backend,
      peek: { ...storePeek(endpoint.store), settings: storePeek(settingsStore).settings },
      // No reopen: SCIM deletes are final, which the persistence cases do not expect.
      cleanup: async () => {
        await served.close();
        await endpoint.backend.close();
        await settings.close();
      },
    };
  };
}
