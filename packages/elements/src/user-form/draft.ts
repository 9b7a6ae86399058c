import {
  CreateUserInput,
  UserPatch,
  type CountryCode,
  type CreateUserInput as CreateUserInputType,
  type User,
  type UserPatch as UserPatchType,
} from '@roster/core';
import { normalizePhone } from '@roster/core/phone';
import { splitPhone } from './countries.js';
import type { UserFormField } from './messages.js';

/** What the form holds while the admin types: strings as typed, groups as ids. */
export interface Draft {
  name: string;
  email: string;
  /** The phone's country ('' for a number typed with its own +code). */
  country: CountryCode | '';
  /** The phone as typed (national or international). */
  phone: string;
  role: string;
  groupIds: string[];
  notes: string;
  externalId: string;
  invite: boolean;
}

/** The fields in the order the form shows them: the first invalid one gets the focus. */
export const FIELD_ORDER: readonly UserFormField[] = [
  'name',
  'email',
  'phone',
  'role',
  'groupIds',
  'notes',
  'externalId',
];

/** Message per field, from the core schemas' issues. */
export type FieldErrors = Partial<Record<UserFormField, string>>;

/** A blank draft for a new user (the portal's default country and the account's default role). */
export function blankDraft(country: CountryCode | undefined, role: string): Draft {
  return {
    name: '',
    email: '',
    country: country ?? '',
    phone: '',
    role,
    groupIds: [],
    notes: '',
    externalId: '',
    invite: false,
  };
}

/** The draft of a stored user: the phone split into its country and national number. */
export function draftOf(user: User, fallbackCountry: CountryCode | undefined): Draft {
  const phone = splitPhone(user.phone, fallbackCountry);
  return {
    name: user.name,
    email: user.email ?? '',
    country: phone.country,
    phone: phone.number,
    role: user.role,
    groupIds: [...user.groupIds],
    notes: user.notes,
    externalId: user.externalId ?? '',
    invite: false,
  };
}

/** The values the draft asks to store (empty optional fields as null; phone in E.164 when it reads). */
interface Values {
  name: string;
  email: string | null;
  phone: string | null;
  role: string;
  groupIds: string[];
  notes: string;
  externalId: string | null;
}

/** Checks the draft with core's rules; `values` only when there is no error. */
export function checkDraft(draft: Draft): { values?: Values; errors: FieldErrors } {
  const errors: FieldErrors = {};
  let phone: string | null = null;
  if (draft.phone.trim()) {
    const result = normalizePhone(draft.phone, draft.country || undefined);
    if (result.ok) phone = result.e164;
    else errors.phone = result.message;
  }
  const values: Values = {
    name: draft.name,
    email: draft.email.trim() || null,
    // A number that does not read is checked by the schema as typed (its issue stays ours).
    phone: phone ?? (draft.phone.trim() || null),
    role: draft.role,
    groupIds: draft.groupIds,
    notes: draft.notes,
    externalId: draft.externalId.trim() || null,
  };
  const parsed = CreateUserInput.safeParse(values satisfies CreateUserInputType);
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (typeof field === 'string' && isField(field) && !errors[field])
        errors[field] = issue.message;
    }
  return Object.keys(errors).length ? { errors } : { values, errors };
}

/** The patch that turns `user` into `values`: only what differs. */
export function patchFor(user: User, values: Values): UserPatchType {
  const patch: Record<string, unknown> = {};
  const scalars = ['name', 'email', 'phone', 'role', 'notes', 'externalId'] as const;
  for (const key of scalars) if (values[key] !== user[key]) patch[key] = values[key];
  if (!sameSet(values.groupIds, user.groupIds)) patch['groupIds'] = values.groupIds;
  return UserPatch.parse(patch);
}

/** Fields whose stored values differ between two versions of a user. */
export function changedFields(
  before: User,
  after: User,
): (UserFormField | 'status' | 'deletedAt')[] {
  const changed: (UserFormField | 'status' | 'deletedAt')[] = [];
  for (const key of FIELD_ORDER) {
    const same =
      key === 'groupIds' ? sameSet(before.groupIds, after.groupIds) : before[key] === after[key];
    if (!same) changed.push(key);
  }
  if (before.status !== after.status) changed.push('status');
  if (before.deletedAt !== after.deletedAt) changed.push('deletedAt');
  return changed;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

function isField(name: string): name is UserFormField {
  return (FIELD_ORDER as readonly string[]).includes(name);
}
