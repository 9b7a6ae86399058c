import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

export type { CountryCode };

/** Outcome of {@link normalizePhone}. */
export type PhoneResult =
  { ok: true; e164: string } | { ok: false; problem: PhoneProblem; message: string };

/** Why a phone number could not be read. */
export type PhoneProblem = 'empty' | 'letters' | 'too_short' | 'no_country' | 'not_a_number';

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
 * normalizePhone('12', 'ZA');           // { ok: false, problem: 'not_a_number', message: 'phone is not a valid number' }
 * ```
 */
export function normalizePhone(input: string, defaultCountry?: CountryCode): PhoneResult {
  const raw = input.trim();
  if (raw === '') return { ok: false, problem: 'empty', message: 'phone is empty' };
  if (/[a-z]/i.test(raw.replace(/\s*(ext\.?|x)\s*\d+$/i, '')))
    return { ok: false, problem: 'letters', message: 'phone contains letters' };
  const international = raw.startsWith('+') || /^00[1-9]/.test(raw);
  const digits = raw.replace(/\D/g, '').replace(/^00/, international ? '' : '00');
  if (digits.length < 4) return { ok: false, problem: 'too_short', message: 'phone is too short' };
  // Candidates in order of preference, each parsed only when needed (imports normalise
  // 100k numbers). "Valid" (a real number range) beats merely "possible" (right length):
  // reserved ranges such as UK 07700 900xxx, used in examples and tests, are possible but
  // not valid, and admins do import them.
  const national =
    !international && defaultCountry ? parsePhoneNumberFromString(raw, defaultCountry) : undefined;
  if (national?.isValid()) return { ok: true, e164: national.number };
  // Digits starting with 0 carry no country calling code; parsing them would only fail
  // (slowly: the parser throws internally). Otherwise: international input, or a
  // spreadsheet that stored +27821234567 as the number 27821234567 and lost the '+'.
  const withPlus = digits.startsWith('0') ? undefined : parsePhoneNumberFromString(`+${digits}`);
  if (withPlus?.isValid()) return { ok: true, e164: withPlus.number };
  const chosen = [national, withPlus].find(
    (candidate) => candidate?.isPossible() && plausibleUnallocated(candidate.nationalNumber),
  );
  if (chosen) return { ok: true, e164: chosen.number };
  if (!international && !defaultCountry)
    return {
      ok: false,
      problem: 'no_country',
      message: 'phone needs a country code (e.g. +27…) or a default country',
    };
  return { ok: false, problem: 'not_a_number', message: 'phone is not a valid number' };
}

/**
 * Whether a number that is only "possible" (right length, no allocated range) is still
 * worth keeping: a subscriber number of at least 7 digits that does not start with 0.
 * Short codes and stray digits (`0 1000` → `+2701000`) are not phone numbers anyone
 * can be invited on, however well their length fits.
 */
export function plausibleUnallocated(nationalNumber: string): boolean {
  return nationalNumber.length >= 7 && !nationalNumber.startsWith('0');
}

/** True when `value` looks like an ISO 3166-1 alpha-2 country code (e.g. `ZA`). */
export function isCountryCode(value: string): value is CountryCode {
  return /^[A-Z]{2}$/.test(value);
}
