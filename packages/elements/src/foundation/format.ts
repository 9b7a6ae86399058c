/**
 * Locale-aware formatting shared by the elements. `locale` is the element's tag in force
 * (`undefined`: the browser's default).
 */

/**
 * One formatter per locale and kind, made once: `toLocaleString` with options builds a
 * new `Intl` formatter on every call (about a millisecond in Chromium), which a grid
 * re-rendering a window of dates on every scroll frame cannot afford.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function formatter<F extends Intl.DateTimeFormat | Intl.NumberFormat>(
  kind: string,
  locale: string | undefined,
  make: () => F,
): F {
  const key = `${kind}|${locale ?? ''}`;
  let found = formatters.get(key) as F | undefined;
  if (!found) {
    found = make();
    formatters.set(key, found);
  }
  return found;
}

/** A date and time for people ("1 Dec 2026, 09:14"). */
export function formatDateTime(iso: string, locale: string | undefined): string {
  return formatter(
    'date-time',
    locale,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(new Date(iso));
}

/** A count with the locale's digit grouping ("12,408"). */
export function formatCount(count: number, locale: string | undefined): string {
  return formatter('count', locale, () => new Intl.NumberFormat(locale)).format(count);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** A time relative to `now` ("3 days ago", "in 2 hours"); the exact time belongs in a `title`. */
export function formatRelative(iso: string, now: Date, locale: string | undefined): string {
  const seconds = Math.round((new Date(iso).getTime() - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'second')
      return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, 'second');
}

/** `a, b and c`, with the language's word for "and" (English and German texts share it). */
export const list = (items: string[], and: string): string =>
  items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
