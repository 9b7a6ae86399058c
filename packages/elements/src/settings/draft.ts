import {
  AccountSettings,
  PasswordPolicy,
  SettingsPatch,
  type RoleDefinition,
  type SettingsPatch as SettingsPatchInput,
} from '@roster/core';
import type { SettingsMessages } from './messages.js';

/** The numeric settings, by their path in {@link AccountSettings}. */
export const NUMBER_FIELDS = [
  'passwordPolicy.minLength',
  'maxDevicesPerUser',
  'invitationExpiryDays',
  'retentionDays',
] as const;
export type NumberField = (typeof NUMBER_FIELDS)[number];

/** The password-policy switches, in the order the form shows them. */
export const POLICY_FLAGS = [
  'requireLowercase',
  'requireUppercase',
  'requireDigit',
  'requireSymbol',
  'forbidPersonalInfo',
] as const;
export type PolicyFlag = (typeof POLICY_FLAGS)[number];

/** What the form edits: numbers as typed (validated on save), switches, roles. */
export interface SettingsDraft {
  numbers: Record<NumberField, string>;
  flags: Record<PolicyFlag, boolean>;
  roles: RoleDefinition[];
  defaultRole: string;
}

/**
 * The allowed range of a numeric setting, read from core's schema (one source for the
 * inputs' `min`/`max`, the error text and the validation).
 */
export function rangeOf(field: NumberField): { min: number; max: number } {
  const schema =
    field === 'passwordPolicy.minLength'
      ? PasswordPolicy.shape.minLength._zod.def.innerType
      : AccountSettings.shape[field];
  // Core's schemas are zod/mini: their bounds are the inclusive checks in the definition.
  let min = 0;
  let max = Number.MAX_SAFE_INTEGER;
  for (const check of schema._zod.def.checks ?? []) {
    const def = check._zod.def;
    if (!('value' in def) || typeof def.value !== 'number') continue;
    if (def.check === 'greater_than') min = Math.max(min, def.value);
    if (def.check === 'less_than') max = Math.min(max, def.value);
  }
  return { min, max };
}

/** A draft showing `settings` as stored. */
export function draftOf(settings: AccountSettings): SettingsDraft {
  return {
    numbers: {
      'passwordPolicy.minLength': String(settings.passwordPolicy.minLength),
      maxDevicesPerUser: String(settings.maxDevicesPerUser),
      invitationExpiryDays: String(settings.invitationExpiryDays),
      retentionDays: String(settings.retentionDays),
    },
    flags: Object.fromEntries(
      POLICY_FLAGS.map((flag) => [flag, settings.passwordPolicy[flag]]),
    ) as Record<PolicyFlag, boolean>,
    roles: settings.roles.map((role) => ({ ...role })),
    defaultRole: settings.defaultRole,
  };
}

function number(raw: string): number {
  return raw.trim() === '' ? Number.NaN : Number(raw);
}

/** The whole draft as a settings patch (not yet validated). */
export function patchOf(draft: SettingsDraft): SettingsPatchInput {
  return {
    passwordPolicy: {
      ...draft.flags,
      minLength: number(draft.numbers['passwordPolicy.minLength']),
    },
    maxDevicesPerUser: number(draft.numbers.maxDevicesPerUser),
    invitationExpiryDays: number(draft.numbers.invitationExpiryDays),
    retentionDays: number(draft.numbers.retentionDays),
    roles: draft.roles,
    defaultRole: draft.defaultRole,
  };
}

/** Validation of a draft: the patch to save, or the errors by field id (`settings.<path>`). */
export type DraftCheck =
  { ok: true; patch: SettingsPatchInput } | { ok: false; errors: Record<string, string> };

/**
 * Validates the draft with core's `SettingsPatch` schema (the rules the backend applies)
 * and words each issue for the field it names.
 */
export function checkDraft(draft: SettingsDraft, t: SettingsMessages): DraftCheck {
  const patch = patchOf(draft);
  const result = SettingsPatch.safeParse(patch);
  if (result.success) return { ok: true, patch };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    const field = NUMBER_FIELDS.find((name) => name === path);
    const text = field ? t.numberRange(rangeOf(field).min, rangeOf(field).max) : t.required;
    errors[`settings.${path}`] ??= text;
  }
  return { ok: false, errors };
}

/** A role id derived from a name ("Shift lead" → "shift-lead"). */
export function roleIdFor(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
}
