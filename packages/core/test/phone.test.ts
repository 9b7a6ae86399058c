import { expect } from 'chai';
import { describe, it } from '@roster/test-support/harness';
import { normalizePhone } from '../src/rules/phone.js';
import { createFastPhonePath } from '../src/import/fast-phone.js';

const fastNormalizePhone = createFastPhonePath();

describe('normalizePhone', () => {
  it('turns national, international and digits-only numbers into E.164', () => {
    expect(normalizePhone('082 123 4567', 'ZA')).to.deep.equal({ ok: true, e164: '+27821234567' });
    expect(normalizePhone('27821234567', 'ZA')).to.deep.equal({ ok: true, e164: '+27821234567' });
    expect(normalizePhone('0044 7700 900123', 'ZA')).to.deep.equal({
      ok: true,
      e164: '+447700900123',
    });
  });

  it('keeps reserved-but-well-formed numbers such as UK 07700 900xxx', () => {
    expect(normalizePhone('+44 7700 900123')).to.deep.equal({ ok: true, e164: '+447700900123' });
  });

  it('refuses stray digits that merely fit a length, in both the plain and the import path', () => {
    for (const input of ['0 1000', '01000']) {
      expect(normalizePhone(input, 'ZA'), input).to.deep.equal({
        ok: false,
        problem: 'not_a_number',
        message: 'phone is not a valid number',
      });
      const fast = fastNormalizePhone(input, 'ZA');
      expect(fast === null || fast.ok === false, input).to.equal(true);
    }
  });

  it('says what is missing', () => {
    expect(normalizePhone('082 123 4567')).to.deep.equal({
      ok: false,
      problem: 'no_country',
      message: 'phone needs a country code (e.g. +27…) or a default country',
    });
    expect(normalizePhone('call me', 'ZA')).to.deep.equal({
      ok: false,
      problem: 'letters',
      message: 'phone contains letters',
    });
  });
});
