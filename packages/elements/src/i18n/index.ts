import { en as commonEn } from './common.js';
import type { RosterMessages } from './messages.js';

export type { RosterMessages } from './messages.js';

/** The languages Roster's elements speak out of the box. */
export type BuiltInLanguage = 'en' | 'de';

/**
 * An element's German texts: the table, or how to load it. German loads on first use (a
 * page in English downloads none of it), so an element's `messages.ts` passes
 * `() => import('./messages.de.js')`.
 */
export type GermanTexts<T> = T | (() => Promise<{ de: T }>);

/**
 * The built-in texts, section by section: `common` here, and each element's own section,
 * added by its `messages.ts` when the element's module loads ({@link addMessages}). A page
 * showing one element so carries that element's texts only, not every element's.
 *
 * Invariant: an English section is present once its element's module has loaded, which is
 * before the element can render; a German one once {@link messagesReady} has resolved,
 * which `RosterElement` awaits before it renders in German. An element reads only
 * `common` and the sections it imports.
 */
const builtIn: Record<BuiltInLanguage, Partial<RosterMessages>> = {
  en: { common: commonEn },
  de: {},
};

/** Locales added with {@link registerLocale}: complete tables, ahead of the built-in ones. */
const registered = new Map<string, RosterMessages>();

/** German sections not loaded yet: how to load each. */
const germanToLoad = new Map<keyof RosterMessages, () => Promise<void>>();

/** German sections loading now. */
const germanLoading = new Map<keyof RosterMessages, Promise<void>>();

/**
 * Adds an element's built-in texts to the translation table, in every built-in language
 * (each element's `messages.ts` calls it once for its section; the compiler checks that
 * English and German are complete). German may be given as a loader, run the first time
 * a German page needs it.
 *
 * @example
 * ```ts
 * addMessages('deviceList', { en, de: () => import('./messages.de.js') });
 * ```
 */
export function addMessages<K extends keyof RosterMessages>(
  section: K,
  tables: { en: RosterMessages[K]; de: GermanTexts<RosterMessages[K]> },
): void {
  builtIn.en[section] = tables.en;
  const de = tables.de;
  if (typeof de !== 'function') {
    builtIn.de[section] = de;
    return;
  }
  delete builtIn.de[section];
  const load = async (): Promise<void> => {
    try {
      builtIn.de[section] = (await de()).de;
    } catch {
      // Offline, or a deployment replaced the chunk: this section speaks English for now,
      // and the next update of a German element tries again.
      builtIn.de[section] ??= tables.en;
      germanToLoad.set(section, load);
    }
  };
  germanToLoad.set(section, load);
}

addMessages('common', { en: commonEn, de: () => import('./common.de.js') });

/**
 * Loads the built-in texts `tag` needs that have not loaded yet (German ones load on first
 * use), or returns `undefined` when every text is there. {@link messagesFor} holds them
 * once it has resolved; Roster's elements wait for it before they render.
 *
 * @example
 * ```ts
 * await messagesReady('de');
 * messagesFor('de').userTable.users; // 'Benutzer'
 * ```
 */
export function messagesReady(tag: string | null | undefined): Promise<void> | undefined {
  if (languageOf(tag) !== 'de' || registeredFor(tag)) return undefined;
  for (const [section, load] of germanToLoad) {
    germanToLoad.delete(section);
    germanLoading.set(
      section,
      load().finally(() => germanLoading.delete(section)),
    );
  }
  if (germanLoading.size === 0) return undefined;
  return Promise.all(germanLoading.values()).then(() => undefined);
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
 * built-in languages it holds the sections of the elements loaded so far (see `addMessages`),
 * in German those {@link messagesReady} has loaded.
 */
export function messagesFor(tag: string | null | undefined): RosterMessages {
  return registeredFor(tag) ?? (builtIn[languageOf(tag)] as RosterMessages);
}

function registeredFor(tag: string | null | undefined): RosterMessages | undefined {
  const lower = (tag ?? '').toLowerCase();
  return registered.get(lower) ?? registered.get(lower.split('-')[0] ?? '');
}

function languageOf(tag: string | null | undefined): BuiltInLanguage {
  return (tag ?? '').toLowerCase().split('-')[0] === 'de' ? 'de' : 'en';
}
