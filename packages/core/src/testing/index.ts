/**
 * `@roster/core/testing`: the conformance suite every Roster backend runs, and the test
 * doubles it is driven by (a controllable clock and a recording, bouncing mailer).
 *
 * An adapter's conformance test is a few lines:
 *
 * @example
 * ```ts
 * import { describe, it, beforeEach, afterEach } from '@roster/test-support/harness';
 * import { runBackendConformance } from '@roster/core/testing';
 * import { memoryBackend } from '@roster/adapters/memory';
 *
 * runBackendConformance({
 *   name: 'memory',
 *   harness: { describe, it, beforeEach, afterEach },
 *   create: async ({ now, mailer }) => ({ backend: memoryBackend({ now, mailer }) }),
 * });
 * ```
 * @packageDocumentation
 */
export { runBackendConformance, missingCapabilities, CONFORMANCE_ACTOR } from './run.js';
export { testClock, TEST_CLOCK_START, type TestClock } from './clock.js';
export { testMailer, DEFAULT_BOUNCE_REASON, type TestMailer } from './mailer.js';
export { storePeek, allPages, type Peek } from './peek.js';
export { assert, ConformanceAssertionError } from './assert.js';
export { CONFORMANCE_GROUPS } from './cases/index.js';
export type {
  ConformanceHarness,
  ConformanceContext,
  ConformanceSubject,
  ConformanceOptions,
  ConformanceCase,
  ConformanceGroup,
  CaseContext,
  Capability,
} from './types.js';
export {
  spyBackend,
  type SpyBackend,
  type SpyBackendOptions,
  type BackendCall,
  type BackendMethod,
} from './spy.js';
/** A valid `NewUser` with a fresh id and a unique email, for tests at the Backend level. */
export { newUser } from './fixture.js';
