import type { CountryCode } from 'libphonenumber-js/min';

/**
 * True when `value` looks like an ISO 3166-1 alpha-2 country code (e.g. `ZA`). Apart from
 * the phone rules so that checking `defaultCountry` loads no phone metadata.
 */
export function isCountryCode(value: string): value is CountryCode {
  return /^[A-Z]{2}$/.test(value);
}
