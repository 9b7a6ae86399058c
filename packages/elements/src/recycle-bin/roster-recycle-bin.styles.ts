import { css } from 'lit';

export const recycleBinStyles = css`
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    margin-block-end: var(--_space);
  }
  .progress {
    display: inline-flex;
    gap: var(--_space);
    align-items: center;
  }
  td.soon {
    color: var(--_danger);
    font-weight: 600;
  }
  td,
  th {
    white-space: nowrap;
  }
`;
