import { RuleError } from '../errors/index.js';
import { normalizeGroupName } from '../model/index.js';
import { engineOf, rememberEngine, type ImportEngine } from './engine.js';
import {
  planImport,
  type ImportContext,
  type ImportPlan,
  type PlanAction,
  type PlanEntry,
} from './plan.js';
import type { ColumnMapping } from './suggest-mapping.js';
import type { Table } from './types.js';
import type { ImportValues } from './values.js';
import { createSlicer } from './yield.js';

/** Options of {@link ImportApi.recheck}. */
export interface RecheckRowsOptions {
  /** Engine to validate with; defaults to the one that read the table. */
  engine?: ImportEngine;
  signal?: AbortSignal;
}

/**
 * The plan after the admin corrected some rows in the preview, without checking the whole
 * file again: a new plan, `plan` unchanged.
 *
 * `table` is the table `plan` was made from with only `rows` (file row numbers) changed,
 * in their cells or warnings, e.g. by {@link withCell}; `mapping` is the mapping `plan`
 * used. What an edit can change is the edited rows and every row that shares a duplicate
 * key (email, phone, external ID) with them, before or after the edit, and so on transitively:
 * those rows, in file order, go through the same stages as a full plan (validation in the
 * table's engine, the directory lookup, the plan's decision), with the plan's options.
 * Every other row's entry is the one `plan` had. Validation flags a row by the rows before
 * it with the same key, and all of those are re-checked together, so the result is the
 * plan a full `roster.import.plan` of `table` would give.
 *
 * @example
 * ```ts
 * const fixed = withCell(table, 4, 1, 'anna@example.com');
 * plan = await roster.import.recheck(plan, fixed, mapping, [4]);
 * ```
 */
export async function recheckRows(
  context: ImportContext,
  plan: ImportPlan,
  table: Table,
  mapping: ColumnMapping,
  rows: Iterable<number>,
  options: RecheckRowsOptions = {},
): Promise<ImportPlan> {
  if (plan.entries.length !== table.rows.length)
    throw new RuleError(
      `The plan has ${plan.entries.length} rows but the table has ${table.rows.length}: re-check a table with the plan's rows.`,
    );
  const engine = options.engine ?? engineOf(table);
  const changed = new Set<number>();
  for (const row of rows) {
    const index = table.rowNumbers.indexOf(row);
    if (index === -1 || plan.entries[index]!.row !== row)
      throw new RuleError(`The table has no row ${row} to check again.`);
    changed.add(index);
  }
  if (changed.size === 0) return plan;

  // The changed rows' keys after the edit (a phone key is its E.164 form: the validator's).
  const edited = await engine.validate(
    subTable(
      table,
      [...changed].sort((a, b) => a - b),
      engine,
    ),
    mapping,
    plan.options.defaultCountry ? { defaultCountry: plan.options.defaultCountry } : {},
  );
  const keys = new KeySet();
  for (const index of changed) keys.add(plan.entries[index]!.values);
  for (const row of edited) keys.add(row.values);
  const affected = await rowsSharingKeys(plan.entries, changed, keys);

  const indexes = [...affected].sort((a, b) => a - b);
  const partial = await planImport(context, subTable(table, indexes, engine), mapping, {
    existing: plan.options.existing,
    unknownGroups: plan.options.unknownGroups,
    defaultRole: plan.options.defaultRole,
    engine,
    ...(plan.options.defaultCountry ? { defaultCountry: plan.options.defaultCountry } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });

  const entries = plan.entries.slice();
  const counts: Record<PlanAction, number> = { ...plan.counts };
  indexes.forEach((index, i) => {
    counts[entries[index]!.action]--;
    const entry = partial.entries[i]!;
    counts[entry.action]++;
    entries[index] = entry;
  });
  return {
    entries,
    counts,
    newGroups: await newGroupsOf(entries, [...plan.newGroups, ...partial.newGroups]),
    mappedFields: plan.mappedFields,
    options: plan.options,
  };
}

/** The rows at `indexes` (ascending) of `table`, with their warnings, read by `engine`. */
function subTable(table: Table, indexes: readonly number[], engine: ImportEngine): Table {
  const rowNumbers = indexes.map((index) => table.rowNumbers[index]!);
  const kept = new Set(rowNumbers);
  return rememberEngine(
    {
      ...table,
      rows: indexes.map((index) => table.rows[index]!),
      rowNumbers,
      warnings: table.warnings.filter((warning) => kept.has(warning.row)),
    },
    engine,
  );
}

/**
 * The duplicate keys of rows, compared as validation compares them.
 *
 * `has` runs on every row of the plan and usually holds a handful of keys. It looks at a
 * key's length before the key itself: a string's hash is computed on its first lookup, and
 * hashing the 100k-row plan's emails and phones (fresh strings from the worker) took about
 * 250 ms of a first fix in Chromium; a length none of the keys has rules a row out unhashed.
 */
class KeySet {
  private readonly emails = new Set<string>();
  private readonly phones = new Set<string>();
  private readonly externalIds = new Set<string>();
  /** The length of every key held, whatever its kind. */
  private readonly lengths = new Set<number>();

  /** Adds the keys of `values`; true when one of them was new. */
  add(values: ImportValues): boolean {
    const before = this.emails.size + this.phones.size + this.externalIds.size;
    if (values.email !== null) this.emails.add(this.held(values.email.toLowerCase()));
    if (values.phone !== null) this.phones.add(this.held(values.phone));
    if (values.externalId !== null)
      this.externalIds.add(this.held(values.externalId.toLowerCase()));
    return this.emails.size + this.phones.size + this.externalIds.size > before;
  }

  has(values: ImportValues): boolean {
    return (
      (values.email !== null && this.includes(this.emails, values.email.toLowerCase())) ||
      (values.phone !== null && this.includes(this.phones, values.phone)) ||
      (values.externalId !== null &&
        this.includes(this.externalIds, values.externalId.toLowerCase()))
    );
  }

  private held(key: string): string {
    this.lengths.add(key.length);
    return key;
  }

  private includes(keys: ReadonlySet<string>, key: string): boolean {
    return this.lengths.has(key.length) && keys.has(key);
  }
}

/**
 * `start` and every row linked to it through a shared key, transitively (a row found adds
 * its own keys). Unchanged rows keep their keys, so the plan's values serve; each pass over
 * the plan yields to the host now and then.
 */
async function rowsSharingKeys(
  entries: readonly PlanEntry[],
  start: ReadonlySet<number>,
  keys: KeySet,
): Promise<Set<number>> {
  const found = new Set(start);
  const slicer = createSlicer();
  let grew = true;
  while (grew) {
    grew = false;
    for (let i = 0; i < entries.length; i++) {
      if ((i & 1023) === 0) await slicer.pause();
      if (found.has(i) || !keys.has(entries[i]!.values)) continue;
      found.add(i);
      if (keys.add(entries[i]!.values)) grew = true;
    }
  }
  return found;
}

/**
 * The plan's new groups, as first written in file order: of the names either plan listed
 * as missing from the directory, those some row still names.
 */
async function newGroupsOf(
  entries: readonly PlanEntry[],
  candidates: readonly string[],
): Promise<string[]> {
  if (candidates.length === 0) return [];
  const missing = new Set(candidates.map(normalizeGroupName));
  const out: string[] = [];
  const listed = new Set<string>();
  // Validated in this thread, rows with the same groups cell share one list: looked at once.
  const seenLists = new Set<readonly string[]>();
  const slicer = createSlicer();
  for (let i = 0; i < entries.length; i++) {
    if ((i & 1023) === 0) await slicer.pause();
    const groups = entries[i]!.values.groups;
    if (groups.length === 0 || seenLists.has(groups)) continue;
    seenLists.add(groups);
    for (const name of groups) {
      const key = normalizeGroupName(name);
      if (!missing.has(key) || listed.has(key)) continue;
      listed.add(key);
      out.push(name);
    }
  }
  return out;
}
