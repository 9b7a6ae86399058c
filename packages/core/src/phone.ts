/**
 * `@roster/core/phone`: phone numbers as Roster stores them (E.164), with
 * libphonenumber-js's metadata. A separate entry so that a portal pays for the metadata
 * only where it handles phones (a user form), not on first load.
 *
 * @example
 * ```ts
 * import { normalizePhone } from '@roster/core/phone';
 * normalizePhone('082 455 1234', 'ZA'); // { ok: true, e164: '+27824551234' }
 * ```
 * @packageDocumentation
 */
export {
  normalizePhone,
  isCountryCode,
  type PhoneResult,
  type PhoneProblem,
  type CountryCode,
} from './rules/phone.js';
