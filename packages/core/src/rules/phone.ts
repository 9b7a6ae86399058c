import {
  parsePhoneNumberFromString,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/min';

export type { CountryCode };

/** Outcome of {@link normalizePhone}. */
export type PhoneResult = { ok: true; e164: string } | { ok: false; message: string };

/**
 * Normalises a phone number as an admin typed it (`082 455 1234`, `+44 7700 900123`,
 * `0027821234567`, `27821234567`) to E.164 (`+27824551234`).
 *
 * National numbers need `defaultCountry`. Digits that already start with the default
 * country's calling code (a spreadsheet that dropped the `+`) are read as international.
 *
 * @example
 * ```ts
 * normalizePhone('082 123 4567', 'ZA'); // { ok: true, e164: '+27821234567' }
 * normalizePhone('12', 'ZA');           // { ok: false, message: 'phone is not a valid number' }
 * ```
 */
export function normalizePhone(input: string, defaultCountry?: CountryCode): PhoneResult {
  const raw = input.trim();
  if (raw === '') return { ok: false, message: 'phone is empty' };
  if (/[a-z]/i.test(raw.replace(/\s*(ext\.?|x)\s*\d+$/i, '')))
    return { ok: false, message: 'phone contains letters' };
  const international = raw.startsWith('+') || /^00[1-9]/.test(raw);
  const digits = raw.replace(/\D/g, '').replace(/^00/, international ? '' : '00');
  if (digits.length < 4) return { ok: false, message: 'phone is too short' };
  // Candidates in order of preference. "Valid" (a real number range) beats merely
  // "possible" (right length): reserved ranges such as UK 07700 900xxx, used in
  // examples and tests, are possible but not valid, and admins do import them.
  const candidates: PhoneNumber[] = [];
  const add = (parsed: PhoneNumber | undefined): void => {
    if (parsed) candidates.push(parsed);
  };
  if (international) add(parsePhoneNumberFromString(`+${digits}`));
  else {
    if (defaultCountry) add(parsePhoneNumberFromString(raw, defaultCountry));
    // A spreadsheet that stored +27821234567 as the number 27821234567 lost the '+'.
    add(parsePhoneNumberFromString(`+${digits}`));
  }
  const chosen = candidates.find((c) => c.isValid()) ?? candidates.find((c) => c.isPossible());
  if (chosen) return { ok: true, e164: chosen.number };
  if (!international && !defaultCountry)
    return { ok: false, message: 'phone needs a country code (e.g. +27…) or a default country' };
  return { ok: false, message: 'phone is not a valid number' };
}

/** True when `value` looks like an ISO 3166-1 alpha-2 country code (e.g. `ZA`). */
export function isCountryCode(value: string): value is CountryCode {
  return /^[A-Z]{2}$/.test(value);
}
