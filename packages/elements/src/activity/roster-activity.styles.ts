import { css } from 'lit';

export const activityStyles = css`
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 1.5);
    align-items: start;
    margin-block-end: var(--_space);
  }
  .hint {
    font-size: 0.85em;
    max-inline-size: 18rem;
  }
  .chip {
    display: inline-flex;
    gap: var(--_space);
    align-items: center;
  }
  .candidates {
    margin-block-start: 4px;
  }
  button.link {
    all: unset;
    cursor: pointer;
    color: var(--_accent);
    text-decoration: underline;
  }
  button.link:focus-visible {
    outline: var(--_focus);
  }
  td,
  th {
    white-space: nowrap;
  }
`;
