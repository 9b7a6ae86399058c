import * as z from 'zod';

/** A role (access type) users can have. `owner` roles are protected from removal of the last one. */
export const RoleDefinition = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  /** True for roles whose last active holder cannot be deleted or deactivated. */
  owner: z.boolean().default(false),
});
export type RoleDefinition = z.infer<typeof RoleDefinition>;

/** Password complexity rules; checked by {@link checkPassword}. */
export const PasswordPolicy = z.object({
  minLength: z.number().int().min(1).max(256).default(12),
  requireLowercase: z.boolean().default(true),
  requireUppercase: z.boolean().default(true),
  requireDigit: z.boolean().default(true),
  requireSymbol: z.boolean().default(false),
  /** Refuse passwords containing the user's name parts or email local part. */
  forbidPersonalInfo: z.boolean().default(true),
});
export type PasswordPolicy = z.infer<typeof PasswordPolicy>;

/** Account-wide settings. */
export const AccountSettings = z.object({
  roles: z.array(RoleDefinition).min(1),
  defaultRole: z.string().min(1),
  passwordPolicy: PasswordPolicy,
  maxDevicesPerUser: z.number().int().min(1).max(100),
  invitationExpiryDays: z.number().int().min(1).max(365),
  retentionDays: z.number().int().min(1).max(3650),
  version: z.number().int().positive(),
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

export const SettingsPatch = AccountSettings.omit({ version: true })
  .extend({ passwordPolicy: PasswordPolicy.partial() })
  .partial()
  .strict();
export type SettingsPatch = z.input<typeof SettingsPatch>;
