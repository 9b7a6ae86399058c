import { css } from 'lit';

export const adminStyles = css`
  :host {
    container-type: inline-size;
  }
  .shell {
    display: grid;
    gap: calc(var(--_space) * 2);
    grid-template-columns: minmax(0, 1fr);
  }
  nav ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  /* A phone: the navigation is one button naming the section; it opens the list. */
  .menu {
    inline-size: 100%;
    text-align: start;
  }
  .shell:not(.open) nav ul {
    display: none;
  }
  .shell.open nav ul {
    margin-block-start: 4px;
  }
  /* Wide: the list beside the content, always open. */
  @container (min-width: 56rem) {
    .shell {
      grid-template-columns: 12rem minmax(0, 1fr);
      align-items: start;
    }
    .menu {
      display: none;
    }
    .shell:not(.open) nav ul,
    .shell.open nav ul {
      display: flex;
      margin: 0;
    }
  }
  nav a {
    display: block;
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-radius: var(--_radius);
    color: var(--_text);
    text-decoration: none;
  }
  nav a[aria-current='page'] {
    background: var(--_surface-alt);
    color: var(--_accent);
    font-weight: 600;
  }
  nav a:focus-visible {
    outline: var(--_focus);
  }
  .content {
    min-inline-size: 0;
  }
  [hidden] {
    display: none !important;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    justify-content: space-between;
    align-items: center;
    margin-block-end: var(--_space);
  }
  h2 {
    margin: 0;
    font-size: 1.2em;
  }
  a.button {
    text-decoration: none;
    display: inline-block;
  }
  .scope,
  .note {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    justify-content: space-between;
    margin: 0 0 var(--_space);
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .user-page {
    display: grid;
    /* minmax(0, …): a long email may not widen the page past a phone's screen. */
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_space) * 2);
  }
`;
