import { css } from 'lit';

export const outboxStyles = css`
  :host {
    container-type: inline-size;
  }
  .filter {
    margin-block: var(--_space);
    max-inline-size: 20rem;
  }
  .layout {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    grid-template-columns: minmax(0, 1fr);
  }
  @container (min-width: 60rem) {
    .layout {
      grid-template-columns: minmax(0, 3fr) minmax(18rem, 2fr);
      align-items: start;
    }
  }
  tr[aria-current='true'] {
    background: var(--_surface-alt);
  }
  td.subject button {
    all: unset;
    cursor: pointer;
    color: var(--_accent);
    text-decoration: underline;
  }
  td.subject button:focus-visible {
    outline: var(--_focus);
  }
  .reader h3:focus {
    outline: none;
  }
  .reader h3:focus-visible {
    outline: var(--_focus);
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 2px var(--_space);
    margin: 0 0 var(--_space);
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
    min-inline-size: 0;
  }
  pre.body {
    font: inherit;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    background: var(--_surface-alt);
    border-radius: var(--_radius);
    padding: var(--_space);
    max-block-size: 24rem;
    overflow: auto;
  }
  h4 {
    margin: var(--_space) 0 4px;
    font-size: 0.95em;
  }
`;
