/**
 * The import's fast phone path answers exactly as normalizePhone does (it exists only
 * for speed): compared on numbers of every country in many shapes.
 */
import { expect } from 'chai';
import { describe, it } from '@roster/test-support/harness';
import examples from 'libphonenumber-js/examples.mobile.json';
import { getCountryCallingCode, type CountryCode } from 'libphonenumber-js/min';
import { normalizePhone } from '../src/rules/phone.js';
import { createFastPhonePath } from '../src/import/fast-phone.js';

const fastNormalizePhone = createFastPhonePath();

/** Deterministic pseudo-random numbers, so a failure names a reproducible input. */
function lcg(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % n;
  };
}

function shapes(): string[] {
  const random = lcg(42);
  const out: string[] = [];
  for (const [country, sample] of Object.entries(examples as Record<string, string>)) {
    let code: string;
    try {
      code = getCountryCallingCode(country as CountryCode);
    } catch {
      continue;
    }
    for (let k = 0; k < 2; k++) {
      const digits = sample
        .split('')
        .map((d) => (random(5) === 0 ? String(random(10)) : d))
        .join('')
        .slice(0, sample.length + random(3) - 1);
      const a = digits.slice(0, 3);
      const b = digits.slice(3);
      out.push(
        digits,
        `0${digits}`,
        `+${code}${digits}`,
        `+${code} ${a} ${b}`,
        `${code}${digits}`,
        `00${code}${digits}`,
        `(0${digits.slice(0, 2)}) ${digits.slice(2)}`,
        `0${a}-${b}`,
        `+${code} (0) ${digits}`,
        `${digits} x12`,
      );
    }
  }
  return out;
}

describe('fast phone normalisation', () => {
  const inputs = shapes();
  const countries: (CountryCode | undefined)[] = [undefined, 'ZA', 'GB', 'US', 'IN', 'KZ'];

  it('gives normalizePhone’s answer for every input it answers, and answers most plain ones', () => {
    let answered = 0;
    let compared = 0;
    for (const country of countries) {
      for (const input of inputs) {
        const fast = fastNormalizePhone(input, country);
        if (fast === null) continue;
        compared++;
        expect(fast, `${JSON.stringify(input)} with default country ${country}`).to.deep.equal(
          normalizePhone(input, country),
        );
        if (fast.ok) answered++;
      }
    }
    expect(compared).to.be.above(inputs.length * countries.length * 0.3);
    expect(answered).to.be.above(compared * 0.5);
  });

  it('covers the shapes of a typical South African file', () => {
    for (const input of [
      '082 123 4567',
      '+27 71 555 0000',
      '(083) 123-4567',
      '+44 7700 900123',
      '+1 202 555 0147',
    ])
      expect(fastNormalizePhone(input, 'ZA'), input).to.deep.equal(normalizePhone(input, 'ZA'));
    expect(fastNormalizePhone('082 123 4567', 'ZA')).to.deep.equal({
      ok: true,
      e164: '+27821234567',
    });
  });
});
