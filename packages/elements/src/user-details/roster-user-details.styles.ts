import { css } from 'lit';

export const userDetailsStyles = css`
  :host {
    container-type: inline-size;
  }
  .header {
    display: grid;
    /* minmax(0, …) and the clamps below: a long name or email fits a 390 px phone. */
    grid-template-columns: minmax(0, 1fr);
    gap: 4px;
    margin-block-end: calc(var(--_space) * 2);
  }
  h2 {
    font-size: 1.4em;
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
  }
  h2 .clamp,
  dl.facts .clamp {
    max-inline-size: min(100%, var(--roster-clamp-width, 28ch));
  }
  h2:focus-visible {
    outline: var(--_focus);
  }
  h3 {
    font-size: 1.05em;
    margin: 0 0 var(--_space);
  }
  /* The badge sits in the name's heading: sized to it. */
  h2 .status {
    font-size: 0.6em;
    font-weight: 500;
  }
  .status-note {
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    margin-block: var(--_space);
  }
  section {
    border-block-start: 1px solid var(--_border);
    padding-block: calc(var(--_space) * 1.5);
  }
  dl.facts {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: 4px calc(var(--_space) * 2);
    margin: 0 0 var(--_space);
  }
  dl.facts dt {
    color: var(--_muted);
  }
  dl.facts dd {
    margin: 0;
    min-inline-size: 0;
  }
  .notes {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  ul.plain,
  ol.plain {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 4px;
  }
  ol.activity li {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space);
  }
  .what {
    font-weight: 600;
  }
  .when {
    color: var(--_muted);
  }
  .message {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    padding: var(--_space);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    margin: var(--_space) 0;
  }
  .hint {
    margin: 0 0 var(--_space);
    color: var(--_muted);
    font-size: 0.9em;
  }
  .outcome {
    margin: 0;
    min-block-size: 1.5em;
  }
  .outcome.failed {
    color: var(--_danger);
  }
`;
