import { isRosterError, type RosterErrorCode } from '../errors/index.js';

/**
 * A failed conformance expectation. The suite throws these instead of using an assertion
 * library so it runs under any test runner (node:test, mocha, vitest, jest).
 */
export class ConformanceAssertionError extends Error {
  readonly actual: unknown;
  readonly expected: unknown;
  constructor(message: string, actual?: unknown, expected?: unknown) {
    super(message);
    this.name = 'AssertionError';
    this.actual = actual;
    this.expected = expected;
  }
}

function show(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function isEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const keysB = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((k) =>
    isEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

/** The suite's tiny assertion helper (an explicit type so `ok` can narrow). */
export interface Assert {
  ok(value: unknown, message: string): asserts value;
  equal<T>(actual: T, expected: T, message: string): void;
  deepEqual(actual: unknown, expected: unknown, message: string): void;
  sameMembers<T>(actual: readonly T[], expected: readonly T[], message: string): void;
  includes<T>(list: readonly T[], item: T, message: string): void;
  notIncludes<T>(list: readonly T[], item: T, message: string): void;
  rosterError(error: unknown, code: RosterErrorCode, message: string): void;
  rejects(promise: Promise<unknown>, code: RosterErrorCode, message: string): Promise<unknown>;
}

/** The suite's tiny assertion helper. */
export const assert: Assert = {
  ok(value: unknown, message: string): asserts value {
    if (!value) throw new ConformanceAssertionError(message, value, true);
  },
  equal<T>(actual: T, expected: T, message: string): void {
    if (!Object.is(actual, expected))
      throw new ConformanceAssertionError(
        `${message}: expected ${show(expected)}, got ${show(actual)}`,
        actual,
        expected,
      );
  },
  deepEqual(actual: unknown, expected: unknown, message: string): void {
    if (!isEqual(actual, expected))
      throw new ConformanceAssertionError(
        `${message}: expected ${show(expected)}, got ${show(actual)}`,
        actual,
        expected,
      );
  },
  /** Same members, any order. */
  sameMembers<T>(actual: readonly T[], expected: readonly T[], message: string): void {
    const sort = (list: readonly T[]): string[] => list.map(show).sort();
    if (!isEqual(sort(actual), sort(expected)))
      throw new ConformanceAssertionError(
        `${message}: expected members ${show(expected)}, got ${show(actual)}`,
        actual,
        expected,
      );
  },
  includes<T>(list: readonly T[], item: T, message: string): void {
    if (!list.some((entry) => isEqual(entry, item)))
      throw new ConformanceAssertionError(`${message}: ${show(item)} not in ${show(list)}`);
  },
  notIncludes<T>(list: readonly T[], item: T, message: string): void {
    if (list.some((entry) => isEqual(entry, item)))
      throw new ConformanceAssertionError(
        `${message}: ${show(item)} unexpectedly in ${show(list)}`,
      );
  },
  /** `error` is a RosterError with `code` (checked with the cross-realm guard). */
  rosterError(error: unknown, code: RosterErrorCode, message: string): void {
    if (!isRosterError(error))
      throw new ConformanceAssertionError(
        `${message}: expected a RosterError with code "${code}", got ${describeError(error)}`,
      );
    if (error.code !== code)
      throw new ConformanceAssertionError(
        `${message}: expected code "${code}", got "${error.code}" (${error.message})`,
        error.code,
        code,
      );
  },
  /** Awaits `promise` and checks it rejected with a RosterError of `code`; returns the error. */
  async rejects(
    promise: Promise<unknown>,
    code: RosterErrorCode,
    message: string,
  ): Promise<unknown> {
    let value: unknown;
    try {
      value = await promise;
    } catch (error) {
      assert.rosterError(error, code, message);
      return error;
    }
    throw new ConformanceAssertionError(
      `${message}: expected a rejection with code "${code}", but it resolved to ${show(value)}`,
    );
  },
};

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return show(error);
}
