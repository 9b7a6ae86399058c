import { describe, it } from '@roster/test-support/harness';
import { expect } from 'chai';
import { checkPassword, DEFAULT_SETTINGS, type PasswordPolicy } from '@roster/core';

const policy: PasswordPolicy = { ...DEFAULT_SETTINGS.passwordPolicy, requireSymbol: true };
const rules = (password: string, user?: { name?: string; email?: string }) =>
  checkPassword(policy, password, user).map((problem) => problem.rule);

describe('checkPassword', () => {
  it('accepts a password that meets every rule', () => {
    expect(checkPassword(policy, 'Correct-Horse-7-Battery')).to.deep.equal([]);
  });

  it('lists every unmet rule, in policy order, with a message', () => {
    const problems = checkPassword(policy, 'abc');
    expect(problems.map((problem) => problem.rule)).to.deep.equal([
      'minLength',
      'uppercase',
      'digit',
      'symbol',
    ]);
    expect(problems[0]!.message).to.equal('Use at least 12 characters.');
    for (const problem of problems) expect(problem.message).to.be.a('string').and.not.empty;
  });

  it('counts characters, not UTF-16 code units', () => {
    // 11 emoji are 22 code units but 11 characters: still too short for 12.
    expect(rules('Aa1-' + '😀'.repeat(7))).to.include('minLength');
    expect(rules('Aa1-' + '😀'.repeat(8))).to.not.include('minLength');
  });

  it('recognises Unicode letters and digits', () => {
    expect(rules('ÉCOLE-école-٣٣٣')).to.deep.equal([]);
  });

  it('only checks the classes the policy asks for', () => {
    const lenient: PasswordPolicy = {
      minLength: 4,
      requireLowercase: false,
      requireUppercase: false,
      requireDigit: false,
      requireSymbol: false,
      forbidPersonalInfo: false,
    };
    expect(checkPassword(lenient, 'aaaa', { name: 'aaaa' })).to.deep.equal([]);
  });

  it('refuses name parts of three or more letters and the email local part, ignoring case and accents', () => {
    const user = { name: 'José de Souza', email: 'jdsouza@example.com' };
    expect(rules('My-JOSE-Password-1', user)).to.deep.equal(['personalInfo']);
    expect(rules('Xsouza-Password-1!', user)).to.deep.equal(['personalInfo']);
    expect(rules('Pw-JDSouza-2026-!', user)).to.deep.equal(['personalInfo']);
    // "de" is shorter than three letters: too common to forbid.
    expect(rules('Deep-Blue-Sea-42!', user)).to.deep.equal([]);
  });

  it('without a user there is no personal information to check', () => {
    expect(rules('Correct-Horse-7-Battery')).to.deep.equal([]);
  });
});
