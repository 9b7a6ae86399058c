import type { ImportField } from './fields.js';

// Apart from fields.ts: the field list is public (template, export headings), these
// synonyms are the mapping suggester's alone, so a page that never imports does not load them.

/**
 * Header names per field, compared after {@link normalizeHeader}. Includes what Outlook
 * ("E-mail Address", "Mobile Phone", "Categories") and Google Contacts ("Given Name",
 * "E-mail 1 - Value", "Group Membership") export.
 */
export const FIELD_SYNONYMS: Record<ImportField, readonly string[]> = {
  name: [
    'name',
    'full name',
    'fullname',
    'user name',
    'username',
    'display name',
    'contact name',
    'person',
    'employee name',
    'member name',
    'staff name',
    'user',
    'naam',
    'nom',
    'nombre',
  ],
  firstName: ['first name', 'firstname', 'given name', 'forename', 'first', 'vorname', 'prenom'],
  middleName: ['middle name', 'middlename', 'additional name', 'middle', 'middle initial'],
  lastName: ['last name', 'lastname', 'surname', 'family name', 'last', 'nachname'],
  email: [
    'email',
    'e mail',
    'email address',
    'e mail address',
    'mail',
    'email 1 value',
    'e mail 1 value',
    'primary email',
    'work email',
    'business email',
    'courriel',
    'correo',
  ],
  phone: [
    'phone',
    'mobile',
    'mobile number',
    'mobile phone',
    'cell',
    'cell phone',
    'cellphone',
    'cell number',
    'phone number',
    'telephone',
    'telephone number',
    'tel',
    'msisdn',
    'whatsapp',
    'phone 1 value',
    'business phone',
    'primary phone',
    'handy',
    'telefon',
    'telefono',
  ],
  groups: [
    'groups',
    'group',
    'group name',
    'group names',
    'group membership',
    'categories',
    'category',
    'team',
    'teams',
    'department',
    'departments',
    'site',
    'sites',
    'gruppe',
  ],
  role: [
    'role',
    'roles',
    'user type',
    'type',
    'access',
    'access type',
    'access level',
    'permission',
  ],
  notes: ['notes', 'note', 'comments', 'comment', 'remarks', 'description', 'memo', 'bemerkung'],
  externalId: [
    'external id',
    'externalid',
    'employee id',
    'employee number',
    'staff number',
    'staff id',
    'personnel number',
    'payroll number',
    'user id',
    'id',
    'member id',
    'badge',
    'badge number',
  ],
};

/**
 * Lower-case words only: `E-Mail` → `e mail`, `Phone 1 - Value` → `phone 1 value`,
 * `Full_Name` → `full name`, `firstName` → `first name`.
 */
export function normalizeHeader(header: string): string {
  return header
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
