/**
 * The REST backend as a conformance subject (browser and Node): every test gets a fresh
 * server instance, a REST client on it, a peek that reads the server's store over the
 * test-only control routes, and the suite's clock and mailer bridged to the server's.
 */
import type { Backend, OutgoingMessage } from '@roster/core';
import type {
  ConformanceContext,
  ConformanceSubject,
  Peek,
  TestMailer,
} from '@roster/core/testing';
import { DEFAULT_BOUNCE_REASON } from '@roster/core/testing';
import { restBackend, type RestBackendOptions } from '@roster/adapters/rest';
import {
  MAIL_COUNT_HEADER,
  NOW_HEADER,
  REFUSE_HEADER,
  encodeRefusals,
  type Delivery,
} from './protocol.js';

/** A fresh instance on a test server. */
export interface TestInstanceHandle {
  id: string;
  /** The instance's API base URL. */
  baseUrl: string;
  /** The instance's control URL (`…/__test/instances/{id}`). */
  controlUrl: string;
}

/** Creates a fresh instance on the test server at `serverUrl`. */
export async function createInstance(serverUrl: string): Promise<TestInstanceHandle> {
  const response = await fetch(`${serverUrl}/__test/instances`, { method: 'POST' });
  if (!response.ok) throw new Error(`test server: cannot create an instance (${response.status})`);
  const { id, baseUrl } = (await response.json()) as { id: string; baseUrl: string };
  return { id, baseUrl, controlUrl: `${serverUrl}/__test/instances/${id}` };
}

export async function deleteInstance(instance: TestInstanceHandle): Promise<void> {
  await fetch(instance.controlUrl, { method: 'DELETE' }).catch(() => undefined);
}

async function controlJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`test server: ${url} answered ${response.status}`);
  return (await response.json()) as T;
}

/** A Peek reading the instance's store through the control routes. */
export function remotePeek(instance: TestInstanceHandle): Peek {
  const read = async <T>(suffix: string): Promise<T> =>
    (await controlJson<{ value: T }>(`${instance.controlUrl}/peek/${suffix}`)).value;
  return {
    user: (id) => read(`user/${encodeURIComponent(id)}`),
    group: (id) => read(`group/${encodeURIComponent(id)}`),
    devices: (userId) => read(`devices/${encodeURIComponent(userId)}`),
    settings: () => read('settings'),
    messages: () => read('messages'),
    audit: () => read('audit'),
  };
}

/**
 * A fetch that carries the test clock's time and the test mailer's refusals to the server,
 * and replays the server mailer's deliveries through the test mailer, so the suite sees
 * `mailer.sent` / `mailer.rejected` as if the mailer ran in its own process.
 */
export function bridgedFetch(
  instance: TestInstanceHandle,
  context: ConformanceContext,
): typeof fetch {
  const refusals = trackRefusals(context.mailer);
  let seen = 0;
  let syncing: Promise<void> = Promise.resolve();
  const replayMail = async (count: number): Promise<void> => {
    if (count <= seen) return;
    const { deliveries } = await controlJson<{ deliveries: Delivery[] }>(
      `${instance.controlUrl}/mail?from=${seen}`,
    );
    for (const delivery of deliveries) {
      seen += 1;
      await context.mailer.send(delivery.message as OutgoingMessage).catch(() => undefined);
    }
  };
  return async (input, init) => {
    const request = new Request(input, init);
    request.headers.set(NOW_HEADER, context.now().toISOString());
    request.headers.set(REFUSE_HEADER, encodeRefusals([...refusals]));
    const response = await fetch(request);
    const count = Number(response.headers.get(MAIL_COUNT_HEADER) ?? 0);
    syncing = syncing.then(() => replayMail(count));
    await syncing;
    return response;
  };
}

/** Mirrors `rejectTo`/`acceptTo` calls on the suite's mailer into a map we can send. */
function trackRefusals(mailer: TestMailer): Map<string, string> {
  const refusals = new Map<string, string>();
  const key = (address: string): string => address.trim().toLowerCase();
  const rejectTo = mailer.rejectTo.bind(mailer);
  const acceptTo = mailer.acceptTo.bind(mailer);
  mailer.rejectTo = (address, reason = DEFAULT_BOUNCE_REASON) => {
    refusals.set(key(address), reason);
    rejectTo(address, reason);
  };
  mailer.acceptTo = (address) => {
    refusals.delete(key(address));
    acceptTo(address);
  };
  return refusals;
}

/** Client options the conformance subject uses (fast retries: the server is local). */
export function testClientOptions(
  baseUrl: string,
  extra: Partial<RestBackendOptions> = {},
): RestBackendOptions {
  return {
    baseUrl,
    getToken: () => 'conformance',
    forwardActor: true,
    timeout: 10_000,
    retry: { limit: 2, base: 20, max: 200 },
    ...extra,
  };
}

/** The `create` of `runBackendConformance` for the REST backend on `serverUrl()`. */
export function restConformanceCreate(
  serverUrl: () => string,
): (context: ConformanceContext) => Promise<ConformanceSubject> {
  return async (context) => {
    const instance = await createInstance(serverUrl());
    const fetch = bridgedFetch(instance, context);
    const open = (): Promise<Backend> =>
      restBackend(testClientOptions(instance.baseUrl, { fetch }));
    return {
      backend: await open(),
      peek: remotePeek(instance),
      // The data lives on the server: a new client over it must find everything again.
      reopen: open,
      cleanup: () => deleteInstance(instance),
    };
  };
}
