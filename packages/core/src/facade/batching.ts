import * as z from 'zod/mini';
import type { CallOptions } from '../backend.js';
import { parseOrThrow } from '../errors/index.js';
import type { BulkResult } from '../model/index.js';
import type { BulkOptions } from '../roster-api.js';
import { callOptions, type FacadeContext } from './context.js';
import { toRosterError } from './errors.js';

/** Items per backend call when the caller does not say. */
export const DEFAULT_BATCH_SIZE = 500;

const BatchSize = z.int().check(z.minimum(1), z.maximum(10_000));

/** Why items a cancelled bulk call never reached are reported as failed. */
export const ABORTED_MESSAGE = 'Cancelled before this item was processed.';

/** Validates bulk options before any I/O; resolves the batch size. */
export function parseBulkOptions(options: BulkOptions | undefined): number {
  if (options?.batchSize === undefined) return DEFAULT_BATCH_SIZE;
  return parseOrThrow(BatchSize, options.batchSize, 'batchSize');
}

/**
 * Runs a bulk operation in batches: one backend call per batch, `onProgress` after each,
 * the signal checked between batches. Items never reached after a cancel are reported
 * as failed with code `aborted`, and the result's `aborted` is true.
 *
 * A batch whose backend call fails as a whole (backend unavailable, refused) reports
 * each of its items as failed with that error's code; later batches still run, except
 * after an abort.
 */
export async function runInBatches(
  ctx: FacadeContext,
  ids: string[],
  options: BulkOptions | undefined,
  call: (batch: string[], callOptions: CallOptions) => Promise<BulkResult>,
): Promise<BulkResult> {
  const batchSize = parseBulkOptions(options);
  const signal = options?.signal;
  const result: BulkResult = { succeeded: [], failed: [], aborted: false };
  let done = 0;
  for (let start = 0; start < ids.length; start += batchSize) {
    if (signal?.aborted) {
      markAborted(result, ids.slice(start));
      break;
    }
    const batch = ids.slice(start, start + batchSize);
    try {
      const outcome = await call(batch, callOptions(ctx, signal));
      result.succeeded.push(...outcome.succeeded);
      result.failed.push(...outcome.failed);
      // A backend that forgets an item must not make it vanish from the report.
      const reported = new Set([...outcome.succeeded, ...outcome.failed.map((f) => f.id)]);
      for (const id of batch)
        if (!reported.has(id))
          result.failed.push({
            id,
            code: 'unavailable',
            message: 'The backend did not report on this item.',
          });
    } catch (error) {
      const failure = toRosterError(error);
      if (failure.code === 'aborted') {
        markAborted(result, ids.slice(start));
        break;
      }
      for (const id of batch)
        result.failed.push({ id, code: failure.code, message: failure.message });
    }
    done += batch.length;
    options?.onProgress?.({ done, total: ids.length });
  }
  return result;
}

function markAborted(result: BulkResult, ids: string[]): void {
  result.aborted = true;
  for (const id of ids) result.failed.push({ id, code: 'aborted', message: ABORTED_MESSAGE });
}
