import * as z from 'zod/mini';

/** A role (access type) users can have. `owner` roles are protected from removal of the last one. */
export const RoleDefinition = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  /** True for roles whose last active holder cannot be deleted or deactivated. */
  owner: z._default(z.boolean(), false),
});
export type RoleDefinition = z.infer<typeof RoleDefinition>;

/** Password complexity rules; checked by {@link checkPassword}. */
export const PasswordPolicy = z.object({
  minLength: z._default(z.int().check(z.minimum(1), z.maximum(256)), 12),
  requireLowercase: z._default(z.boolean(), true),
  requireUppercase: z._default(z.boolean(), true),
  requireDigit: z._default(z.boolean(), true),
  requireSymbol: z._default(z.boolean(), false),
  /** Refuse passwords containing the user's name parts or email local part. */
  forbidPersonalInfo: z._default(z.boolean(), true),
});
export type PasswordPolicy = z.infer<typeof PasswordPolicy>;

/** Account-wide settings. */
export const AccountSettings = z.object({
  roles: z.array(RoleDefinition).check(z.minLength(1)),
  defaultRole: z.string().check(z.minLength(1)),
  passwordPolicy: PasswordPolicy,
  maxDevicesPerUser: z.int().check(z.minimum(1), z.maximum(100)),
  invitationExpiryDays: z.int().check(z.minimum(1), z.maximum(365)),
  retentionDays: z.int().check(z.minimum(1), z.maximum(3650)),
  version: z.int().check(z.positive()),
});
export type AccountSettings = z.infer<typeof AccountSettings>;

/** Settings a new account starts with. */
export const DEFAULT_SETTINGS: AccountSettings = {
  roles: [
    { id: 'owner', name: 'Owner', owner: true },
    { id: 'admin', name: 'Admin', owner: false },
    { id: 'member', name: 'Member', owner: false },
  ],
  defaultRole: 'member',
  passwordPolicy: {
    minLength: 12,
    requireLowercase: true,
    requireUppercase: true,
    requireDigit: true,
    requireSymbol: false,
    forbidPersonalInfo: true,
  },
  maxDevicesPerUser: 3,
  invitationExpiryDays: 7,
  retentionDays: 30,
  version: 1,
};

export const SettingsPatch = z.partial(
  z.strictObject({
    ...z.omit(AccountSettings, { version: true }).shape,
    passwordPolicy: z.partial(PasswordPolicy),
  }),
);
export type SettingsPatch = z.input<typeof SettingsPatch>;
