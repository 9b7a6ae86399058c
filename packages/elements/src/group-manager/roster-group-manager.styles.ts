import { css } from 'lit';

export const groupManagerStyles = css`
  .layout {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    grid-template-columns: minmax(0, 1fr);
  }
  @container (min-width: 48rem) {
    .layout {
      grid-template-columns: minmax(16rem, 1fr) minmax(0, 2fr);
    }
  }
  :host {
    container-type: inline-size;
  }
  .create {
    margin-block-end: var(--_space);
  }
  .groups {
    margin-block-start: var(--_space);
  }
  button.group {
    all: unset;
    box-sizing: border-box;
    cursor: pointer;
    display: flex;
    justify-content: space-between;
    gap: var(--_space);
    inline-size: 100%;
    padding: calc(var(--_space) * 0.5);
    border-radius: var(--_radius);
    border-inline-start: 3px solid transparent;
  }
  /* A long name gives way (clamped) to the member count, down to a 390 px phone. */
  button.group .clamp {
    min-inline-size: 0;
    max-inline-size: min(100%, var(--roster-clamp-width, 28ch));
  }
  button.group .muted {
    flex: none;
  }
  button.group[aria-current='true'] {
    background: var(--_surface-alt);
    border-inline-start-color: var(--_accent);
    font-weight: 600;
  }
  button.group:focus-visible {
    outline: var(--_focus);
  }
  .detail-head {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    justify-content: space-between;
    align-items: center;
  }
  section > section,
  .add-members {
    margin-block-start: calc(var(--_space) * 2);
  }
  h4 {
    margin: 0 0 var(--_space);
    font-size: 0.95em;
  }
  .details {
    display: grid;
    gap: var(--_space);
  }
  .badge {
    font-size: 0.8em;
    padding: 0 6px;
    border: 1px solid var(--_border);
    border-radius: 999px;
    color: var(--_muted);
  }
`;
