import type { CallOptions } from '../backend.js';
import type { AccountSettings } from '../model/index.js';
import type { StoreReader } from '../store.js';
import { assertNotAborted, loadSettings, type LocalContext } from './context.js';

/**
 * Runs `fn` in a read transaction with the settings and one `now` for the whole call.
 * Apart from the write transactions (`transaction.ts`, loaded with the write rules): the
 * reads are on a page's first load.
 */
export async function readWork<T>(
  ctx: LocalContext,
  options: CallOptions | undefined,
  fn: (tx: StoreReader, settings: AccountSettings, now: Date) => Promise<T>,
): Promise<T> {
  assertNotAborted(options);
  const now = ctx.now();
  return ctx.store.read(async (tx) => fn(tx, await loadSettings(tx), now));
}
