import { ValidationError } from '@roster/core';
import { parsePosition, type ChangeBatch, type ChangePosition } from '../../rest/wire/index.js';
import type { ChangeLog } from '../change-log.js';
import type { Route, RouteContext } from '../context.js';
import { HttpProblem, json } from '../respond.js';
import { changeStream } from '../sse.js';

/** What the change routes need from the handler. */
export interface ChangeRoutesOptions {
  log: ChangeLog;
  heartbeatMs: number;
  /** Registers a stream to end when the handler closes; returns the unregistration. */
  onClose: (close: () => void) => () => void;
  /** The `GET /capabilities` body. */
  capabilities: () => unknown;
}

function afterParam(ctx: RouteContext): ChangePosition | null {
  for (const name of ctx.url.searchParams.keys()) {
    if (name !== 'after') {
      throw new HttpProblem(
        400,
        new ValidationError(`Invalid change query: unknown parameter ${name}`, [
          { path: [name], message: `unknown query parameter "${name}"`, code: 'unrecognized_keys' },
        ]),
      );
    }
  }
  const text = ctx.url.searchParams.get('after') ?? ctx.request.headers.get('Last-Event-ID');
  if (!text) return null;
  const position = parsePosition(text);
  if (!position) {
    throw new HttpProblem(
      400,
      new ValidationError('Invalid change query: after must be a position like "a1b2c3:42"', [
        { path: ['after'], message: 'not a change position', code: 'invalid_format' },
      ]),
    );
  }
  return position;
}

/** `GET /capabilities`, `GET /changes` (polling) and `GET /events` (server-sent events). */
export function changeRoutes(options: ChangeRoutesOptions): Route[] {
  return [
    {
      method: 'GET',
      path: '/capabilities',
      operation: 'getCapabilities',
      handle: async () => json(options.capabilities()),
    },
    {
      method: 'GET',
      path: '/changes',
      operation: 'listChanges',
      async handle(ctx) {
        const after = afterParam(ctx);
        const found = options.log.after(after);
        const batch: ChangeBatch = {
          stream: options.log.stream,
          last: found.last,
          reset: found.reset,
          events: found.events,
        };
        return json(batch);
      },
    },
    {
      method: 'GET',
      path: '/events',
      operation: 'streamChanges',
      async handle(ctx) {
        return changeStream({
          log: options.log,
          after: afterParam(ctx),
          heartbeatMs: options.heartbeatMs,
          signal: ctx.request.signal,
          onClose: options.onClose,
          headers: new Headers(),
        });
      },
    },
  ];
}
