/**
 * A @web/test-runner reporter that counts individual tests (not files) and, when
 * ROSTER_WTR_RESULTS names a file, writes the counts there as JSON for scripts/test.mjs.
 *
 * A test file whose session failed without a failing test (it did not load, threw outside a
 * test, timed out, or 404'd an import) counts as one failed test, so it can't pass silently.
 */
import { writeFileSync } from 'node:fs';

function walk(suite, counts, path = []) {
  if (!suite) return;
  for (const test of suite.tests ?? []) {
    if (test.skipped) counts.skipped++;
    else if (test.passed) counts.passed++;
    else {
      counts.failed++;
      counts.failures.push([...path, test.name].join(' › '));
    }
  }
  for (const child of suite.suites ?? []) walk(child, counts, [...path, child.name]);
}

export function countReporter({ out = process.env.ROSTER_WTR_RESULTS } = {}) {
  return {
    stop({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0, files: 0, failures: [] };
      const files = new Set();
      for (const session of sessions) {
        files.add(session.testFile);
        const before = counts.failed;
        walk(session.testResults, counts, [session.testFile.replace(process.cwd() + '/', '')]);
        const sessionBroken =
          session.passed === false ||
          (session.errors?.length ?? 0) > 0 ||
          session.status !== 'FINISHED';
        if (sessionBroken && counts.failed === before) {
          counts.failed++;
          const why =
            session.errors?.[0]?.message ?? `session ${String(session.status).toLowerCase()}`;
          counts.failures.push(`${session.testFile.replace(process.cwd() + '/', '')}: ${why}`);
        }
      }
      counts.files = files.size;
      const line = `browser: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${counts.files} files)`;
      console.log(`\n${line}`);
      if (out) writeFileSync(out, JSON.stringify(counts, null, 2));
    },
  };
}
