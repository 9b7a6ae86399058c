import { css } from 'lit';

export const userTableStyles = css`
  .toolbar,
  .filters,
  .actions,
  .selection,
  .progress,
  .outcome {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: end;
  }
  .toolbar {
    justify-content: space-between;
    margin-block-end: var(--_space);
  }
  .actions {
    align-items: center;
  }
  .field {
    display: grid;
    gap: 2px;
    font-size: 0.85em;
    color: var(--_muted);
  }
  .field.inline {
    display: inline-flex;
    align-items: center;
    gap: var(--_space);
  }
  .check {
    display: inline-flex;
    gap: 6px;
    align-items: center;
    min-block-size: 2.25rem;
  }
  input[type='search'],
  select {
    font: inherit;
    font-size: 1rem;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.5) var(--_space);
  }
  input[type='search'] {
    min-inline-size: min(16rem, 100%);
  }
  .count {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .button.small {
    padding: 0 var(--_space);
  }
  .chooser {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0 0 var(--_space);
    background: var(--_surface);
  }
  .chooser ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 4px;
  }
  .chooser li {
    display: flex;
    gap: var(--_space);
    align-items: center;
  }
  .selection,
  .progress {
    align-items: center;
    padding: var(--_space);
    margin-block-end: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .divider {
    inline-size: 1px;
    align-self: stretch;
    background: var(--_border);
  }
  .outcome:not(:empty) {
    align-items: center;
    margin-block-end: var(--_space);
  }
  .frame {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  /* An opaque background of its own lets Chromium scroll the frame on the compositor
     (without one it keeps LCD text by repainting the rows on every scroll frame). */
  .scroller {
    background: var(--_surface);
    border-radius: inherit;
    block-size: var(--roster-table-height, min(70vh, 36rem));
    overflow: auto;
    position: relative;
    overscroll-behavior: contain;
  }
  /* The grid is as tall as the (mapped) scroll range; its rows are placed in it where the
     scroll map says and scroll natively with it, so a frame without new rows costs no
     script, layout or paint. */
  .window {
    position: relative;
    inline-size: max-content;
    min-inline-size: 100%;
    outline-offset: -2px;
  }
  .row {
    display: grid;
    grid-template-columns: var(--_columns);
    block-size: var(--_row-height);
    box-sizing: border-box;
    border-block-end: 1px solid var(--_border);
    background: var(--_surface);
  }
  .head {
    position: sticky;
    inset-block-start: 0;
    z-index: 2;
  }
  .row.header {
    background: var(--_surface-alt);
    font-weight: 600;
  }
  .body .row {
    position: absolute;
    inset-inline: 0;
    cursor: pointer;
  }
  .body .row:hover,
  .body .row[aria-selected='true'] {
    background: var(--_surface-alt);
  }
  .cell {
    display: flex;
    align-items: center;
    gap: 6px;
    padding-inline: var(--_space);
    min-inline-size: 0;
    overflow: hidden;
    white-space: nowrap;
    background: inherit;
  }
  .cell:focus-visible {
    outline: var(--_focus);
    outline-offset: -2px;
  }
  /* The checkbox and the name stay in view on narrow screens (horizontal scroll). */
  .cell.select {
    position: sticky;
    inset-inline-start: 0;
    z-index: 1;
    justify-content: center;
    padding: 0;
  }
  .cell.name {
    position: sticky;
    inset-inline-start: 2.75rem;
    z-index: 1;
    font-weight: 500;
    border-inline-end: 1px solid var(--_border);
  }
  /* The name opens the user (a click does so anywhere on the row; this is its named control). */
  .cell .open {
    all: unset;
    min-inline-size: 0;
    color: var(--_accent);
    cursor: pointer;
  }
  .cell .clamp {
    max-inline-size: 100%;
  }
  .cell.sortable {
    cursor: pointer;
    user-select: none;
  }
  .sort-indicator {
    color: var(--_muted);
    font-size: 0.8em;
  }
  .avatar {
    flex: none;
    display: inline-grid;
    place-items: center;
    inline-size: 1.75rem;
    block-size: 1.75rem;
    border-radius: 50%;
    background: var(--_accent);
    color: var(--_accent-text);
    font-size: 0.75em;
    font-weight: 600;
  }
  .placeholder .bar {
    display: block;
    inline-size: 70%;
    block-size: 0.7em;
    border-radius: 4px;
    background: var(--_border);
  }
  dialog {
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    max-inline-size: min(32rem, 90vw);
  }
  dialog h2 {
    font-size: 1.1em;
    margin-block-start: 0;
  }
  .dialog-actions {
    display: flex;
    gap: var(--_space);
    justify-content: end;
  }
  @media (max-width: 40rem) {
    .toolbar {
      display: grid;
    }
    input[type='search'] {
      inline-size: 100%;
      box-sizing: border-box;
    }
  }
`;
