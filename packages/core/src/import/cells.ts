import * as z from 'zod/mini';

// The import engine reads a groups cell as the public `splitGroups` does.
export { splitGroups } from './split-groups.js';

/**
 * The address pattern `Email` in the model validates with (zod's), precompiled for hot loops.
 * Read from an email schema's `def` (where zod's email format puts its default pattern), not
 * from zod's `regexes` namespace: a bundler cannot tree-shake that namespace, so reading one
 * pattern from it would ship every pattern zod has (2.3 kB gzipped on a page's first load).
 */
export const EMAIL_PATTERN: RegExp = /* @__PURE__ */ emailPattern();

function emailPattern(): RegExp {
  const pattern = z.email().def.pattern;
  if (!pattern) throw new Error('zod email schema without a pattern');
  return pattern;
}

/** Looks like a phone number as typed in a sheet: digits with spaces, dashes, dots, brackets. */
export const PHONE_LIKE = /^\+?[\d\s().\-/]{7,}$/;

/** ISO dates (`2024-01-02…`) and day/month/year dates (`2/1/2024`, `02.01.24`). */
export function looksLikeDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}/.test(value) || /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(value);
}

const ESCAPED = /^'+[=+\-@\t\r\n]/;

/**
 * Removes the `'` our exporter puts before a cell starting with `=`, `+`, `-`, `@`, tab,
 * CR or LF (see `escapeFormula`). Exactly one quote is removed, so `''=x` gives `'=x`.
 */
export function unescapeFormula(value: string): string {
  return ESCAPED.test(value) ? value.slice(1) : value;
}
