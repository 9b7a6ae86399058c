/**
 * docs/openapi.yaml is a valid OpenAPI 3.1 document, as a real validator judges it:
 * Redocly CLI's `lint` with its recommended rules (structure against the OpenAPI schema,
 * plus the rules a client generator trips over), no errors and no warnings. Node only:
 * runs the CLI. It works offline: telemetry and update notices are turned off, and the
 * built-in configuration needs nothing from the network.
 */
import { describe, it } from '@roster/test-support/harness';
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const cli = require.resolve('@redocly/cli/bin/cli.js', { paths: [root] });

interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { pointer?: string }[];
}

function lint(file: string): Promise<{ code: number; problems: LintProblem[]; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli, 'lint', file, '--format=json'],
      {
        cwd: root,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_NOTIFICATIONS: 'true' },
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const start = stdout.indexOf('{');
        const report =
          start >= 0 ? (JSON.parse(stdout.slice(start)) as { problems: LintProblem[] }) : null;
        resolve({
          code: error ? Number(error.code ?? 1) : 0,
          problems: report?.problems ?? [],
          stderr: report ? stderr : `${stderr}\n${stdout}`,
        });
      },
    );
  });
}

describe('REST contract: docs/openapi.yaml', () => {
  it('passes `redocly lint` (recommended rules) with no errors and no warnings', async () => {
    const result = await lint('docs/openapi.yaml');
    const shown = result.problems.map(
      (p) => `${p.severity} ${p.ruleId} at ${p.location[0]?.pointer ?? '?'}: ${p.message}`,
    );
    expect(shown).to.deep.equal([]);
    expect(result.code, result.stderr).to.equal(0);
  });
});
