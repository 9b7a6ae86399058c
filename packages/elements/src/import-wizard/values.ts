import {
  normalizeGroupName,
  splitGroups,
  type Group,
  type ImportField,
  type RoleDefinition,
  type Table,
} from '@roster/core';

/** One distinct value of a column, as first written, with how many rows hold it. */
export interface DistinctValue {
  /** The lookup key: trimmed and lower-cased (roles) or normalised (groups). */
  key: string;
  value: string;
  rows: number;
}

/** How the admin maps a role column's and a groups column's values. */
export interface ValueMaps {
  /** Role value key → role id (`''`: the default role). */
  roles: ReadonlyMap<string, string>;
  /** Group name key → the group name to use (an existing group's, or the file's own: a new group). */
  groups: ReadonlyMap<string, string>;
}

/**
 * What the admin chose for a role value that is no role (over an automatic match): the
 * rows keep the value and the plan flags them. Not a valid role id (ids have no spaces).
 */
export const NOT_A_ROLE = ' not a role';

/** Most distinct values listed per column: a column with more is not a list of roles or groups. */
export const MAX_DISTINCT = 100;

/**
 * Distinct values found per table and column. A table never changes, and the mapping step
 * lists them on every render (each choice re-renders): one scan of a 100k-row column takes
 * tens of milliseconds, once per table instead of once per choice.
 */
const distinctByTable = new WeakMap<Table, Map<string, readonly DistinctValue[]>>();

function once(
  table: Table,
  key: string,
  scan: () => readonly DistinctValue[],
): readonly DistinctValue[] {
  let values = distinctByTable.get(table);
  if (!values) distinctByTable.set(table, (values = new Map()));
  let list = values.get(key);
  if (!list) values.set(key, (list = scan()));
  return list;
}

/** Distinct role values of `column` (first {@link MAX_DISTINCT}). */
export function distinctRoles(table: Table, column: number): readonly DistinctValue[] {
  return once(table, `role ${column}`, () => scanRoles(table, column));
}

/** Distinct group names of `column`, split as the importer splits them (first {@link MAX_DISTINCT}). */
export function distinctGroups(table: Table, column: number): readonly DistinctValue[] {
  return once(table, `groups ${column}`, () =>
    distinct(table, column, splitGroups, normalizeGroupName),
  );
}

function scanRoles(table: Table, column: number): DistinctValue[] {
  return distinct(
    table,
    column,
    (cell) => {
      const value = cell.trim();
      return value === '' ? [] : [value];
    },
    (value) => value.toLowerCase(),
  );
}

function distinct(
  table: Table,
  column: number,
  split: (cell: string) => string[],
  keyOf: (value: string) => string,
): DistinctValue[] {
  const found = new Map<string, DistinctValue>();
  // Files repeat a handful of cells: each distinct cell is split once.
  const seenCells = new Map<string, string[]>();
  for (const row of table.rows) {
    const cell = row[column] ?? '';
    let keys = seenCells.get(cell);
    if (keys === undefined) {
      keys = [];
      for (const value of split(cell)) {
        const key = keyOf(value);
        keys.push(key);
        if (!found.has(key) && found.size < MAX_DISTINCT) found.set(key, { key, value, rows: 0 });
      }
      seenCells.set(cell, keys);
    }
    for (const key of keys) {
      const entry = found.get(key);
      if (entry) entry.rows++;
    }
  }
  return [...found.values()];
}

/**
 * Words people write for the usual roles, in English and German, by the role id or name
 * they mean (compared lower-cased).
 */
const ROLE_SYNONYMS: Record<string, readonly string[]> = {
  owner: ['owner', 'inhaber', 'inhaberin', 'eigentümer', 'besitzer', 'superadmin'],
  admin: ['admin', 'administrator', 'administratorin', 'verwalter', 'manager'],
  member: ['member', 'mitglied', 'user', 'benutzer', 'nutzer', 'mitarbeiter', 'staff', 'employee'],
};

/**
 * The account role a value of a role column means: its id or name (case-insensitive),
 * else a usual word for it ("Administrator", "Mitglied"), else a role whose name starts
 * with the value or the other way round; `null` when nothing fits.
 */
export function matchRole(value: string, roles: readonly RoleDefinition[]): string | null {
  const key = value.trim().toLowerCase();
  if (key === '') return null;
  const exact = roles.find((r) => r.id.toLowerCase() === key || r.name.toLowerCase() === key);
  if (exact) return exact.id;
  for (const [meaning, words] of Object.entries(ROLE_SYNONYMS)) {
    if (!words.includes(key)) continue;
    const role = roles.find(
      (r) => r.id.toLowerCase() === meaning || r.name.toLowerCase() === meaning,
    );
    if (role) return role.id;
  }
  const prefix = roles.find((r) => {
    const name = r.name.toLowerCase();
    return key.length >= 3 && (name.startsWith(key) || key.startsWith(name));
  });
  return prefix?.id ?? null;
}

/** The existing group a name means (normalised comparison), if any. */
export function matchGroup(key: string, groups: ReadonlyMap<string, Group>): Group | null {
  return groups.get(key) ?? null;
}

/**
 * How the admin's value maps rewrite a row's role and groups cells (a role value to its
 * role id, a group name to the existing group's), for {@link deriveRow}. Built once per
 * table: files repeat a handful of group cells, so each distinct cell is rewritten once.
 */
export type RowRewrite = (cells: readonly string[]) => readonly string[];

/** The rewrite of `maps` for rows mapped by `columns`; `null` when it changes nothing. */
export function rowRewrite(
  columns: readonly (ImportField | null)[],
  maps: ValueMaps,
): RowRewrite | null {
  const roleColumn = columns.indexOf('role');
  const groupColumn = columns.indexOf('groups');
  const roleRewrite = roleColumn >= 0 && maps.roles.size > 0;
  const groupRewrite =
    groupColumn >= 0 && [...maps.groups].some(([key, name]) => normalizeGroupName(name) !== key);
  if (!roleRewrite && !groupRewrite) return null;
  const rewrittenGroups = new Map<string, string>();
  return (row) => {
    let out: string[] | null = null;
    if (roleRewrite) {
      const cell = row[roleColumn] ?? '';
      const mapped = maps.roles.get(cell.trim().toLowerCase());
      if (mapped !== undefined && mapped !== cell) {
        out = [...row];
        out[roleColumn] = mapped;
      }
    }
    if (groupRewrite) {
      const cell = row[groupColumn] ?? '';
      let mapped = rewrittenGroups.get(cell);
      if (mapped === undefined) {
        mapped = splitGroups(cell)
          .map((name) => maps.groups.get(normalizeGroupName(name)) ?? name)
          .join('; ');
        rewrittenGroups.set(cell, mapped);
      }
      if (mapped !== cell) {
        out ??= [...row];
        out[groupColumn] = mapped;
      }
    }
    return out ?? row;
  };
}

/**
 * The table the plan reads: the file as read, with the admin's fixes (`edits`, by row
 * index; the reader's warnings about those rows dropped) and value maps applied. A new table: the read one is never changed, so going
 * back and forth gives the same start. Rows without a change are shared.
 */
export function deriveTable(
  table: Table,
  columns: readonly (ImportField | null)[],
  edits: ReadonlyMap<number, readonly string[]>,
  maps: ValueMaps,
): Table {
  const rewrite = rowRewrite(columns, maps);
  if (edits.size === 0 && !rewrite) return table;
  const rows = table.rows.map((row, index) => {
    const cells = edits.get(index) ?? row;
    return rewrite ? rewrite(cells) : cells;
  });
  const fixed = new Set([...edits.keys()].map((index) => table.rowNumbers[index]));
  return { ...table, rows, warnings: withoutWarnings(table, fixed) };
}

/**
 * The reader's warnings but those of `rows` (file row numbers): a row the admin fixed in
 * the review has been looked at, so what the reader doubted about it no longer applies.
 */
function withoutWarnings(table: Table, rows: ReadonlySet<number | undefined>): Table['warnings'] {
  return rows.size === 0 ? table.warnings : table.warnings.filter((w) => !rows.has(w.row));
}

/**
 * `table` (a derived one) with the row at `index` replaced by the admin's `cells`, the
 * value maps applied and the reader's warnings about that row dropped: a new table, every
 * other row shared.
 */
export function withEditedRow(
  table: Table,
  index: number,
  cells: readonly string[],
  columns: readonly (ImportField | null)[],
  maps: ValueMaps,
): Table {
  const rewrite = rowRewrite(columns, maps);
  const rows = table.rows.slice();
  rows[index] = rewrite ? rewrite(cells) : cells;
  return { ...table, rows, warnings: withoutWarnings(table, new Set([table.rowNumbers[index]])) };
}
