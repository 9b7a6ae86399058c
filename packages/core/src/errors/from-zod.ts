import * as z from 'zod/mini';
import {
  toIssueCode,
  ValidationError,
  type RosterIssue,
  type RosterIssueCode,
} from './roster-error.js';

/** zod's code, or for a Roster check (`custom`) the reason it gives in `params.reason`. */
function issueCode(issue: z.core.$ZodIssue): RosterIssueCode {
  const reason = issue.code === 'custom' ? issue.params?.reason : undefined;
  return toIssueCode(typeof reason === 'string' ? reason : issue.code);
}

/**
 * Turns zod's issues (a `ZodError` of `zod` or `zod/mini`, or issues gathered by hand)
 * into a {@link ValidationError} whose issues name each field.
 */
export function validationErrorFromZod(
  error: { readonly issues: readonly z.core.$ZodIssue[] },
  what: string,
): ValidationError {
  const issues: RosterIssue[] = error.issues.map((issue) => ({
    path: issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment)),
    message: issue.message,
    code: issueCode(issue),
  }));
  const summary = issues
    .map((issue) =>
      issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ');
  return new ValidationError(`Invalid ${what}: ${summary}`, issues);
}

/**
 * Parses `value` with `schema` (of `zod` or `zod/mini`), throwing a {@link ValidationError}
 * naming `what` on failure.
 */
export function parseOrThrow<S extends z.core.$ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const result = z.safeParse(schema, value);
  if (!result.success) throw validationErrorFromZod(result.error, what);
  return result.data;
}
