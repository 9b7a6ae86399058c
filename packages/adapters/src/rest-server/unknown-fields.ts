import { z } from 'zod';

type Path = PropertyKey[];

/** One zod issue about a request body. */
export type BodyIssue = z.core.$ZodIssue;

/**
 * The fields of a body that its schema does not know, one issue per field with its full
 * path (`users.3.nickname`), from a strict schema's `unrecognized_keys` issues (which
 * name the object, not the field). `prefix` places a part of the body checked on its own
 * (one bulk item) inside the whole.
 */
export function unknownFieldIssues(error: z.ZodError, prefix: Path = []): BodyIssue[] {
  const found: BodyIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    for (const key of issue.keys) {
      found.push({
        code: 'unrecognized_keys',
        keys: [key],
        path: [...prefix, ...issue.path, key],
        message: `unknown field "${key}"`,
        input: undefined,
      });
    }
  }
  return found;
}

/**
 * `error` with every unknown-field issue replaced by one per field (see
 * {@link unknownFieldIssues}), so a 400 names each stray field by its path.
 */
export function withFieldPaths(error: z.ZodError): z.ZodError {
  if (!error.issues.some((issue) => issue.code === 'unrecognized_keys')) return error;
  const others = error.issues.filter((issue) => issue.code !== 'unrecognized_keys');
  return new z.ZodError([...unknownFieldIssues(error), ...others]);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Fields of `input` that parsing dropped: a key of an input object that its output
 * object lacks (zod objects strip keys they do not know, at any depth). Together with
 * strict schemas at the top, this makes every body strict all the way down (a
 * `resources.0.colour` or `passwordPolicy.minLenght` is named, not ignored) without a
 * second, strict copy of each core schema.
 */
export function strayFields(input: unknown, output: unknown, prefix: Path = []): BodyIssue[] {
  const found: BodyIssue[] = [];
  const walk = (sent: unknown, kept: unknown, path: Path): void => {
    if (Array.isArray(sent) && Array.isArray(kept)) {
      sent.forEach((item, index) => walk(item, kept[index], [...path, index]));
    } else if (isPlainObject(sent) && isPlainObject(kept)) {
      for (const [key, value] of Object.entries(sent)) {
        if (!(key in kept)) {
          found.push({
            code: 'unrecognized_keys',
            keys: [key],
            path: [...path, key],
            message: `unknown field "${key}"`,
            input: undefined,
          });
        } else walk(value, kept[key], [...path, key]);
      }
    }
  };
  walk(input, output, prefix);
  return found;
}
