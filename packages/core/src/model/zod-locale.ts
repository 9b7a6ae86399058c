import * as z from 'zod/mini';
import { en } from 'zod/locales';

/**
 * Gives zod's built-in issues (`Too small: expected string to have >=1 characters`) their
 * English text, as `zod` (classic) does when it loads: `zod/mini` loads no locale, so its
 * issues would all read `Invalid input`. A locale the portal chose (`z.config(...)`) wins,
 * before or after: this only fills the default when none is set.
 */
export function ensureEnglishMessages(): void {
  if (!z.config().localeError) z.config(en());
}
