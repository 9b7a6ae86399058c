import { css } from 'lit';

export const settingsStyles = css`
  form {
    display: grid;
    gap: 0;
    max-inline-size: 56rem;
  }
  label.check {
    display: flex;
    gap: var(--_space);
    align-items: center;
  }
  .hint {
    font-size: 0.9em;
  }
  .sample {
    display: grid;
    gap: var(--_space);
    padding-block-start: var(--_space);
    border-block-start: 1px dashed var(--_border);
  }
  .check-result ul {
    margin: 4px 0 0;
    padding-inline-start: 1.25em;
    color: var(--_danger);
  }
  .check-result .ok {
    color: var(--roster-status-active, light-dark(#1e6b34, #7ddc97));
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    position: sticky;
    inset-block-end: 0;
    padding-block: var(--_space);
    background: var(--roster-color-background, var(--_surface));
  }
  td input:not([type='radio']) {
    inline-size: 100%;
    box-sizing: border-box;
  }
`;
