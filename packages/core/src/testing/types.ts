import type { Backend, BackendCapabilities } from '../backend.js';
import type { Actor } from '../model/index.js';
import type { TestClock } from './clock.js';
import type { TestMailer } from './mailer.js';
import type { Peek } from './peek.js';

type Body = () => unknown;

/**
 * The test-runner functions the suite registers its cases with. `describe`/`it` and the
 * hooks of node:test, mocha, vitest and jest all fit; pass them in as they are.
 *
 * Cases a backend cannot run (see `capabilities`) are skipped at run time through the
 * runner's own skip (node:test and vitest: the test context's `skip()`; mocha:
 * `this.skip()`), so they are reported as skipped; under a runner without one they pass
 * without running. Their titles always end with `[needs <capability>]`.
 */
export interface ConformanceHarness {
  describe(name: string, fn: () => void): void;
  it(name: string, fn: Body): void;
  beforeEach(fn: Body): void;
  afterEach(fn: Body): void;
}

/** What the suite hands `create` for every test: the clock and mailer the backend must use. */
export interface ConformanceContext {
  /** The test clock (a `Clock`): pass it as the backend's `now`. The suite advances it. */
  now: TestClock;
  /** The recording test mailer: pass it as the backend's `mailer`. */
  mailer: TestMailer;
}

/** A fresh backend under test, with optional ways to look behind it. */
export interface ConformanceSubject {
  backend: Backend;
  /** An independent read path (see {@link Peek}); when given, results are checked through it too. */
  peek?: Peek;
  /**
   * For persistent backends: opens a NEW backend over the same data, with the same clock
   * and mailer. The suite closes the current backend first and continues with the new one.
   */
  reopen?: () => Promise<Backend>;
  /** Called after each test, after the suite closed the backend(s): delete databases etc. */
  cleanup?: () => Promise<void>;
}

/** Options of {@link runBackendConformance}. */
export interface ConformanceOptions {
  /** The backend's name, shown in the test titles. */
  name: string;
  harness: ConformanceHarness;
  /** Builds a fresh, empty backend for one test. */
  create(context: ConformanceContext): Promise<ConformanceSubject>;
  /** Only register cases whose full title matches (for debugging one case). */
  grep?: string | RegExp;
}

/** The world one conformance case runs in. */
export interface CaseContext {
  /** The backend under test (replaced by the reopened one after {@link CaseContext.reopen}). */
  backend: Backend;
  peek: Peek | undefined;
  clock: TestClock;
  mailer: TestMailer;
  /** The admin every call is made as (not a stored user). */
  actor: Actor;
  /** Closes the backend and continues with a reopened one; only for persistent backends. */
  reopen: (() => Promise<Backend>) | undefined;
}

/** A capability a case needs; the case is skipped when the backend lacks it. */
export type Capability = keyof BackendCapabilities | 'reopen' | 'peek';

/** One conformance case. */
export interface ConformanceCase {
  name: string;
  needs?: Capability[];
  run(t: CaseContext): Promise<void>;
}

/** A titled group of cases (one `describe`). */
export interface ConformanceGroup {
  name: string;
  cases: ConformanceCase[];
}
