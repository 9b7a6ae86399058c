import { csvLine } from '../export/csv-format.js';
import { FIELD_LABELS, IMPORT_FIELDS } from './fields.js';

/** One name column: the parts (first/middle/last) are for files that split it. */
const TEMPLATE_FIELDS = IMPORT_FIELDS.filter(
  (field) => field !== 'firstName' && field !== 'middleName' && field !== 'lastName',
);
const EXAMPLE: Record<string, string> = {
  name: 'Anna Schmidt',
  email: 'anna@example.com',
  phone: '+27821234567',
  groups: 'Sales; Berlin',
  role: 'Member',
  notes: 'Started in March',
  externalId: 'EMP-0042',
};

/**
 * A CSV template admins fill in: the headers the importer maps without help and one
 * example row (phones in international form; several groups separated by `;`).
 *
 * @example
 * ```ts
 * const blob = new Blob([importTemplate()], { type: 'text/csv' });
 * ```
 */
export function importTemplate(): string {
  return (
    '\uFEFF' +
    csvLine(TEMPLATE_FIELDS.map((field) => FIELD_LABELS[field])) +
    csvLine(TEMPLATE_FIELDS.map((field) => EXAMPLE[field] ?? ''))
  );
}
