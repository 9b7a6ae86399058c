import { expect } from 'chai';
import * as z from 'zod/mini';
import { describe, it } from '@roster/test-support/harness';
import { EMAIL_PATTERN } from '../src/import/cells.js';
import { Email } from '../src/model/user.js';

describe("the import engine's email pattern is zod's", () => {
  it('is the pattern zod publishes as regexes.email', () => {
    expect(EMAIL_PATTERN.source).to.equal(z.regexes.email.source);
    expect(EMAIL_PATTERN.flags).to.equal(z.regexes.email.flags);
  });

  it('accepts and refuses the same addresses as the model', () => {
    for (const address of [
      'ada@example.com',
      'a.b+c@sub.example.org',
      'no-at-sign',
      'a@b',
      'x@.com',
    ])
      expect(EMAIL_PATTERN.test(address), address).to.equal(Email.safeParse(address).success);
  });
});
