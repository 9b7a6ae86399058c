/**
 * Roster fields a column can be mapped to. `firstName`, `middleName` and `lastName`
 * are combined into `name`.
 */
export type ImportField =
  | 'name'
  | 'firstName'
  | 'middleName'
  | 'lastName'
  | 'email'
  | 'phone'
  | 'groups'
  | 'role'
  | 'notes'
  | 'externalId';

/** Every importable field, in the order the template and the wizard show them. */
export const IMPORT_FIELDS: readonly ImportField[] = [
  'name',
  'firstName',
  'middleName',
  'lastName',
  'email',
  'phone',
  'groups',
  'role',
  'notes',
  'externalId',
];

/** Column headings the exporter and the template write (and the importer reads back). */
export const FIELD_LABELS: Record<ImportField, string> = {
  name: 'Full Name',
  firstName: 'First Name',
  middleName: 'Middle Name',
  lastName: 'Last Name',
  email: 'Email',
  phone: 'Phone',
  groups: 'Groups',
  role: 'Role',
  notes: 'Notes',
  externalId: 'External ID',
};
