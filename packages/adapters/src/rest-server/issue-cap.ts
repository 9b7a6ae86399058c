import { z } from 'zod';

/** Most issues one answer names; the rest are counted. */
export const MAX_ISSUES = 50;

/**
 * `error` with at most {@link MAX_ISSUES} issues, the rest summed up in one last issue
 * ("… and 49,950 more problems"), so a body of many wrong values gets an answer of a
 * few KB that an admin can read, not one of hundreds of MB.
 */
export function capIssues(error: z.ZodError): z.ZodError {
  if (error.issues.length <= MAX_ISSUES) return error;
  const more = error.issues.length - MAX_ISSUES;
  return new z.ZodError([
    ...error.issues.slice(0, MAX_ISSUES),
    {
      code: 'custom',
      path: [],
      message: `and ${more.toLocaleString('en')} more problems`,
      input: undefined,
    },
  ]);
}
