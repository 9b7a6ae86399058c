import { css } from 'lit';

/**
 * How text fields, selects and text areas look in every element that has a form (the
 * admin sections, the user form, the import wizard): one border, radius and padding, the danger border while
 * `aria-invalid` stands, and the field's error text (`.field-error`) in the danger colour.
 * Checkboxes and radio buttons keep the browser's look (tinted by each element).
 */
export const formControlStyles = css`
  input:not([type='checkbox'], [type='radio']),
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.5) var(--_space);
    min-inline-size: 0;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .field-error {
    color: var(--_danger);
    font-size: 0.9em;
    margin: 0;
  }
`;
