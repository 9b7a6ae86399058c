import * as z from 'zod/mini';
import { parseOrThrow, validationErrorFromZod } from '../errors/index.js';
import {
  CreateUserInput,
  Id,
  NormalizedUserPatch,
  UserPatch,
  Version,
  type NormalizedUserPatch as NormalizedUserPatchType,
} from '../model/index.js';
import type { CountryCode } from '../rules/phone.js';

/** A create-user input after validation, phone in E.164; the role may still be unresolved. */
export interface ValidCreateInput {
  id: string | undefined;
  name: string;
  email: string | null;
  phone: string | null;
  role: string | undefined;
  groupIds: string[];
  notes: string;
  externalId: string | null;
}

/**
 * Validates what an admin typed for a new user and normalises the phone to E.164. Every
 * problem is reported at once (a bad email and a bad phone together), each with its path.
 */
export async function validateCreateInput(
  input: unknown,
  defaultCountry: CountryCode | undefined,
): Promise<ValidCreateInput> {
  const parsed = CreateUserInput.safeParse(input);
  const issues: z.core.$ZodIssue[] = parsed.success ? [] : [...parsed.error.issues];
  const rawPhone = parsed.success ? parsed.data.phone : phoneOf(input);
  const phone = await checkPhone(rawPhone, defaultCountry, issues);
  if (!parsed.success || issues.length > 0) throw validationErrorFromZod({ issues }, 'user');
  const data = parsed.data;
  return {
    id: data.id,
    name: data.name,
    email: data.email ?? null,
    phone,
    role: data.role,
    groupIds: data.groupIds ?? [],
    notes: data.notes ?? '',
    externalId: data.externalId ?? null,
  };
}

/**
 * Validates a user patch and normalises its phone; `null` still clears a field.
 */
export async function validateUserPatch(
  patch: unknown,
  defaultCountry: CountryCode | undefined,
): Promise<NormalizedUserPatchType> {
  const parsed = UserPatch.safeParse(patch);
  const issues: z.core.$ZodIssue[] = parsed.success ? [] : [...parsed.error.issues];
  const rawPhone = parsed.success ? parsed.data.phone : phoneOf(patch);
  const phone = await checkPhone(rawPhone, defaultCountry, issues);
  if (!parsed.success || issues.length > 0)
    throw validationErrorFromZod({ issues }, 'user changes');
  const normalized = { ...parsed.data, ...(parsed.data.phone === undefined ? {} : { phone }) };
  return parseOrThrow(NormalizedUserPatch, normalized, 'user changes');
}

/** The phone field of raw input, when it is a string the schema had no complaint about. */
function phoneOf(input: unknown): string | null | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const phone = (input as { phone?: unknown }).phone;
  return typeof phone === 'string' ? phone : undefined;
}

/**
 * E.164 form of `raw` (or null when absent); a bad number adds an issue at `['phone']`.
 * The phone rules (and libphonenumber's metadata) load with the first phone number.
 */
async function checkPhone(
  raw: string | null | undefined,
  defaultCountry: CountryCode | undefined,
  issues: z.core.$ZodIssue[],
): Promise<string | null> {
  if (raw === null || raw === undefined || raw.trim() === '') return null;
  if (issues.some((issue) => issue.path[0] === 'phone')) return null;
  const { normalizePhone } = await import('../rules/phone.js');
  const result = normalizePhone(raw, defaultCountry);
  if (result.ok) return result.e164;
  issues.push({ code: 'custom', path: ['phone'], message: result.message, input: raw });
  return null;
}

const IdList = z.array(Id);

/** Validates one record id. */
export function parseId(id: unknown, what = 'id'): string {
  return parseOrThrow(Id, id, what);
}

/** Validates a list of ids and drops repeats (each record is acted on once). */
export function parseIds(ids: unknown, what = 'ids'): string[] {
  return [...new Set(parseOrThrow(IdList, ids, what))];
}

const VersionOption = z.object({ version: Version }, { error: 'options.version is required' });

/** Validates the `{ version }` option of a versioned write. */
export function parseVersion(options: unknown): number {
  return parseOrThrow(VersionOption, options, 'options').version;
}
