/**
 * The user ids behind `#users?imported=<key>`: kept in the tab's `sessionStorage`, so a
 * reload (or back/forward) shows the same import's users; the URL holds only the short
 * key. Another browser (a shared link) has no such key: the admin shows all users then.
 */
const PREFIX = 'roster-admin:import:';
/** This page's scopes (also where storage is unavailable: private mode, a full quota). */
const kept = new Map<string, readonly string[]>();

/** Stores an import's user ids; returns the key for the URL. */
export function saveImportScope(ids: readonly string[]): string {
  const key = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  kept.set(key, ids);
  try {
    sessionStorage.setItem(PREFIX + key, JSON.stringify(ids));
  } catch {
    // Without storage the scope lives until the page is reloaded.
  }
  return key;
}

/** The ids stored under `key`, or undefined when there are none (or they are unreadable). */
export function loadImportScope(key: string): readonly string[] | undefined {
  const known = kept.get(key);
  if (known) return known;
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(PREFIX + key) ?? 'null');
    return Array.isArray(value) && value.every((id) => typeof id === 'string') ? value : undefined;
  } catch {
    return undefined;
  }
}
