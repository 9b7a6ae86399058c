import { displayStatus, type AccountSettings, type User } from '../model/index.js';
import { FIELD_LABELS } from '../import/fields.js';

/** Names the export needs besides the user: groups by id, roles by id. */
export interface ExportLookups {
  groupNames: Map<string, string>;
  settings: AccountSettings;
  now: Date;
}

/** Columns of a user export; the first seven are the ones the importer maps back. */
export const EXPORT_HEADERS: readonly string[] = [
  FIELD_LABELS.name,
  FIELD_LABELS.email,
  FIELD_LABELS.phone,
  FIELD_LABELS.role,
  FIELD_LABELS.groups,
  FIELD_LABELS.notes,
  FIELD_LABELS.externalId,
  'Status',
  'Created',
  'Last Login',
];

/** A user as export cells (unescaped: the writer makes them formula-safe). */
export function userCells(user: User, lookups: ExportLookups): string[] {
  const role = lookups.settings.roles.find((r) => r.id === user.role);
  return [
    user.name,
    user.email ?? '',
    user.phone ?? '',
    role?.name ?? user.role,
    user.groupIds.map((id) => lookups.groupNames.get(id) ?? id).join('; '),
    user.notes,
    user.externalId ?? '',
    displayStatus(user, lookups.now),
    user.createdAt,
    user.lastLoginAt ?? '',
  ];
}
