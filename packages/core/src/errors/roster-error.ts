/**
 * Stable error codes. Every failure other than "not found" (which is `null`) is a
 * {@link RosterError} with one of these codes; UIs and callers switch on the code.
 */
export const ROSTER_ERROR_CODES = [
  'validation',
  'conflict',
  'not_found',
  'forbidden',
  'rule',
  'unsupported',
  'unavailable',
  'aborted',
] as const;
/** One of {@link ROSTER_ERROR_CODES}. */
export type RosterErrorCode = (typeof ROSTER_ERROR_CODES)[number];

/**
 * Machine-readable reasons of a {@link RosterIssue}: zod's issue codes (the schemas'
 * checks) and Roster's own rules. UIs switch on them; the message says it in words.
 */
export const ROSTER_ISSUE_CODES = [
  // zod's issue codes
  'invalid_type',
  'too_big',
  'too_small',
  'invalid_format',
  'not_multiple_of',
  'unrecognized_keys',
  'invalid_union',
  'invalid_key',
  'invalid_element',
  'invalid_value',
  'custom',
  // Roster's rules
  'required',
  'duplicate',
  'conflict',
  'not_found',
  'too_long',
  'invalid',
  'invalid_cursor',
  'reused',
  'unknown_group',
  'unknown_role',
  'control_character',
  'bidi_control',
  'invalid_json',
  // REST bodies refused before they are parsed
  'invalid_encoding',
  'too_deep',
] as const;
/** One of {@link ROSTER_ISSUE_CODES}. */
export type RosterIssueCode = (typeof ROSTER_ISSUE_CODES)[number];

const ISSUE_CODES: ReadonlySet<string> = new Set(ROSTER_ISSUE_CODES);

/**
 * A code read from outside (a zod issue, a server's answer) as a {@link RosterIssueCode}:
 * a code this version does not know reads as `invalid`.
 */
export function toIssueCode(code: string): RosterIssueCode {
  return ISSUE_CODES.has(code) ? (code as RosterIssueCode) : 'invalid';
}

/** One problem found in input: where (`path`) and what (`message`), zod-style. */
export interface RosterIssue {
  /** Path to the offending field, e.g. `['email']` or `['rows', 3, 'phone']`. */
  path: (string | number)[];
  /** Plain-language description, e.g. "email is not valid". */
  message: string;
  /** Machine-readable reason, e.g. `invalid_format`, `required`, `duplicate`. */
  code?: RosterIssueCode;
}

/** Marker used by {@link isRosterError}; a registered symbol so it works across realms. */
const BRAND = Symbol.for('@roster/error');

/** Options shared by every Roster error. */
export interface RosterErrorOptions {
  cause?: unknown;
  /** Extra facts (ids, versions) for logs and UIs; never secrets. */
  details?: Record<string, unknown>;
}

/**
 * Base class of every Roster failure. Carries a stable {@link RosterErrorCode}.
 *
 * @example
 * ```ts
 * try { await roster.users.delete([me.id]); }
 * catch (error) { if (isRosterError(error) && error.code === 'rule') alert(error.message); }
 * ```
 */
export class RosterError extends Error {
  readonly code: RosterErrorCode;
  readonly details: Record<string, unknown>;
  readonly [BRAND] = true;

  constructor(code: RosterErrorCode, message: string, options: RosterErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RosterError';
    this.code = code;
    this.details = options.details ?? {};
  }

  /** A plain, JSON-safe description (used by the REST handler and for logs). */
  toJSON(): { code: RosterErrorCode; message: string; details: Record<string, unknown> } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

/** Input failed validation. `issues` says what and where. */
export class ValidationError extends RosterError {
  readonly issues: RosterIssue[];
  constructor(message: string, issues: RosterIssue[], options: RosterErrorOptions = {}) {
    super('validation', message, options);
    this.name = 'ValidationError';
    this.issues = issues;
  }
  override toJSON(): ReturnType<RosterError['toJSON']> & { issues: RosterIssue[] } {
    return { ...super.toJSON(), issues: this.issues };
  }
}

/** A write carried a stale `version`, or a unique value (email, phone, external ID) is taken. */
export class ConflictError extends RosterError {
  constructor(message: string, options: RosterErrorOptions = {}) {
    super('conflict', message, options);
    this.name = 'ConflictError';
  }
}

/** The record an operation needs does not exist (reads return `null` instead). */
export class NotFoundError extends RosterError {
  constructor(message: string, options: RosterErrorOptions = {}) {
    super('not_found', message, options);
    this.name = 'NotFoundError';
  }
}

/** The actor may not do this (e.g. not authorised by the host). */
export class ForbiddenError extends RosterError {
  constructor(message: string, options: RosterErrorOptions = {}) {
    super('forbidden', message, options);
    this.name = 'ForbiddenError';
  }
}

/** A domain rule refused the operation; the message is the reason an admin reads. */
export class RuleError extends RosterError {
  constructor(message: string, options: RosterErrorOptions = {}) {
    super('rule', message, options);
    this.name = 'RuleError';
  }
}

/** The backend does not support this operation (see `capabilities`). */
export class UnsupportedError extends RosterError {
  constructor(message: string, options: RosterErrorOptions = {}) {
    super('unsupported', message, options);
    this.name = 'UnsupportedError';
  }
}

/** The backend cannot be reached or its storage failed; nothing was changed. */
export class UnavailableError extends RosterError {
  constructor(message: string, options: RosterErrorOptions = {}) {
    super('unavailable', message, options);
    this.name = 'UnavailableError';
  }
}

/** The caller aborted the operation through its `AbortSignal`. */
export class AbortedError extends RosterError {
  constructor(message = 'The operation was cancelled.', options: RosterErrorOptions = {}) {
    super('aborted', message, options);
    this.name = 'AbortedError';
  }
}

const CODES: ReadonlySet<string> = new Set<string>(ROSTER_ERROR_CODES);

/**
 * True for any Roster error, also one thrown in another realm (iframe, worker
 * message rehydrated with the brand) where `instanceof` fails.
 *
 * @example
 * ```ts
 * if (isRosterError(error, 'conflict')) reloadAndRetry();
 * ```
 */
export function isRosterError(value: unknown, code?: RosterErrorCode): value is RosterError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { [BRAND]?: unknown; code?: unknown };
  if (candidate[BRAND] !== true || typeof candidate.code !== 'string' || !CODES.has(candidate.code))
    return false;
  return code === undefined || candidate.code === code;
}

/**
 * The field an error names, for a UI to point at: `details.field` (a taken email, say)
 * or the first path segment of a validation error's first issue; `undefined` if none.
 *
 * @example
 * ```ts
 * fieldOfError(error); // 'email'
 * ```
 */
export function fieldOfError(error: RosterError): string | undefined {
  const field = error.details['field'];
  if (typeof field === 'string') return field;
  const first = error instanceof ValidationError ? error.issues[0]?.path[0] : undefined;
  return typeof first === 'string' ? first : undefined;
}

/** Rebuilds a typed error from its JSON form (REST problem details, worker messages). */
export function rosterErrorFromJSON(json: {
  code: string;
  message: string;
  details?: Record<string, unknown>;
  issues?: RosterIssue[];
}): RosterError {
  const options = { details: json.details ?? {} };
  switch (json.code) {
    case 'validation':
      return new ValidationError(json.message, json.issues ?? [], options);
    case 'conflict':
      return new ConflictError(json.message, options);
    case 'not_found':
      return new NotFoundError(json.message, options);
    case 'forbidden':
      return new ForbiddenError(json.message, options);
    case 'rule':
      return new RuleError(json.message, options);
    case 'unsupported':
      return new UnsupportedError(json.message, options);
    case 'aborted':
      return new AbortedError(json.message, options);
    default:
      return new UnavailableError(json.message, options);
  }
}
