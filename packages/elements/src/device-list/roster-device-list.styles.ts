import { css } from 'lit';

export const deviceListStyles = css`
  .summary {
    display: grid;
    gap: 2px;
    margin: 0 0 var(--_space);
  }
  .summary:focus-visible {
    outline: var(--_focus);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  li {
    display: grid;
    grid-template-columns: minmax(8rem, 1fr) auto auto;
    gap: var(--_space) calc(var(--_space) * 2);
    align-items: center;
    padding: var(--_space) calc(var(--_space) * 1.5);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .device-name {
    font-weight: 600;
  }
  dl {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
    margin: 0;
  }
  dt {
    font-size: 0.8em;
    color: var(--_muted);
  }
  dd {
    margin: 0;
  }
  .outcome {
    margin: var(--_space) 0 0;
  }
  @media (max-width: 40rem) {
    li {
      grid-template-columns: 1fr;
    }
  }
`;
