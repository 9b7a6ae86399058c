import { expect } from 'chai';
import {
  getCountries,
  getCountryCallingCode,
  getExampleNumber,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/min';
import metadata from 'libphonenumber-js/min/metadata';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, it } from '@roster/test-support/harness';
import { CALLING_CODES } from '../src/rules/calling-codes.js';
import { phoneSearchDigits } from '../src/rules/user-search.js';

describe('calling codes of the phone search', () => {
  it("are exactly libphonenumber-js's: every country's code and the non-geographic ones", () => {
    const geographic = getCountries().map((country) => getCountryCallingCode(country));
    const nonGeographic = Object.keys(metadata.nonGeographic ?? {});
    const expected = [...new Set([...geographic, ...nonGeographic])].sort(
      (a, b) => a.length - b.length || a.localeCompare(b),
    );
    // On failure after an upgrade, paste this list into src/rules/calling-codes.ts.
    expect([...CALLING_CODES].join(' ')).to.equal(expected.join(' '));
  });

  it("split every country's example number as the library parses it", () => {
    for (const country of getCountries()) {
      const example = getExampleNumber(country, examples);
      if (!example) continue;
      const parsed = parsePhoneNumberFromString(example.number)!;
      const national = parsed.nationalNumber.replace(/^0+/, '');
      expect(phoneSearchDigits(example.number), country).to.deep.equal([
        example.number.slice(1),
        national,
      ]);
    }
  });

  it('split a non-geographic number (+800) at its code', () => {
    expect(phoneSearchDigits('+80012345678')).to.deep.equal(['80012345678', '12345678']);
  });
});
