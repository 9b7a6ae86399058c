import { html, type TemplateResult } from 'lit';

/**
 * User-supplied text as a person should see it: bound as text (never markup), isolated
 * from the surrounding direction (`dir="auto"`, so an Arabic name or a stray bidi mark
 * cannot reorder the row), and clamped to one line with an ellipsis; the full value is in
 * `title` (hover), opens in place while its cell, button or item has keyboard focus, and
 * stays the accessible text (screen readers read it whole).
 *
 * Style with the `.clamp` class from the foundation styles; `--roster-clamp-width`
 * sets the widest a value may grow.
 *
 * @example
 * ```ts
 * html`<td>${userText(user.name)}</td>`
 * ```
 */
export function userText(value: string | null | undefined, fallback = '—'): TemplateResult {
  if (value === null || value === undefined || value === '')
    return html`<span class="muted">${fallback}</span>`;
  return html`<span class="clamp" dir="auto" title=${value}>${value}</span>`;
}

/** Schemes an element may link to. Anything else (javascript:, data:, …) is not a link. */
const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/**
 * `url` when it is an absolute http(s) or mailto URL, else `undefined`: the only URLs an
 * element puts into `href`.
 */
export function safeUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return SAFE_SCHEMES.has(new URL(url).protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}
