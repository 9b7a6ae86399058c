import { de as commonDe, en as commonEn } from './common.js';
import type { RosterMessages } from './messages.js';

export type { RosterMessages } from './messages.js';

/** The languages Roster's elements speak out of the box. */
export type BuiltInLanguage = 'en' | 'de';

/**
 * The built-in texts, section by section: `common` here, and each element's own section,
 * added by its `messages.ts` when the element's module loads ({@link addMessages}). A page
 * showing one element so carries that element's texts only, not every element's.
 *
 * Invariant: a section is present once its element's module has loaded, which is before
 * the element can render; an element reads only `common` and the sections it imports.
 */
const builtIn: Record<BuiltInLanguage, Partial<RosterMessages>> = {
  en: { common: commonEn },
  de: { common: commonDe },
};

/** Locales added with {@link registerLocale}: complete tables, ahead of the built-in ones. */
const registered = new Map<string, RosterMessages>();

/**
 * Adds an element's built-in texts to the translation table, in every built-in language
 * (each element's `messages.ts` calls it once for its section; the compiler checks that
 * English and German are complete).
 *
 * @example
 * ```ts
 * addMessages('deviceList', { en, de });
 * ```
 */
export function addMessages<K extends keyof RosterMessages>(
  section: K,
  tables: Record<BuiltInLanguage, RosterMessages[K]>,
): void {
  builtIn.en[section] = tables.en;
  builtIn.de[section] = tables.de;
}

/**
 * Adds or replaces a locale for every Roster element.
 *
 * @example
 * ```ts
 * import { en, registerLocale } from '@roster/elements';
 * registerLocale('fr', { ...en, userTable: { ...en.userTable, users: 'Utilisateurs' } });
 * ```
 */
export function registerLocale(tag: string, messages: RosterMessages): void {
  registered.set(tag.toLowerCase(), messages);
}

/**
 * The table for a BCP 47 tag (`de-CH` falls back to `de`, unknown tags to English). Of the
 * built-in languages it holds the sections of the elements loaded so far (see `addMessages`).
 */
export function messagesFor(tag: string | null | undefined): RosterMessages {
  const lower = (tag ?? '').toLowerCase();
  const primary = lower.split('-')[0] ?? '';
  const own = registered.get(lower) ?? registered.get(primary);
  if (own) return own;
  const language: BuiltInLanguage = primary === 'de' ? 'de' : 'en';
  return builtIn[language] as RosterMessages;
}
