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

export const de: SettingsMessages = {
  settings: 'Einstellungen',
  loadingSettings: 'Einstellungen werden geladen…',
  passwordPolicy: 'Passwortrichtlinie',
  minLength: 'Mindestlänge',
  requireLowercase: 'Kleinbuchstabe erforderlich',
  requireUppercase: 'Großbuchstabe erforderlich',
  requireDigit: 'Ziffer erforderlich',
  requireSymbol: 'Sonderzeichen erforderlich',
  forbidPersonalInfo: 'Name oder E-Mail-Adresse des Benutzers ablehnen',
  samplePassword: 'Passwort ausprobieren',
  samplePasswordHint: 'Wird beim Tippen gegen die Richtlinie geprüft; nichts wird gespeichert.',
  sampleOwner: 'Für den Benutzer (Name oder E-Mail)',
  sampleOwnerHint: 'Optional: prüft die Regel „Name oder E-Mail“.',
  sampleMeets: 'Dieses Passwort erfüllt die Richtlinie.',
  sampleEmpty: 'Geben Sie ein Passwort ein, um es zu prüfen.',
  sampleUnmet: (count) => `${count} ${count === 1 ? 'Regel ist' : 'Regeln sind'} nicht erfüllt:`,
  rule: {
    minLength: (policy) => `Mindestens ${policy.minLength} Zeichen verwenden.`,
    lowercase: () => 'Einen Kleinbuchstaben hinzufügen.',
    uppercase: () => 'Einen Großbuchstaben hinzufügen.',
    digit: () => 'Eine Ziffer hinzufügen.',
    symbol: () => 'Ein Sonderzeichen hinzufügen (weder Buchstabe noch Ziffer).',
    personalInfo: () => 'Nicht den Namen oder die E-Mail-Adresse des Benutzers verwenden.',
  },
  limits: 'Grenzen',
  maxDevicesPerUser: 'Geräte pro Benutzer',
  maxDevicesHint: 'Eine Anmeldung auf einem weiteren Gerät meldet das am längsten unbenutzte ab.',
  invitationExpiryDays: 'Einladungen verfallen nach (Tagen)',
  invitationExpiryHint: 'Verfallene Einladungen können erneut gesendet werden.',
  retentionDays: 'Gelöschte Benutzer aufbewahren (Tage)',
  retentionHint:
    'Bis dahin lassen sich gelöschte Benutzer wiederherstellen; danach werden sie endgültig entfernt.',
  roles: 'Rollen',
  roleId: 'ID',
  roleName: 'Name',
  roleOwner: 'Inhaber',
  ownerRole: 'Inhaberrolle',
  defaultRole: 'Standard',
  isDefault: (name) => `${name} ist die Standardrolle für neue Benutzer`,
  removeRole: (name) => `Die Rolle ${name} entfernen`,
  roleHeld: (name, count) =>
    `${name} haben ${count.toLocaleString('de')} Benutzer: geben Sie ihnen zuerst eine andere Rolle.`,
  roleIsDefault: (name) => `${name} ist die Standardrolle: wählen Sie zuerst eine andere.`,
  lastRole: 'Das Konto braucht mindestens eine Rolle.',
  newRole: 'Neue Rolle',
  newRoleIdHint: 'Optional: wird aus dem Namen gebildet, wenn leer.',
  addRole: 'Rolle hinzufügen',
  roleIdTaken: 'Eine Rolle mit dieser ID gibt es schon.',
  required: 'Pflichtfeld.',
  numberRange: (min, max) => `Eine ganze Zahl von ${min} bis ${max} eingeben.`,
  fixErrors: (count) =>
    `${count} ${count === 1 ? 'Feld braucht' : 'Felder brauchen'} Ihre Aufmerksamkeit.`,
  saved: 'Einstellungen gespeichert.',
  unsaved: 'Sie haben ungespeicherte Änderungen.',
  discard: 'Änderungen verwerfen',
  stale:
    'Jemand anderes hat die Einstellungen inzwischen geändert. Laden Sie neu, um dessen Fassung zu sehen (Ihre ungespeicherten Änderungen werden verworfen).',
  reload: 'Neu laden',
  actions: 'Aktionen',
  remove: 'Entfernen',
};

// The foundation's translation table gets this element's texts when the element loads.
addMessages('settings', { en, de });
