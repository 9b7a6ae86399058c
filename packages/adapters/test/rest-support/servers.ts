/**
 * The REST test servers (Node only): a conformance server and a fault server, each on
 * 127.0.0.1 with a free port, each hosting any number of fresh instances (see
 * protocol.ts). The WTR plugin runs them in a child process for the browser tests;
 * Node tests start them in-process.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { requestFromNode, sendNodeResponse } from '@roster/adapters/rest/server/node';
import { TestInstance } from './instances.js';
import { IDEMPOTENCY_KEY } from '../../src/rest/wire/index.js';
import type { Fault, LoggedRequest, TestServerUrls } from './protocol.js';

type Kind = 'conformance' | 'faults';

function cors(request: Request, response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set('Access-Control-Allow-Origin', request.headers.get('Origin') ?? '*');
  headers.set('Access-Control-Expose-Headers', '*');
  headers.set('Vary', 'Origin');
  return new Response(response.body, { status: response.status, headers });
}

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

/** A test server's instances and its control routes. */
class TestApp {
  readonly instances = new Map<string, TestInstance>();
  origin = '';

  constructor(readonly kind: Kind) {}

  /** The instance an API path belongs to, and the path below its base. */
  instanceOf(pathname: string): { instance: TestInstance; rest: string } | null {
    const match = /^\/i\/([^/]+)(\/.*)?$/.exec(pathname);
    const instance = match ? this.instances.get(match[1]!) : undefined;
    return instance ? { instance, rest: match![2] ?? '/' } : null;
  }

  async control(request: Request, url: URL): Promise<Response> {
    const parts = url.pathname.split('/').filter(Boolean).slice(1); // after __test
    if (parts[0] !== 'instances') return jsonResponse({ error: 'unknown control route' }, 404);
    if (parts.length === 1 && request.method === 'POST') {
      const id = globalThis.crypto.randomUUID().slice(0, 12);
      this.instances.set(id, new TestInstance(id, `/i/${id}`));
      return jsonResponse({ id, baseUrl: `${this.origin}/i/${id}` }, 201);
    }
    const instance = this.instances.get(parts[1] ?? '');
    if (!instance) return jsonResponse({ error: 'no such instance' }, 404);
    const action = parts[2];
    if (action === undefined && request.method === 'DELETE') {
      this.instances.delete(instance.id);
      await instance.close();
      return new Response(null, { status: 204 });
    }
    if (action === 'mail') {
      const from = Number(url.searchParams.get('from') ?? 0);
      return jsonResponse({ deliveries: instance.deliveries.slice(from) });
    }
    if (action === 'log') return jsonResponse({ requests: instance.log });
    if (action === 'faults' && request.method === 'POST') {
      const { faults } = (await request.json()) as { faults: Fault[] };
      instance.faults.push(...faults.map((fault) => ({ ...fault, times: fault.times ?? 1 })));
      return jsonResponse({ queued: instance.faults.length });
    }
    if (action === 'peek') {
      const [what, key = ''] = parts.slice(3);
      const peek = instance.peek;
      const value =
        what === 'user'
          ? await peek.user(key)
          : what === 'group'
            ? await peek.group(key)
            : what === 'devices'
              ? await peek.devices(key)
              : what === 'settings'
                ? await peek.settings()
                : what === 'messages'
                  ? await peek.messages()
                  : what === 'audit'
                    ? await peek.audit()
                    : undefined;
      if (value === undefined) return jsonResponse({ error: 'unknown peek' }, 404);
      return jsonResponse({ value });
    }
    return jsonResponse({ error: 'unknown control route' }, 404);
  }

  /** The Fetch-level app: control routes, then instance APIs. */
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (request.method === 'OPTIONS') {
      return new Response(null, {
        status: 204,
        headers: {
          'Access-Control-Allow-Origin': request.headers.get('Origin') ?? '*',
          'Access-Control-Allow-Methods': 'GET, POST, PATCH, DELETE',
          'Access-Control-Allow-Headers':
            request.headers.get('Access-Control-Request-Headers') ?? '*',
          'Access-Control-Max-Age': '600',
        },
      });
    }
    if (url.pathname.startsWith('/__test/')) return cors(request, await this.control(request, url));
    const target = this.instanceOf(url.pathname);
    if (!target) return cors(request, jsonResponse({ error: 'no such instance' }, 404));
    return cors(request, await target.instance.handle(request));
  }

  /** The next scripted fault for a request, consumed. */
  takeFault(instance: TestInstance, method: string, rest: string): Fault | null {
    const index = instance.faults.findIndex(
      (fault) =>
        (fault.method === undefined || fault.method === method) &&
        (fault.path === undefined || fault.path === rest),
    );
    if (index === -1) return null;
    const fault = instance.faults[index]!;
    fault.times = (fault.times ?? 1) - 1;
    if (fault.times <= 0) instance.faults.splice(index, 1);
    return fault;
  }

  /** The Node-level listener: the fault server misbehaves here, at the socket. */
  listener = (req: IncomingMessage, res: ServerResponse): void => {
    void (async () => {
      const request = requestFromNode(req, res);
      const url = new URL(request.url);
      const target = this.kind === 'faults' ? this.instanceOf(url.pathname) : null;
      const fault =
        target && request.method !== 'OPTIONS'
          ? this.takeFault(target.instance, request.method, target.rest)
          : null;
      if (target && request.method !== 'OPTIONS') {
        const entry: LoggedRequest = {
          method: request.method,
          path: target.rest,
          idempotencyKey: request.headers.get(IDEMPOTENCY_KEY),
          authorization: request.headers.get('Authorization'),
          at: Date.now(),
          fault: fault?.action.type ?? null,
        };
        target.instance.log.push(entry);
      }
      const action = fault?.action;
      if (action?.type === 'reset') {
        req.socket.destroy();
        return;
      }
      if (action?.type === 'delay') await new Promise((r) => setTimeout(r, action.ms));
      if (action?.type === 'status') {
        const headers: Record<string, string> = { 'Content-Type': 'application/problem+json' };
        if (action.retryAfter !== undefined) headers['Retry-After'] = action.retryAfter;
        const body = {
          type: 'about:blank',
          title: 'Scripted fault',
          status: action.status,
          detail: `Scripted ${action.status} from the fault server.`,
          ...(action.status === 503 || action.status === 429 ? { code: 'unavailable' } : {}),
        };
        await sendNodeResponse(
          res,
          cors(request, new Response(JSON.stringify(body), { status: action.status, headers })),
        );
        return;
      }
      if (action?.type === 'malformed' || action?.type === 'wrong-shape') {
        const body =
          action.type === 'malformed' ? '{"items": [{"id": "u1", ' : '{"hello": "world"}';
        await sendNodeResponse(
          res,
          cors(request, new Response(body, { headers: { 'Content-Type': 'application/json' } })),
        );
        return;
      }
      const response = await this.fetch(request);
      if (action?.type === 'reset-after') {
        // The work is done (and remembered); the client never hears about it.
        await response.text();
        req.socket.destroy();
        return;
      }
      await sendNodeResponse(res, response);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  };
}

/** Running test servers. */
export interface TestServers {
  urls: TestServerUrls;
  close(): Promise<void>;
}

async function listen(app: TestApp): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(app.listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  app.origin = `http://127.0.0.1:${port}`;
  return {
    url: app.origin,
    close: async () => {
      for (const instance of app.instances.values()) await instance.close();
      app.instances.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** Starts the conformance and fault servers on 127.0.0.1. */
export async function startTestServers(): Promise<TestServers> {
  const conformance = await listen(new TestApp('conformance'));
  const faults = await listen(new TestApp('faults'));
  return {
    urls: { conformance: conformance.url, faults: faults.url },
    close: async () => {
      await Promise.all([conformance.close(), faults.close()]);
    },
  };
}
