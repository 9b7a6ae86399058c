/**
 * web-test-runner middleware: a request for `…/x.js` that does not exist on disk is served
 * from `…/x.ts` when that exists. TypeScript sources import and reference each other with
 * `.js` specifiers (`new Worker(new URL('./worker.js', import.meta.url))`); esbuild's plugin
 * maps imports itself, and this covers URLs it never sees (workers, fetch, <script src>).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export function tsSourceForJs({ rootDir = process.cwd() } = {}) {
  const root = resolve(rootDir);
  return async (ctx, next) => {
    if (ctx.path.endsWith('.js') && !ctx.path.includes('/node_modules/')) {
      const file = join(root, decodeURIComponent(ctx.path));
      if (file.startsWith(root) && !existsSync(file) && existsSync(`${file.slice(0, -3)}.ts`)) {
        ctx.url = ctx.url.replace(/\.js(?=$|\?)/, '.ts');
      }
    }
    return next();
  };
}
