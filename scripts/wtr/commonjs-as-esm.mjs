/**
 * @web/test-runner plugin: serves a CommonJS package (PapaParse: one UMD file, no ES
 * module build) to the browser as an ES module with a default export, as bundlers (Vite,
 * Rollup with its CommonJS plugin, webpack) do for an application. esbuild wraps the file;
 * `require`s of Node built-ins stay external (PapaParse calls require('stream') only for
 * Node stream input).
 */
import { build } from 'esbuild';

/**
 * @param {{ packages: string[] }} options package names to serve as ES modules
 * @returns {import('@web/test-runner').TestRunnerPlugin}
 */
export function commonjsAsEsm({ packages }) {
  const cache = new Map();
  const matches = (path) => packages.some((name) => path.includes(`/node_modules/${name}/`));
  return {
    name: 'roster-commonjs-as-esm',
    async transform(context) {
      if (!matches(context.path) || !context.path.endsWith('.js')) return undefined;
      const file = new URL(`.${context.path}`, `file://${process.cwd()}/`).pathname;
      let body = cache.get(file);
      if (body === undefined) {
        const result = await build({
          entryPoints: [file],
          bundle: true,
          format: 'esm',
          platform: 'browser',
          external: ['stream'],
          write: false,
          logLevel: 'silent',
        });
        body = result.outputFiles[0].text;
        cache.set(file, body);
      }
      return { body, transformCache: false };
    },
  };
}
