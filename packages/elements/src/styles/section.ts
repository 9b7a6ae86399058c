import { css } from 'lit';

/**
 * Styles the admin sections share (group manager, settings, recycle bin, outbox,
 * activity): panels, lists and tables. Use with `formControlStyles` (the fields).
 */
export const sectionStyles = css`
  h2,
  h3 {
    margin: 0 0 var(--_space);
    font-size: 1.1em;
  }
  h3 {
    font-size: 1em;
  }
  .panel {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: calc(var(--_space) * 1.5);
    min-inline-size: 0;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: end;
  }
  .field {
    display: grid;
    gap: 2px;
    font-size: 0.9em;
  }
  .field > span:first-child,
  legend {
    color: var(--_muted);
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0 0 calc(var(--_space) * 1.5);
    padding: var(--_space) calc(var(--_space) * 1.5) calc(var(--_space) * 1.5);
    display: grid;
    gap: var(--_space);
  }
  .error-text {
    color: var(--_danger);
    font-size: 0.9em;
    margin: 0;
  }
  .notice {
    margin: var(--_space) 0;
  }
  ul.plain {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    /* minmax(0, …): an item's long text wraps or clamps instead of widening the list. */
    grid-template-columns: minmax(0, 1fr);
    gap: 2px;
  }
  ul.plain > li {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    justify-content: space-between;
    padding: calc(var(--_space) * 0.5) 0;
    border-block-end: 1px solid var(--_border);
  }
  .table-frame {
    overflow: auto;
    /* The containing block of its visually hidden texts, so they scroll with the table
       instead of widening the page. */
    position: relative;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
    font-size: 0.95em;
  }
  th,
  td {
    text-align: start;
    padding: calc(var(--_space) * 0.6) var(--_space);
    border-block-end: 1px solid var(--_border);
    vertical-align: top;
  }
  th {
    background: var(--_surface-alt);
    font-weight: 600;
  }
  .pager {
    display: flex;
    gap: var(--_space);
    justify-content: end;
    margin-block-start: var(--_space);
  }
`;
