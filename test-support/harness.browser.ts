/**
 * Test harness for browsers: mocha's globals, installed by @web/test-runner.
 * Same names as `harness.node.ts`, so a test file runs unchanged in both runtimes.
 */
type Body = () => unknown;
type Named = (name: string, fn: Body) => void;
type Hook = (fn: Body) => void;

interface MochaGlobals {
  describe: Named;
  it: Named;
  before: Hook;
  after: Hook;
  beforeEach: Hook;
  afterEach: Hook;
}

const g = globalThis as unknown as MochaGlobals;

export const describe: Named = (name, fn) => g.describe(name, fn);
export const it: Named = (name, fn) => g.it(name, fn);
export const before: Hook = (fn) => g.before(fn);
export const after: Hook = (fn) => g.after(fn);
export const beforeEach: Hook = (fn) => g.beforeEach(fn);
export const afterEach: Hook = (fn) => g.afterEach(fn);
