import { css } from 'lit';

/**
 * Design tokens shared by every element. Each `--roster-*` property can be set by the
 * host page; defaults follow the page's `color-scheme` (light, dark, or both) through
 * `light-dark()`, and the `theme="light|dark"` attribute forces one (and paints the
 * element's background, so a forced theme stays readable on any page).
 */
export const tokens = css`
  :host {
    --_font: var(--roster-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_text: var(--roster-color-text, light-dark(#1b1f24, #e6e8eb));
    --_muted: var(--roster-color-muted, light-dark(#5b6470, #a1a9b3));
    --_surface: var(--roster-color-surface, light-dark(#ffffff, #16191d));
    --_surface-alt: var(--roster-color-surface-alt, light-dark(#f5f7f9, #1f2328));
    --_border: var(--roster-color-border, light-dark(#d5dae0, #363c44));
    --_accent: var(--roster-color-accent, light-dark(#0b5cad, #6cb0ff));
    --_accent-text: var(--roster-color-accent-text, light-dark(#ffffff, #0b1522));
    --_danger: var(--roster-color-danger, light-dark(#b3261e, #ff8a80));
    --_focus: var(--roster-focus-ring, 2px solid var(--_accent));
    --_radius: var(--roster-radius, 6px);
    --_space: var(--roster-space, 8px);
    display: block;
    font-family: var(--_font);
    color: var(--_text);
    /* The element owns its colours, so it paints its own background too: text stays
       readable when theme="dark" sits on a light page. */
    background: var(--roster-color-background, transparent);
  }
  :host([theme]) {
    background: var(--roster-color-background, var(--_surface));
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([hidden]) {
    display: none;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  button {
    font: inherit;
    color: inherit;
  }
  :focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
`;
