import type { CallOptions } from '../backend.js';
import type { AccountSettings } from '../model/index.js';
import type { LocalContext } from './context.js';
import { readWork } from './read-work.js';

/** `Backend.getSettings`: the stored settings, or the defaults of a new account. */
export function getSettings(
  ctx: LocalContext,
  options: CallOptions | undefined,
): Promise<AccountSettings> {
  return readWork(ctx, options, async (_tx, settings) => settings);
}
