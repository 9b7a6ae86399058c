/**
 * `@roster/adapters/rest/server/node`: runs a Fetch-API handler (such as
 * `createRestHandler`'s) on Node's `node:http`, streaming both ways (server-sent events
 * included). Also usable as a listener inside an existing Node server or framework.
 * @packageDocumentation
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';

/** A Fetch-API request handler. */
export type FetchHandler = (request: Request) => Promise<Response> | Response;

/** Options of {@link serveNode}. */
export interface ServeNodeOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Interface to listen on. Default `127.0.0.1`: reachable from this machine only. */
  host?: string;
  /** Told about failures converting between Node and Fetch (the client saw a 500). */
  onError?: (error: unknown) => void;
}

/** A running server. */
export interface NodeServer {
  /** `http://host:port` (no trailing slash). */
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  /** Stops listening and ends open connections (event streams included). */
  close(): Promise<void>;
}

/**
 * A Fetch `Request` for a Node request. `signal` aborts when the client goes away, so
 * long work and event streams stop with it.
 *
 * @example
 * ```ts
 * http.createServer(async (req, res) => {
 *   await sendNodeResponse(res, await handler(requestFromNode(req, res)));
 * });
 * ```
 */
export function requestFromNode(
  req: IncomingMessage,
  res: ServerResponse,
  fallbackHost = '127.0.0.1',
): Request {
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith(':') || value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? fallbackHost}`);
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(url, {
    method,
    headers,
    signal: controller.signal,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
  } as RequestInit);
}

/**
 * Writes a Fetch `Response` to a Node response, streaming its body as it comes (an event
 * stream's headers go out at once); stops reading the body when the client goes away.
 *
 * @example
 * ```ts
 * await sendNodeResponse(res, new Response('ok'));
 * ```
 */
export async function sendNodeResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  // Event streams must reach the client now, not when a buffer fills.
  res.flushHeaders();
  const reader = response.body.getReader();
  const stop = (): void => {
    void reader.cancel().catch(() => undefined);
  };
  res.on('close', stop);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) {
        await new Promise<void>((resolve) => {
          const settle = (): void => {
            res.off('drain', settle);
            res.off('close', settle);
            resolve();
          };
          res.on('drain', settle);
          res.on('close', settle);
        });
      }
      if (res.destroyed) break;
    }
  } catch {
    // The body failed or the client left: end what was sent.
  } finally {
    res.off('close', stop);
    if (!res.destroyed) res.end();
  }
}

/**
 * A `node:http` request listener serving `handler`: mount it in a Node server of your own,
 * or in Express/Connect (`app.use('/api/roster', nodeListener(handler))` — mind that
 * they strip the mount path, so create the handler without `basePath` there).
 *
 * @example
 * ```ts
 * const app = express();
 * app.use('/api/roster', nodeListener(createRestHandler(backend, { authorize })));
 * ```
 */
export function nodeListener(
  handler: FetchHandler,
  options: Pick<ServeNodeOptions, 'onError' | 'host'> = {},
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void (async () => {
      try {
        const response = await handler(requestFromNode(req, res, options.host));
        await sendNodeResponse(res, response);
      } catch (error) {
        options.onError?.(error);
        if (!res.headersSent) {
          res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
          res.end('Internal Server Error');
        } else {
          res.destroy();
        }
      }
    })();
  };
}

/**
 * Serves `handler` over HTTP with Node's `node:http`, on 127.0.0.1 unless told otherwise.
 *
 * @example
 * ```ts
 * const server = await serveNode(createRestHandler(backend, { authorize }), { port: 8787 });
 * console.info(`Roster API on ${server.url}`);
 * // later
 * await server.close();
 * ```
 */
export async function serveNode(
  handler: FetchHandler,
  options: ServeNodeOptions = {},
): Promise<NodeServer> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer(nodeListener(handler, { ...options, host }));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
