// Its own module, apart from the import engine's cell rules (cells.ts): `@roster/core`
// exports it, and a page importing the core reaches this file only.
const SEPARATORS = /[;,|\n\r]|:::/;

/**
 * Splits a groups cell: `Sales, Berlin`, `Field; Safety`, `A|B`, one per line, or Google
 * Contacts' `* myContacts ::: Friends` (its `* ` system groups are dropped).
 */
export function splitGroups(value: string): string[] {
  if (value === '') return [];
  if (!SEPARATORS.test(value)) {
    const name = value.trim();
    return name === '' || name.startsWith('* ') ? [] : [name];
  }
  const seen = new Set<string>();
  const names: string[] = [];
  for (const part of value.split(/:::|[;,|\n\r]/)) {
    const name = part.trim();
    if (name === '' || name.startsWith('* ')) continue;
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    names.push(name);
  }
  return names;
}
