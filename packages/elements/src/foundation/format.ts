/**
 * Locale-aware formatting shared by the elements. `locale` is the element's tag in force
 * (`undefined`: the browser's default).
 */

/** A date and time for people ("1 Dec 2026, 09:14"). */
export function formatDateTime(iso: string, locale: string | undefined): string {
  return new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A count with the locale's digit grouping ("12,408"). */
export function formatCount(count: number, locale: string | undefined): string {
  return count.toLocaleString(locale);
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
