import type { Backend, CallOptions } from '../backend.js';
import { AbortedError, ValidationError } from '../errors/index.js';
import {
  normalizeEmail,
  normalizeGroupName,
  type AccountSettings,
  type Actor,
  type Group,
  type NormalizedUserPatch,
  type User,
  type UserLookup,
} from '../model/index.js';
import type { CountryCode } from '../rules/phone.js';
import { engineOf, validatedChunks, type ImportEngine } from './engine.js';
import type { ImportField } from './fields.js';
import type { ColumnMapping } from './suggest-mapping.js';
import type { Table } from './types.js';
import { columnsOf, withIssue } from './validate.js';
import type { ImportIssue, ImportIssueOf, ImportValues, ValidatedRow } from './values.js';
import { createSlicer, yieldToHost } from './yield.js';

/** What the import engine needs from the Roster it runs in. */
export interface ImportContext {
  readonly backend: Backend;
  readonly actor?: Actor | null;
  readonly defaultCountry?: CountryCode | undefined;
}

/** Options of `roster.import.plan`. */
export interface ImportPlanOptions {
  /** A row whose user already exists: leave the user alone (`skip`, default) or `update` it. */
  existing?: 'skip' | 'update';
  /** Groups named in the file but missing from the directory: `create` them (default) or `flag` the rows. */
  unknownGroups?: 'create' | 'flag';
  /** Country for phone numbers without a country code; defaults to the Roster's. */
  defaultCountry?: CountryCode;
  /** Role (id or name) given to new users whose row has none; defaults to the account's. */
  defaultRole?: string;
  /** Engine to validate with; defaults to the one that read the table. */
  engine?: ImportEngine;
  signal?: AbortSignal;
}

/** What committing a row will do. */
export type PlanAction = 'create' | 'update' | 'skip' | 'error';

/** One data row of the plan. */
export interface PlanEntry {
  /** File row number (the header is row 1). */
  readonly row: number;
  readonly action: PlanAction;
  readonly values: ImportValues;
  /** Plain-language problems; any `error` makes the action `error`. */
  readonly issues: readonly ImportIssue[];
  /** The existing user this row matched, if any. */
  readonly userId: string | null;
  /** Why the row is skipped (`skip` only), in plain English. */
  readonly reason: string | null;
  /**
   * Why the row is skipped, as facts a UI can tell in its own language (`skip` only): the
   * user exists (`by` the key that matched) and existing users are skipped, or the row
   * changes nothing.
   */
  readonly skipped: SkipReason | null;
  /** Fields an update changes (`update` only), e.g. `['phone', 'groups']`. */
  readonly changes: readonly string[];
  /** Role id the user gets (resolved from the row or the default). */
  readonly role: string | null;
  /** What commit writes to the matched user (`null` for rows without one). */
  readonly target: PlanTarget | null;
}

/**
 * What commit writes to an existing user; computed by the plan. Groups named in the row
 * (`values.groups`) are resolved to ids at commit, when missing ones are created.
 */
export interface PlanTarget {
  readonly version: number;
  readonly currentGroupIds: readonly string[];
  readonly patch: NormalizedUserPatch;
}

/** Why a plan entry is skipped: see {@link PlanEntry.skipped}. */
export type SkipReason =
  | { readonly because: 'exists'; readonly by: 'email' | 'externalId' | 'phone' }
  | { readonly because: 'no_changes' };

/** The result of `roster.import.plan`: one entry per data row, ready to preview and commit. */
export interface ImportPlan {
  readonly entries: readonly PlanEntry[];
  readonly counts: Record<PlanAction, number>;
  /** Group names in the file that the directory lacks, as first written. */
  readonly newGroups: readonly string[];
  /** Fields the mapping feeds. */
  readonly mappedFields: readonly ImportField[];
  readonly options: {
    readonly existing: 'skip' | 'update';
    unknownGroups: 'create' | 'flag';
    defaultCountry: CountryCode | null;
    defaultRole: string;
  };
}

const LOOKUP_CHUNK = 500;

/**
 * Builds the import plan: validates every row (in the table's engine, a worker in
 * browsers), matches rows to existing users (by email, external ID, phone) and groups,
 * and decides each row's action. Each chunk of validated rows is matched and decided as
 * the engine delivers it, while the engine validates the next (and the directory's
 * settings and groups load meanwhile); the plan is the one the whole array would give.
 */
export async function planImport(
  context: ImportContext,
  table: Table,
  mapping: ColumnMapping,
  options: ImportPlanOptions = {},
): Promise<ImportPlan> {
  const { backend } = context;
  const call: CallOptions = { actor: context.actor ?? null };
  if (options.signal) call.signal = options.signal;
  const defaultCountry = options.defaultCountry ?? context.defaultCountry;
  const engine = options.engine ?? engineOf(table);
  // The directory loads while the engine validates (in a worker, in browsers). Awaited at
  // the first chunk or after the last; until then a failure waits there, not unhandled.
  const loading = loadDirectory(backend, call, options.defaultRole, table.rows.length > 0);
  loading.catch(() => {});

  const columns = columnsOf(mapping);
  const mappedFields = (Object.keys(columns) as ImportField[]).sort();
  const newGroups = new Map<string, string>();
  const counts: Record<PlanAction, number> = { create: 0, update: 0, skip: 0, error: 0 };
  const contactRule = columns.phone === undefined ? 'email' : 'email_or_phone';
  let classifying: ClassifyContext | null = null;
  const slicer = createSlicer();
  const entries: PlanEntry[] = [];
  // Each chunk is classified as the engine delivers it, in file order (so `newGroups`
  // keeps first-seen order); its rows' keys are looked up with it.
  const chunks = validatedChunks(engine, table, mapping, defaultCountry ? { defaultCountry } : {}, {
    signal: options.signal,
  });
  for await (const validated of chunks) {
    throwIfAborted(options.signal);
    if (classifying === null) {
      await yieldToHost();
      const directory = await loading;
      classifying = {
        ...directory,
        existing: null,
        newGroups,
        options: resolvedOptions(directory, defaultCountry, options),
        contactRule,
      };
    }
    if (!classifying.empty) classifying.existing = await lookupExisting(backend, validated, call);
    throwIfAborted(options.signal);
    for (let i = 0; i < validated.length; i++) {
      // A row takes about a microsecond: reading the clock every 256 rows is often enough.
      const pause = (i & 255) === 0 ? slicer.pause() : undefined;
      if (pause) {
        await pause;
        throwIfAborted(options.signal);
      }
      const entry = classify(validated[i]!, classifying);
      counts[entry.action]++;
      entries.push(entry);
    }
  }
  const resolved = classifying?.options ?? resolvedOptions(await loading, defaultCountry, options);
  return { entries, counts, newGroups: [...newGroups.values()], mappedFields, options: resolved };
}

/** What the plan needs from the directory besides the rows' users. */
interface Directory {
  settings: AccountSettings;
  groups: Map<string, Group>;
  /** The role new users without one get (the option, or the account's default). */
  defaultRole: string;
  /** The directory has no live user, so no row can match one. */
  empty: boolean;
}

/** Settings, the default role (checked), groups and whether any user exists (if `rows`). */
async function loadDirectory(
  backend: Backend,
  call: CallOptions,
  role: string | undefined,
  rows: boolean,
): Promise<Directory> {
  const settings = await backend.getSettings(call);
  const defaultRole = resolveRole(settings, role ?? settings.defaultRole);
  if (defaultRole === null)
    throw new ValidationError(`Invalid import options: role “${role}” does not exist`, [
      { path: ['defaultRole'], message: `role “${role}” does not exist`, code: 'unknown_role' },
    ]);
  const groups = await loadGroups(backend, call);
  // A first import goes into an empty directory: one count instead of a lookup per key
  // (local backends answer each key on its own, 100k keys cost more than validating them).
  const empty = rows && (await isDirectoryEmpty(backend, call));
  return { settings, groups, defaultRole, empty };
}

function resolvedOptions(
  { defaultRole }: Directory,
  defaultCountry: CountryCode | undefined,
  options: ImportPlanOptions,
): ImportPlan['options'] {
  return {
    existing: options.existing ?? 'skip',
    unknownGroups: options.unknownGroups ?? 'create',
    defaultCountry: defaultCountry ?? null,
    defaultRole,
  };
}

interface ClassifyContext {
  settings: AccountSettings;
  /** The directory has no live user: no lookups. */
  empty: boolean;
  defaultRole: string;
  groups: Map<string, Group>;
  /** `null`: the directory has no user, so no row can match one. */
  existing: ExistingUsers | null;
  newGroups: Map<string, string>;
  options: ImportPlan['options'];
  contactRule: 'email' | 'email_or_phone';
}

/** Decides the row's action: a new entry, the validated row left as it was. */
function classify(validated: ValidatedRow, c: ClassifyContext): PlanEntry {
  const { values } = validated;
  // The validator's list until this step adds an issue (then a new list).
  let issues = validated.issues;
  let role: string | null = null;
  if (values.role !== null) {
    role = resolveRole(c.settings, values.role);
    if (role === null)
      issues = withIssue(issues, {
        field: 'role',
        message: `role “${values.role}” does not exist (roles: ${c.settings.roles.map((r) => r.name).join(', ')})`,
        severity: 'error',
        code: 'unknown_role',
        params: { value: values.role, roles: c.settings.roles.map((r) => r.name) },
      });
  }

  // Groups: unknown ones are created on commit or flagged.
  for (const name of values.groups) {
    const key = normalizeGroupName(name);
    if (c.groups.has(key)) continue;
    if (!c.newGroups.has(key)) c.newGroups.set(key, name);
    if (c.options.unknownGroups === 'flag')
      issues = withIssue(issues, {
        field: 'groups',
        message: `group “${name}” does not exist; it is added only if you choose to create missing groups`,
        severity: 'warning',
        code: 'unknown_group',
        params: { group: name },
      });
  }

  // Existing user: every key the row carries must point at the same user, in order of
  // trust: email, external ID, phone.
  let match: Match | null = null;
  if (c.existing !== null) {
    const { email, externalId, phone } = c.existing;
    const found: Found = { match: null, issues };
    if (values.email !== null) lookUp(found, email.get(normalizeEmail(values.email)), 'email');
    if (values.externalId !== null) lookUp(found, externalId.get(values.externalId), 'external ID');
    if (values.phone !== null) lookUp(found, phone.get(values.phone), 'phone');
    match = found.match;
    issues = found.issues;
  }
  if (
    match !== null &&
    match.by !== 'email' &&
    values.email !== null &&
    match.user.email !== null &&
    normalizeEmail(match.user.email) !== normalizeEmail(values.email)
  )
    issues = withIssue(issues, {
      field: match.by === 'phone' ? 'phone' : 'externalId',
      message: `${match.by} belongs to another user (${describe(match.user)})`,
      severity: 'error',
      code: 'conflict',
      params: { key: keyField(match.by), user: describe(match.user) },
    });

  const { defaultRole } = c.options;

  if (match === null) {
    if (values.name === null) issues = withIssue(issues, required('name', 'name'));
    if (
      values.email === null &&
      values.phone === null &&
      !issues.some((i) => i.field === 'email' || i.field === 'phone')
    )
      issues = withIssue(issues, required('email', c.contactRule));
    return planEntry({ validated, issues, match, role, defaultRole }, 'create');
  }
  if (issues.some(isError))
    return {
      ...planEntry({ validated, issues, match, role, defaultRole }, 'error'),
      role,
    };

  const user = match.user;
  const target = { version: user.version, currentGroupIds: user.groupIds, patch: {} };
  if (c.options.existing === 'skip')
    return planEntry({ validated, issues, match, role, defaultRole }, 'skip', {
      reason: `already in the directory (same ${match.by})`,
      skipped: { because: 'exists', by: keyField(match.by) },
      target,
    });

  const patch: NormalizedUserPatch = {};
  if (values.name !== null && values.name !== user.name) patch.name = values.name;
  if (
    values.email !== null &&
    (user.email === null || normalizeEmail(user.email) !== normalizeEmail(values.email))
  )
    patch.email = values.email;
  if (values.phone !== null && values.phone !== user.phone) patch.phone = values.phone;
  if (role !== null && role !== user.role) patch.role = role;
  if (values.notes !== null && values.notes !== user.notes) patch.notes = values.notes;
  if (values.externalId !== null && values.externalId !== user.externalId)
    patch.externalId = values.externalId;
  const changes: string[] = Object.keys(patch);
  const current = new Set(user.groupIds);
  const addsGroup = values.groups.some((name) => {
    const group = c.groups.get(normalizeGroupName(name));
    return !group || !current.has(group.id);
  });
  if (addsGroup) changes.push('groups');
  const updated = { ...target, patch };
  return changes.length === 0
    ? planEntry({ validated, issues, match, role, defaultRole }, 'skip', {
        reason: 'no changes',
        skipped: { because: 'no_changes' },
        target: updated,
      })
    : planEntry({ validated, issues, match, role, defaultRole }, 'update', {
        changes,
        target: updated,
      });
}

interface Match {
  user: User;
  by: 'email' | 'external ID' | 'phone';
}

/** The user a row matched so far, and its issues. */
interface Found {
  match: Match | null;
  issues: readonly ImportIssue[];
}

/** Takes the user found `by` a key into `found`; a second, different user is a conflict. */
function lookUp(found: Found, user: User | undefined, by: Match['by']): void {
  const { match } = found;
  if (!user || user === match?.user) return;
  if (match === null) found.match = { user, by };
  else
    found.issues = withIssue(found.issues, {
      field: by === 'phone' ? 'phone' : 'externalId',
      message: `${by} belongs to ${describe(user)}, but the ${match.by} belongs to ${describe(match.user)}`,
      severity: 'error',
      code: 'conflict',
      params: {
        key: keyField(by),
        user: describe(user),
        matchedBy: keyField(match.by),
        matchedUser: describe(match.user),
      },
    });
}

type EntryRest = Partial<Pick<PlanEntry, 'reason' | 'skipped' | 'changes' | 'target'>>;

const NO_CHANGES: readonly string[] = Object.freeze([]);

/** What every entry of one row shares, whatever its action. */
interface RowOutcome {
  validated: ValidatedRow;
  issues: readonly ImportIssue[];
  match: Match | null;
  role: string | null;
  defaultRole: string;
}

function planEntry(
  { validated, issues, match, role, defaultRole }: RowOutcome,
  action: PlanAction,
  rest: EntryRest = {},
): PlanEntry {
  const { row, values } = validated;
  return {
    row,
    action: issues.some(isError) ? 'error' : action,
    values,
    issues,
    userId: match?.user.id ?? null,
    reason: rest.reason ?? null,
    skipped: rest.skipped ?? null,
    changes: rest.changes ?? NO_CHANGES,
    role:
      match === null
        ? (role ?? (values.role === null ? defaultRole : null))
        : (role ?? match.user.role),
    target: rest.target ?? null,
  };
}

function describe(user: User): string {
  return user.email ?? user.phone ?? user.name;
}

const REQUIRED_MESSAGES = {
  name: 'name is required',
  email: 'email is required',
  email_or_phone: 'email or phone is required',
} as const;

function required(
  field: ImportField,
  missing: ImportIssueOf<'required'>['params']['missing'],
): ImportIssue {
  const message = REQUIRED_MESSAGES[missing];
  return { field, message, severity: 'error', code: 'required', params: { missing } };
}

/** The field a key names (`external ID` → `externalId`). */
function keyField(by: Match['by']): 'email' | 'externalId' | 'phone' {
  return by === 'external ID' ? 'externalId' : by;
}

function isError(issue: ImportIssue): boolean {
  return issue.severity === 'error';
}

/** Role id for an id or name typed in a sheet, case-insensitively; null when unknown. */
export function resolveRole(settings: AccountSettings, value: string): string | null {
  const key = value.trim().toLowerCase();
  const role = settings.roles.find(
    (r) => r.id.toLowerCase() === key || r.name.toLowerCase() === key,
  );
  return role?.id ?? null;
}

/** Every group, by normalised name (paging through the backend). */
export async function loadGroups(backend: Backend, call: CallOptions): Promise<Map<string, Group>> {
  const groups = new Map<string, Group>();
  let cursor: string | undefined;
  do {
    const page = await backend.listGroups(
      cursor === undefined ? { limit: 1000 } : { limit: 1000, cursor },
      call,
    );
    for (const group of page.items) groups.set(normalizeGroupName(group.name), group);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return groups;
}

interface ExistingUsers {
  email: Map<string, User>;
  phone: Map<string, User>;
  externalId: Map<string, User>;
}

/** The users the rows' keys name, by key. */
async function lookupExisting(
  backend: Backend,
  rows: readonly ValidatedRow[],
  call: CallOptions,
): Promise<ExistingUsers> {
  const emails: string[] = [];
  const phones: string[] = [];
  const externalIds: string[] = [];
  const slicer = createSlicer();
  for (let i = 0; i < rows.length; i++) {
    if ((i & 1023) === 0) await slicer.pause();
    const { values } = rows[i]!;
    if (values.email !== null) emails.push(values.email);
    if (values.phone !== null) phones.push(values.phone);
    if (values.externalId !== null) externalIds.push(values.externalId);
  }
  const found: ExistingUsers = { email: new Map(), phone: new Map(), externalId: new Map() };
  const add = (users: User[]): void => {
    for (const user of users) {
      if (user.email !== null) found.email.set(normalizeEmail(user.email), user);
      if (user.phone !== null) found.phone.set(user.phone, user);
      // Exact, as backends look external IDs up: a row's match depends on its own keys
      // only, never on which other rows happened to bring the user in.
      if (user.externalId !== null) found.externalId.set(user.externalId, user);
    }
  };
  // One call per chunk for every kind of key; a local backend answers within microtasks,
  // so yield now and then to keep the page live.
  const longest = Math.max(emails.length, phones.length, externalIds.length);
  for (let i = 0; i < longest; i += LOOKUP_CHUNK) {
    const lookup: UserLookup = {};
    if (i < emails.length) lookup.emails = emails.slice(i, i + LOOKUP_CHUNK);
    if (i < phones.length) lookup.phones = phones.slice(i, i + LOOKUP_CHUNK);
    if (i < externalIds.length) lookup.externalIds = externalIds.slice(i, i + LOOKUP_CHUNK);
    add(await backend.lookupUsers(lookup, call));
    await slicer.pause();
  }
  return found;
}

/** No live user at all (`lookupUsers` only ever returns live users). */
async function isDirectoryEmpty(backend: Backend, call: CallOptions): Promise<boolean> {
  const page = await backend.listUsers(
    { includeDeleted: false, sort: { field: 'name', direction: 'asc' }, limit: 1 },
    call,
  );
  return page.total === 0;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AbortedError('The import preview was cancelled.');
}
