import type { CountryCode } from '@roster/core';
import {
  getCountries,
  getCountryCallingCode,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/min';

/** One choice of the phone form's country select. */
export interface CountryOption {
  code: CountryCode;
  /** "South Africa (+27)" in the locale in force. */
  label: string;
}

const byLocale = new Map<string, CountryOption[]>();

/**
 * Every country libphonenumber knows, named in `locale` and sorted by that name (computed
 * once per locale: about 240 options).
 */
export function countryOptions(locale: string | undefined): CountryOption[] {
  const key = locale ?? '';
  const cached = byLocale.get(key);
  if (cached) return cached;
  const names = new Intl.DisplayNames(locale ? [locale] : undefined, { type: 'region' });
  const collator = new Intl.Collator(locale);
  const options = getCountries()
    .map((code) => {
      let name: string = code;
      try {
        name = names.of(code) ?? code;
      } catch {
        // A code Intl does not know keeps its letters.
      }
      return { code, name, label: `${name} (+${getCountryCallingCode(code)})` };
    })
    .sort((a, b) => collator.compare(a.name, b.name))
    .map(({ code, label }) => ({ code, label }));
  byLocale.set(key, options);
  return options;
}

/**
 * A stored E.164 number as the form shows it: the country it belongs to and the national
 * number (`+27824551234` → `ZA`, `082 455 1234`). A number of no known country keeps its
 * international form and no country.
 */
export function splitPhone(
  e164: string | null,
  fallback: CountryCode | undefined,
): { country: CountryCode | ''; number: string } {
  if (!e164) return { country: fallback ?? '', number: '' };
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed?.country) return { country: '', number: e164 };
  return { country: parsed.country, number: parsed.formatNational() };
}
