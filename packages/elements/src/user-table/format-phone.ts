import { parsePhoneNumber } from 'libphonenumber-js';

/**
 * An E.164 number as people read it (`+27 82 455 1234`), through libphonenumber-js's
 * documented `parsePhoneNumber(...).formatInternational()`; the stored E.164 text when
 * the library cannot read it. The data keeps E.164: this is display only.
 */
export function formatPhone(e164: string): string {
  try {
    return parsePhoneNumber(e164).formatInternational();
  } catch {
    return e164;
  }
}
