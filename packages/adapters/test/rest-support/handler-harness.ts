/**
 * Builds a createRestHandler over a memory backend for handler tests, with a `send`
 * that makes Fetch requests to it directly (no network).
 */
import { expect } from 'chai';
import type { Backend, NewUser } from '@roster/core';
import { newUser as coreNewUser, testClock } from '@roster/core/testing';
import { memoryBackend } from '@roster/adapters/memory';
import {
  createRestHandler,
  type Authorize,
  type RestHandlerOptions,
} from '@roster/adapters/rest/server';

export const ADMIN = { id: 'admin-1', name: 'Ada Admin' };
export const ORIGIN = 'http://roster.test';

interface SendOptions {
  body?: unknown;
  headers?: Record<string, string>;
  token?: string | null;
}

export function setup(
  options: Partial<RestHandlerOptions> = {},
  backend: Backend = memoryBackend({ now: testClock() }),
) {
  const operations: (string | null)[] = [];
  const authorize: Authorize = (request, { operation }) => {
    operations.push(operation);
    return request.headers.get('Authorization') === 'Bearer ok' ? { actor: ADMIN } : null;
  };
  // The harness's requests go to http://roster.test (no network): a host it allows.
  const handler = createRestHandler(backend, {
    authorize,
    allowedHosts: [new URL(ORIGIN).hostname],
    ...options,
  });
  const send = (
    method: string,
    path: string,
    { body, headers = {}, token = 'ok' }: SendOptions = {},
  ) => {
    const all: Record<string, string> = { ...headers };
    if (token !== null) all.Authorization = `Bearer ${token}`;
    if (body !== undefined && all['Content-Type'] === undefined)
      all['Content-Type'] = 'application/json';
    return handler(
      new Request(`${ORIGIN}${path}`, {
        method,
        headers: all,
        ...(body === undefined
          ? {}
          : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      }),
    );
  };
  return { backend, handler, send, operations };
}

/** `base` with some methods replaced (a Proxy: LocalBackend's private fields need `this`). */
export function withOverrides(base: Backend, overrides: Partial<Backend>): Backend {
  return new Proxy(base, {
    get(target, property) {
      if (property in overrides) return overrides[property as keyof Backend];
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  issues?: { path: (string | number)[]; message: string }[];
}

export async function problemOf(response: Response): Promise<Problem> {
  expect(response.headers.get('Content-Type')).to.match(/^application\/problem\+json/);
  return (await response.json()) as Problem;
}

/** A valid new user with the given id (and `<id>@example.com`). */
export function newUser(id: string, overrides: Partial<NewUser> = {}): NewUser {
  return coreNewUser({ id, email: `${id}@example.com`, ...overrides });
}
