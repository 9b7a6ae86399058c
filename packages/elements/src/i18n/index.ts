import { en as commonEn } from './common.js';
import type { RosterMessages } from './messages.js';

export type { RosterMessages } from './messages.js';

/** The languages Roster's elements speak out of the box. */
export type BuiltInLanguage = 'en' | 'de';

/**
 * The built-in texts, section by section: `common` here, and each element's own section,
 * added by its `messages.ts` when the element's module loads ({@link addMessages}). A page
 * showing one element so carries that element's texts only, not every element's.
 *
 * Invariant: an English section is present once its element's module has loaded, which is
 * before the element can render; a German one once {@link messagesReady} has resolved,
 * which `RosterElement` awaits before it renders in German. Both hold the sections of the
 * loaded elements only. An element reads only `common` and the sections it imports.
 */
const builtIn: Record<BuiltInLanguage, Partial<RosterMessages>> = {
  en: { common: commonEn },
  de: {},
};

/** Locales added with {@link registerLocale}: complete tables, ahead of the built-in ones. */
const registered = new Map<string, RosterMessages>();

/**
 * Every element's German texts: one module (`de.ts`), loaded the first time a German page
 * needs them. One module rather than one per element, because `@roster/elements` and
 * `define` export the complete `de` table: modules both imported and `import()`ed are a
 * chunk each there, which an admin screen would pay for.
 */
let loadGerman = (): Promise<{ de: RosterMessages }> => import('./de.js');

/** The complete German table once it has loaded. */
let german: RosterMessages | undefined;

/** The German table loading now. */
let germanLoading: Promise<void> | undefined;

/**
 * Adds an element's English texts to the translation table (each element's `messages.ts`
 * calls it once for its section), and its German ones if they have loaded already; German
 * is in `de.ts`, the compiler checks that both are complete.
 *
 * @example
 * ```ts
 * addMessages('deviceList', en);
 * ```
 */
export function addMessages<K extends keyof RosterMessages>(
  section: K,
  en: RosterMessages[K],
): void {
  builtIn.en[section] = en;
  if (german) takeGerman(section, german);
}

function takeGerman<K extends keyof RosterMessages>(section: K, from: RosterMessages): void {
  builtIn.de[section] = from[section];
}

/**
 * Replaces how the German table loads, and forgets what has loaded: for tests of a page
 * whose German cannot load (offline). Not exported by the package.
 */
export function setGermanLoader(load: () => Promise<{ de: RosterMessages }>): void {
  loadGerman = load;
  german = undefined;
  builtIn.de = {};
}

/**
 * Loads the built-in texts of `tag`'s language that have not loaded yet (German loads on
 * first use), or returns `undefined` when every text is there. {@link messagesFor} holds
 * them once it has resolved; Roster's elements wait for it before they render.
 *
 * @example
 * ```ts
 * await messagesReady('de');
 * messagesFor('de').userTable.users; // 'Benutzer'
 * ```
 */
export function messagesReady(tag: string | null | undefined): Promise<void> | undefined {
  if (german || languageOf(tag) !== 'de' || registeredFor(tag)) return undefined;
  germanLoading ??= loadGerman().then(
    (loaded) => {
      german = loaded.de;
      for (const section of Object.keys(builtIn.en) as (keyof RosterMessages)[])
        takeGerman(section, german);
      germanLoading = undefined;
    },
    () => {
      // Offline, or a deployment replaced the chunk: the loaded elements speak English
      // for now, and the next update of a German element tries again.
      Object.assign(builtIn.de, { ...builtIn.en, ...builtIn.de });
      germanLoading = undefined;
    },
  );
  return germanLoading;
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
