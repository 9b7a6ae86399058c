import type { PasswordPolicy } from '../model/index.js';

/** A password-policy rule a password can fail. */
export type PasswordRule =
  'minLength' | 'lowercase' | 'uppercase' | 'digit' | 'symbol' | 'personalInfo';

/** One unmet rule, with a message an end user can act on. */
export interface PasswordProblem {
  rule: PasswordRule;
  message: string;
}

/** Who the password is for: their name parts and email local part may not appear in it. */
export interface PasswordOwner {
  name?: string | null;
  email?: string | null;
}

/** Personal-info fragments shorter than this are too common to forbid ("Al", "Jo"). */
const MIN_PERSONAL_FRAGMENT = 3;

/**
 * Checks a password against the account's {@link PasswordPolicy}.
 *
 * Resolves to the unmet rules, in policy order; an empty array means the password is
 * acceptable. Character classes are Unicode-aware (`É` is uppercase, `٣` a digit);
 * any character that is neither a letter nor a digit counts as a symbol. With
 * `forbidPersonalInfo`, the password may not contain (case-insensitively) any part of
 * the user's name of three or more letters, nor their email's local part.
 *
 * @example
 * ```ts
 * checkPassword(settings.passwordPolicy, 'hunter2');
 * // [{ rule: 'minLength', message: 'Use at least 12 characters.' }, { rule: 'uppercase', … }]
 * checkPassword(policy, 'David-Secret-2026', { name: 'David Smith', email: 'd.smith@acme.com' });
 * // [{ rule: 'personalInfo', message: 'Do not use your name or email address.' }]
 * ```
 */
export function checkPassword(
  policy: PasswordPolicy,
  password: string,
  user?: PasswordOwner,
): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < policy.minLength)
    problems.push({
      rule: 'minLength',
      message: `Use at least ${policy.minLength} character${policy.minLength === 1 ? '' : 's'}.`,
    });
  if (policy.requireLowercase && !/\p{Ll}/u.test(password))
    problems.push({ rule: 'lowercase', message: 'Add a lowercase letter.' });
  if (policy.requireUppercase && !/\p{Lu}/u.test(password))
    problems.push({ rule: 'uppercase', message: 'Add an uppercase letter.' });
  if (policy.requireDigit && !/\p{Nd}/u.test(password))
    problems.push({ rule: 'digit', message: 'Add a digit.' });
  if (policy.requireSymbol && !/[^\p{L}\p{N}]/u.test(password))
    problems.push({
      rule: 'symbol',
      message: 'Add a symbol (a character that is not a letter or digit).',
    });
  if (policy.forbidPersonalInfo && user && containsPersonalInfo(password, user))
    problems.push({ rule: 'personalInfo', message: 'Do not use your name or email address.' });
  return problems;
}

function containsPersonalInfo(password: string, user: PasswordOwner): boolean {
  const haystack = fold(password);
  const fragments = (user.name ?? '').split(/[^\p{L}\p{N}]+/u);
  const local = user.email?.trim().split('@')[0];
  if (local) fragments.push(local);
  return fragments
    .map(fold)
    .some((fragment) => fragment.length >= MIN_PERSONAL_FRAGMENT && haystack.includes(fragment));
}

/** Case- and accent-insensitive form: "José" and "JOSE" both become "jose". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
