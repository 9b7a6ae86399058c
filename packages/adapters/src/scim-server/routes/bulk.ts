import * as z from 'zod/mini';
import { BULK_RESPONSE } from '../../scim/wire/urns.js';
import { badRequest, parseScim, scimJson, type ScimRoute } from '../context.js';

const BulkBody = z.object({
  schemas: z.optional(z.array(z.string())),
  failOnErrors: z.optional(z.number().check(z.int(), z.nonnegative())),
  Operations: z.array(
    z.object({
      method: z.string(),
      bulkId: z.optional(z.string()),
      version: z.optional(z.string()),
      path: z.string(),
      data: z.optional(z.unknown()),
    }),
  ),
});

const METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** `data` with every `"bulkId:<id>"` string replaced by the id that operation created. */
function resolveBulkIds(value: unknown, created: Map<string, string>): unknown {
  if (typeof value === 'string' && value.startsWith('bulkId:'))
    return created.get(value.slice(7)) ?? value;
  if (Array.isArray(value)) return value.map((item) => resolveBulkIds(item, created));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, resolveBulkIds(item, created)]),
    );
  }
  return value;
}

/**
 * `POST /Bulk` (RFC 7644 §3.7): operations run in order, each exactly like its own
 * request (same checks, same answers); `bulkId:` references to resources created earlier
 * in the request are resolved; `failOnErrors` stops after that many failures.
 */
export const bulkRoutes: ScimRoute[] = [
  {
    method: 'POST',
    path: '/Bulk',
    operation: 'bulk',
    async handle(ctx) {
      const body = parseScim(BulkBody, ctx.body, 'bulk request');
      if (body.Operations.length > ctx.maxOperations) {
        throw badRequest(
          `A bulk request holds at most ${ctx.maxOperations} operations (got ${body.Operations.length}).`,
          'tooMany',
          ['Operations'],
        );
      }
      const created = new Map<string, string>();
      const results: Record<string, unknown>[] = [];
      let errors = 0;
      for (const [index, operation] of body.Operations.entries()) {
        const method = operation.method.toUpperCase();
        if (
          !METHODS.has(method) ||
          !operation.path.startsWith('/') ||
          /^\/bulk\b/i.test(operation.path)
        ) {
          throw badRequest(
            `Operation ${index}: ${operation.method} ${operation.path} is not a bulk operation.`,
            'invalidValue',
            ['Operations', index],
          );
        }
        const path = String(resolveBulkIds(operation.path, created));
        const response = await ctx.dispatch(
          method,
          path,
          resolveBulkIds(operation.data, created),
          operation.version ?? null,
        );
        const text = await response.text();
        const location = response.headers.get('Location') ?? undefined;
        if (operation.bulkId && location)
          created.set(operation.bulkId, decodeURIComponent(location.split('/').at(-1)!));
        const failed = response.status >= 400;
        results.push({
          method,
          ...(operation.bulkId ? { bulkId: operation.bulkId } : {}),
          ...(location ? { location } : {}),
          ...(response.headers.get('ETag') ? { version: response.headers.get('ETag') } : {}),
          status: String(response.status),
          ...(failed && text ? { response: JSON.parse(text) as unknown } : {}),
        });
        if (failed) errors += 1;
        if (body.failOnErrors !== undefined && body.failOnErrors > 0 && errors >= body.failOnErrors)
          break;
      }
      return scimJson({ schemas: [BULK_RESPONSE], Operations: results });
    },
  },
];
