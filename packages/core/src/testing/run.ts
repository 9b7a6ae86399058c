import { testClock, type TestClock } from './clock.js';
import { testMailer, type TestMailer } from './mailer.js';
import { CONFORMANCE_GROUPS } from './cases/index.js';
import type { Backend } from '../backend.js';
import type {
  CaseContext,
  Capability,
  ConformanceCase,
  ConformanceOptions,
  ConformanceSubject,
} from './types.js';

/** The admin every conformance call is made as. It is deliberately not a stored user. */
export const CONFORMANCE_ACTOR = { id: 'conformance-admin', name: 'Conformance Admin' } as const;

/**
 * Registers the backend conformance suite: every rule of the Backend contract, one test
 * each, run against a fresh backend per test. Results are checked through the backend and
 * through `peek` when given; persistence through `reopen` when given; cases the backend's
 * `capabilities` rule out are registered as skipped (titles say which capability).
 *
 * @example
 * ```ts
 * import { describe, it, beforeEach, afterEach } from '@roster/test-support/harness';
 * import { runBackendConformance, storePeek } from '@roster/core/testing';
 * import { LocalBackend } from '@roster/core/backend-kit';
 * import { memoryStore } from '@roster/adapters/memory';
 *
 * runBackendConformance({
 *   name: 'memory',
 *   harness: { describe, it, beforeEach, afterEach },
 *   create: async ({ now, mailer }) => {
 *     const store = memoryStore();
 *     return { backend: new LocalBackend(store, { now, mailer }), peek: storePeek(store) };
 *   },
 * });
 * ```
 */
export function runBackendConformance(options: ConformanceOptions): void {
  const { harness } = options;
  let subject: ConformanceSubject | undefined;
  let context: CaseContext | undefined;
  let opened: Backend[] = [];
  harness.describe(`${options.name}: backend conformance`, () => {
    harness.beforeEach(async () => {
      const clock: TestClock = testClock();
      const mailer: TestMailer = testMailer();
      subject = await options.create({ now: clock, mailer });
      opened = [subject.backend];
      const reopenSubject = subject.reopen;
      const ctx: CaseContext = {
        backend: subject.backend,
        peek: subject.peek,
        clock,
        mailer,
        actor: { ...CONFORMANCE_ACTOR },
        reopen: reopenSubject
          ? async () => {
              await ctx.backend.close();
              const next = await reopenSubject();
              opened.push(next);
              ctx.backend = next;
              return next;
            }
          : undefined,
      };
      context = ctx;
    });
    harness.afterEach(async () => {
      const toClose = opened;
      opened = [];
      for (const backend of toClose) await backend.close().catch(() => undefined);
      await subject?.cleanup?.();
      subject = undefined;
      context = undefined;
    });
    for (const group of CONFORMANCE_GROUPS) {
      harness.describe(group.name, () => {
        for (const item of group.cases) {
          if (!matches(options.grep, `${options.name} ${group.name} ${item.name}`)) continue;
          register(options, item, () => {
            if (!context) throw new Error('conformance: no backend (did beforeEach run?)');
            return context;
          });
        }
      });
    }
  });
}

function matches(grep: string | RegExp | undefined, title: string): boolean {
  if (grep === undefined) return true;
  return typeof grep === 'string' ? title.includes(grep) : grep.test(title);
}

function register(
  options: ConformanceOptions,
  item: ConformanceCase,
  current: () => CaseContext,
): void {
  const title = item.needs?.length ? `${item.name} [needs ${item.needs.join(', ')}]` : item.name;
  // A `function` (not an arrow) so mocha can pass its context as `this`; rest parameters
  // keep `length` at 0 so neither runner mistakes the case for a done-callback test.
  options.harness.it(title, async function (this: unknown, ...args: unknown[]) {
    const t = current();
    const missing = missingCapabilities(t, item.needs ?? []);
    if (missing.length > 0) {
      skipAtRunTime(this, args[0], `${options.name} lacks ${missing.join(', ')}`);
      return;
    }
    await item.run(t);
  });
}

interface Skippable {
  skip(reason?: string): void;
}

function canSkip(value: unknown): value is Skippable {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { skip?: unknown }).skip === 'function'
  );
}

/**
 * Marks the running test skipped with whatever the runner offers: node:test and vitest
 * hand the test a context with `skip()`; mocha binds one to `this` (its `skip()` throws
 * to stop the test, which is how mocha skips).
 */
function skipAtRunTime(self: unknown, firstArg: unknown, reason: string): void {
  if (canSkip(firstArg)) firstArg.skip(reason);
  else if (canSkip(self)) self.skip(reason);
}

/** Capabilities in `needs` that the current backend lacks. */
export function missingCapabilities(t: CaseContext, needs: Capability[]): Capability[] {
  return needs.filter((need) => {
    if (need === 'reopen') return t.reopen === undefined;
    if (need === 'peek') return t.peek === undefined;
    return !t.backend.capabilities[need];
  });
}
