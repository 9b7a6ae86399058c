import type { CallOptions } from '../backend.js';
import type { BulkResult, Message } from '../model/index.js';
import { assertNotAborted, loadSettings, type LocalContext } from './context.js';
import { BulkCollector, publish, Work } from './work.js';

/**
 * Runs `fn` in one store write transaction with the account settings loaded, then,
 * once it committed, publishes its change events and delivers the messages it recorded.
 * Nothing but the transaction's own methods is awaited inside (IndexedDB would commit).
 */
export async function writeWork<T>(
  ctx: LocalContext,
  options: CallOptions | undefined,
  fn: (work: Work) => Promise<T>,
): Promise<T> {
  return (await writeAndDeliver(ctx, options, fn)).value;
}

/** {@link writeWork}, also resolving to the recorded messages as delivered (status, error). */
export async function writeAndDeliver<T>(
  ctx: LocalContext,
  options: CallOptions | undefined,
  fn: (work: Work) => Promise<T>,
): Promise<{ value: T; delivered: Message[] }> {
  assertNotAborted(options);
  const now = ctx.now();
  let done: Work | undefined;
  const value = await ctx.store.write(async (tx) => {
    const work = new Work(tx, ctx, options?.actor ?? null, now, await loadSettings(tx));
    const result = await fn(work);
    done = work;
    return result;
  });
  if (!done) return { value, delivered: [] };
  publish(ctx, done.changes.events());
  // Delivery (with the write rules, write-rules.ts) loads with the first message, after the commit.
  const delivered = done.outbox.length
    ? await (await import('./write-rules.js')).deliver(ctx, done.outbox, true)
    : [];
  return { value, delivered };
}

/**
 * A bulk call: every id in one write transaction, each by `item`, with per-item results
 * (see `BulkCollector.run`: a RosterError fails only its item).
 */
export function bulkWrite(
  ctx: LocalContext,
  ids: readonly string[],
  options: CallOptions | undefined,
  item: (work: Work, id: string) => Promise<void>,
): Promise<BulkResult> {
  return writeWork(ctx, options, async (w) => {
    const bulk = new BulkCollector();
    for (const id of ids) await bulk.run(id, () => item(w, id));
    return bulk.result;
  });
}
