import { css } from 'lit';

/** The user form's layout; its fields look as `formControlStyles` says. */
export const userFormStyles = css`
  form {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    max-inline-size: 40rem;
  }
  .title {
    font-size: 1.15em;
    margin: 0;
  }
  .field {
    display: grid;
    gap: 4px;
  }
  .field > label,
  .label,
  legend {
    font-weight: 600;
  }
  .field.check > label {
    display: flex;
    gap: var(--_space);
    align-items: center;
  }
  .phone {
    display: grid;
    grid-template-columns: minmax(8rem, 14rem) 1fr;
    gap: var(--_space);
  }
  .hint {
    margin: 0;
    font-size: 0.85em;
    color: var(--_muted);
  }
  .error-summary {
    margin: 0;
    color: var(--_danger);
    font-size: 0.9em;
  }
  fieldset.groups {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space) calc(var(--_space) * 1.5);
    display: grid;
    gap: var(--_space);
    margin: 0;
  }
  fieldset.groups p {
    margin: 0;
  }
  .chips {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
  }
  .chips li {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 2px 4px 2px 10px;
    border-radius: 999px;
    background: var(--_surface-alt);
    border: 1px solid var(--_border);
  }
  .chip-remove {
    border: 0;
    background: transparent;
    cursor: pointer;
    padding: 0 6px;
    border-radius: 999px;
    line-height: 1.4;
  }
  .choices {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 2px;
    max-block-size: 12rem;
    overflow: auto;
  }
  .choices label {
    display: flex;
    gap: var(--_space);
    align-items: center;
  }
  .conflict {
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    padding: var(--_space) calc(var(--_space) * 1.5);
  }
  .conflict p {
    margin: 4px 0 var(--_space);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    justify-content: flex-end;
  }
  .outcome {
    margin: 0;
  }
`;
