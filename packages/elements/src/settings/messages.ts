import type { PasswordPolicy, PasswordRule } from '@roster/core';
import { addMessages } from '../i18n/index.js';

/** Texts of `<roster-settings>`. */
export interface SettingsMessages {
  settings: string;
  loadingSettings: string;
  passwordPolicy: string;
  minLength: string;
  requireLowercase: string;
  requireUppercase: string;
  requireDigit: string;
  requireSymbol: string;
  forbidPersonalInfo: string;
  samplePassword: string;
  samplePasswordHint: string;
  sampleOwner: string;
  sampleOwnerHint: string;
  sampleMeets: string;
  sampleEmpty: string;
  sampleUnmet: (count: number) => string;
  /** One unmet rule, in the admin's language (core's `checkPassword` says which). */
  rule: Record<PasswordRule, (policy: PasswordPolicy) => string>;
  limits: string;
  maxDevicesPerUser: string;
  maxDevicesHint: string;
  invitationExpiryDays: string;
  invitationExpiryHint: string;
  retentionDays: string;
  retentionHint: string;
  roles: string;
  roleId: string;
  roleName: string;
  roleOwner: string;
  ownerRole: string;
  defaultRole: string;
  isDefault: (name: string) => string;
  removeRole: (name: string) => string;
  roleHeld: (name: string, count: number) => string;
  roleIsDefault: (name: string) => string;
  lastRole: string;
  newRole: string;
  newRoleIdHint: string;
  addRole: string;
  roleIdTaken: string;
  required: string;
  numberRange: (min: number, max: number) => string;
  fixErrors: (count: number) => string;
  saved: string;
  unsaved: string;
  discard: string;
  stale: string;
  reload: string;
  actions: string;
  remove: string;
}

export const en: SettingsMessages = {
  settings: 'Settings',
  loadingSettings: 'Loading settings…',
  passwordPolicy: 'Password policy',
  minLength: 'Minimum length',
  requireLowercase: 'Require a lowercase letter',
  requireUppercase: 'Require an uppercase letter',
  requireDigit: 'Require a digit',
  requireSymbol: 'Require a symbol',
  forbidPersonalInfo: 'Refuse the user’s name or email address',
  samplePassword: 'Try a password',
  samplePasswordHint: 'Checked against the policy above as you type; nothing is saved.',
  sampleOwner: 'For the user (name or email)',
  sampleOwnerHint: 'Optional: checks the “name or email” rule.',
  sampleMeets: 'This password meets the policy.',
  sampleEmpty: 'Type a password to check it.',
  sampleUnmet: (count) => `${count} ${count === 1 ? 'rule is' : 'rules are'} not met:`,
  rule: {
    minLength: (policy) => `Use at least ${policy.minLength} characters.`,
    lowercase: () => 'Add a lowercase letter.',
    uppercase: () => 'Add an uppercase letter.',
    digit: () => 'Add a digit.',
    symbol: () => 'Add a symbol (a character that is not a letter or digit).',
    personalInfo: () => 'Do not use the user’s name or email address.',
  },
  limits: 'Limits',
  maxDevicesPerUser: 'Devices per user',
  maxDevicesHint: 'Signing in on one more device signs out the least recently used one.',
  invitationExpiryDays: 'Invitations expire after (days)',
  invitationExpiryHint: 'Expired invitations can be resent.',
  retentionDays: 'Keep deleted users for (days)',
  retentionHint: 'Deleted users can be restored until then; after that they are purged.',
  roles: 'Roles',
  roleId: 'ID',
  roleName: 'Name',
  roleOwner: 'Owner',
  ownerRole: 'Owner role',
  defaultRole: 'Default',
  isDefault: (name) => `${name} is the default role for new users`,
  removeRole: (name) => `Remove the role ${name}`,
  roleHeld: (name, count) =>
    `${name} is held by ${count.toLocaleString('en')} ${count === 1 ? 'user' : 'users'}: give them another role first.`,
  roleIsDefault: (name) => `${name} is the default role: choose another default first.`,
  lastRole: 'The account needs at least one role.',
  newRole: 'New role',
  newRoleIdHint: 'Optional: derived from the name when left empty.',
  addRole: 'Add role',
  roleIdTaken: 'A role with this ID already exists.',
  required: 'Required.',
  numberRange: (min, max) => `Enter a whole number from ${min} to ${max}.`,
  fixErrors: (count) => `${count} ${count === 1 ? 'field needs' : 'fields need'} attention.`,
  saved: 'Settings saved.',
  unsaved: 'You have unsaved changes.',
  discard: 'Discard changes',
  stale:
    'Someone else changed the settings meanwhile. Reload to see their version (your unsaved changes are discarded).',
  reload: 'Reload',
  actions: 'Actions',
  remove: 'Remove',
};

addMessages('settings', en);
