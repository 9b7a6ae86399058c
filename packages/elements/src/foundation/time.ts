import { html, type TemplateResult } from 'lit';
import { formatDateTime, formatRelative } from './format.js';

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

/**
 * A moment as its date and time ("1 Dec 2026, 09:14"), with `datetime` for machines: for
 * lists people read by the exact time (an audit trail, a deletion date, a sent message).
 *
 * @example
 * ```ts
 * html`<td>${exactTime(event.at, this.localeTag)}</td>`
 * ```
 */
export function exactTime(iso: string, locale: string | undefined): TemplateResult {
  return html`<time datetime=${iso}>${formatDateTime(iso, locale)}</time>`;
}
