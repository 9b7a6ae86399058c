/**
 * @web/test-runner plugin: serves the shared import corpus (../shared/corpus beside the
 * repository, outside the dev server's root) at /__corpus/<file>, so the corpus test runs
 * in Chromium on the same files as in Node. Served as base64 text: the dev server turns
 * any body that does not look binary into a UTF-8 string, which would "fix" the
 * Windows-1252 file before the test sees it.
 */
import { readFile } from 'node:fs/promises';
import process from 'node:process';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// ROSTER_CORPUS_DIR: the corpus elsewhere (a git worktree sits at another depth).
const CORPUS =
  process.env.ROSTER_CORPUS_DIR ??
  resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/corpus');
export const CORPUS_PATH = '/__corpus/';

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function importCorpus() {
  return {
    name: 'roster-import-corpus',
    async serve(context) {
      if (!context.path.startsWith(CORPUS_PATH)) return undefined;
      // basename: only files of the corpus folder, never a path out of it.
      const bytes = await readFile(resolve(CORPUS, basename(context.path)));
      return { body: bytes.toString('base64'), type: 'text/plain' };
    },
  };
}
