import { css } from 'lit';

export const userTableStyles = css`
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: end;
    justify-content: space-between;
    margin-block-end: var(--_space);
  }
  label.search {
    display: grid;
    gap: 2px;
    font-size: 0.85em;
    color: var(--_muted);
  }
  input[type='search'] {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75) var(--_space);
    min-inline-size: 16rem;
  }
  .frame {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    overflow: auto;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
    font-size: 0.95em;
  }
  th,
  td {
    text-align: start;
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-block-end: 1px solid var(--_border);
    white-space: nowrap;
  }
  th {
    background: var(--_surface-alt);
    font-weight: 600;
    position: sticky;
    inset-block-start: 0;
  }
  th button {
    all: unset;
    cursor: pointer;
    display: inline-flex;
    gap: 4px;
    align-items: center;
  }
  th button:focus-visible {
    outline: var(--_focus);
  }
  .sort-indicator {
    color: var(--_muted);
    font-size: 0.8em;
  }
  tbody tr:hover {
    background: var(--_surface-alt);
  }
  td.name button {
    all: unset;
    cursor: pointer;
    color: var(--_accent);
    font-weight: 500;
  }
  td.name button:focus-visible {
    outline: var(--_focus);
  }
  .muted {
    color: var(--_muted);
  }
  .status {
    display: inline-block;
    padding: 1px 8px;
    border-radius: 999px;
    font-size: 0.85em;
    border: 1px solid currentColor;
  }
  .status[data-status='active'] {
    color: var(--roster-status-active, light-dark(#1a7f37, #56d364));
  }
  .status[data-status='invited'] {
    color: var(--roster-status-invited, light-dark(#0b5cad, #6cb0ff));
  }
  .status[data-status='expired'],
  .status[data-status='bounced'] {
    color: var(--roster-status-warning, light-dark(#9a6700, #e3b341));
  }
  .status[data-status='inactive'] {
    color: var(--_muted);
  }
  .state {
    padding: calc(var(--_space) * 3);
    text-align: center;
    color: var(--_muted);
  }
  .state.error {
    color: var(--_danger);
  }
  .state button,
  .pager button {
    margin-inline-start: var(--_space);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 4px 12px;
    cursor: pointer;
  }
  .pager button:disabled {
    opacity: 0.5;
    cursor: default;
  }
  .pager {
    display: flex;
    gap: var(--_space);
    align-items: center;
    justify-content: flex-end;
    margin-block-start: var(--_space);
    color: var(--_muted);
  }
  [aria-busy='true'] tbody {
    opacity: 0.6;
  }
`;
