import { de } from './de.js';
import { en } from './en.js';
import type { RosterMessages } from './messages.js';

export type { RosterMessages } from './messages.js';
export { en, de };

const locales = new Map<string, RosterMessages>([
  ['en', en],
  ['de', de],
]);

/**
 * Adds or replaces a locale for every Roster element.
 *
 * @example
 * ```ts
 * registerLocale('fr', { ...en, userTable: { ...en.userTable, users: 'Utilisateurs' } });
 * ```
 */
export function registerLocale(tag: string, messages: RosterMessages): void {
  locales.set(tag.toLowerCase(), messages);
}

/** The table for a BCP 47 tag (`de-CH` falls back to `de`, unknown tags to English). */
export function messagesFor(tag: string | null | undefined): RosterMessages {
  const lower = (tag ?? '').toLowerCase();
  return locales.get(lower) ?? locales.get(lower.split('-')[0] ?? '') ?? en;
}
