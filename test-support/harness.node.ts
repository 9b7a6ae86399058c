/**
 * Test harness for Node: the `describe`/`it` family from Node's own test runner.
 * Tests import from `@roster/test-support/harness` so the same file runs in Node
 * (node:test) and in Chromium (mocha, via @web/test-runner).
 */
export { describe, it, before, after, beforeEach, afterEach } from 'node:test';
