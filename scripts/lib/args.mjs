/**
 * `--name value`, `--name=value` or a bare `--name` (true) from the command line.
 * @param {string} name
 * @param {string | number | boolean} fallback
 * @returns {string | number | boolean}
 */
export function option(name, fallback) {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i === -1) return fallback;
  const arg = args[i];
  if (arg.includes('=')) return arg.slice(arg.indexOf('=') + 1);
  const next = args[i + 1];
  return next === undefined || next.startsWith('--') ? true : next;
}
