import { html, type TemplateResult } from 'lit';
import { formatDateTime, formatRelative } from '../foundation/format.js';

/**
 * A moment as people scan it ("3 hours ago") with the exact time one step away: in
 * `title` for hover, in `datetime` for machines, and in visually hidden text so a
 * screen reader reads both ("3 hours ago, 1 Dec 2026, 09:14").
 *
 * @example
 * ```ts
 * html`<dd>${relativeTime(device.lastSeenAt, new Date(), this.localeTag)}</dd>`
 * ```
 */
export function relativeTime(iso: string, now: Date, locale: string | undefined): TemplateResult {
  const exact = formatDateTime(iso, locale);
  return html`<time datetime=${iso} title=${exact}
    >${formatRelative(iso, now, locale)}<span class="visually-hidden">, ${exact}</span></time
  >`;
}
