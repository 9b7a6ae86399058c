import { css } from 'lit';

export const importWizardStyles = css`
  :host {
    --_ok: var(--roster-status-active, light-dark(#1d7a3a, #6fd08c));
    --_warn: var(--roster-status-warning, light-dark(#8a5a00, #f0b64a));
    container-type: inline-size;
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: baseline;
    justify-content: space-between;
  }
  .title {
    margin: 0;
    font-size: 1.25em;
  }
  .steps {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
    margin: 0;
    padding: 0;
    list-style: none;
    counter-reset: step;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .steps li {
    counter-increment: step;
  }
  .steps li::before {
    content: counter(step) '. ';
  }
  .steps li.current {
    color: var(--_text);
    font-weight: 600;
  }
  .step {
    margin-block: calc(var(--_space) * 2);
  }
  .step > h3 {
    margin: 0 0 var(--_space);
    font-size: 1.1em;
  }
  .step > h3:focus {
    outline: none;
  }
  .step > h3:focus-visible {
    outline: var(--_focus);
  }
  .step-of {
    display: block;
    font-size: 0.8em;
    font-weight: normal;
  }
  h4 {
    margin: calc(var(--_space) * 2) 0 var(--_space);
    font-size: 1em;
  }
  .tabs {
    display: flex;
    gap: 2px;
    border-block-end: 1px solid var(--_border);
  }
  [role='tab'] {
    background: none;
    border: 1px solid transparent;
    border-block-end: none;
    border-radius: var(--_radius) var(--_radius) 0 0;
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 1.5);
    cursor: pointer;
    color: var(--_muted);
  }
  [role='tab'][aria-selected='true'] {
    color: var(--_text);
    background: var(--_surface);
    border-color: var(--_border);
    margin-block-end: -1px;
    font-weight: 600;
  }
  .panel {
    padding-block: calc(var(--_space) * 1.5);
  }
  .drop-zone {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    place-items: center;
    inline-size: 100%;
    min-block-size: 9rem;
    padding: calc(var(--_space) * 2);
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
    text-align: center;
  }
  .drop-zone:hover,
  .drop-zone.dragging {
    border-color: var(--_accent);
    background: var(--_surface-alt);
  }
  .drop-title {
    font-weight: 600;
  }
  .field {
    display: grid;
    gap: 4px;
    margin-block: var(--_space);
  }
  .field.inline {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    margin: 0;
  }
  .check {
    display: flex;
    gap: calc(var(--_space) * 0.75);
    align-items: center;
    margin-block: calc(var(--_space) * 0.5);
  }
  input[type='checkbox'],
  input[type='radio'] {
    accent-color: var(--_accent);
    inline-size: 1.1em;
    block-size: 1.1em;
  }
  textarea {
    inline-size: 100%;
    box-sizing: border-box;
    resize: vertical;
  }
  .button.link {
    border-color: transparent;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
    padding-inline: 0;
  }
  .button.small {
    padding: 2px calc(var(--_space) * 0.75);
    font-size: 0.9em;
    white-space: nowrap;
  }
  .template {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: baseline;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
    align-items: end;
  }
  .notices {
    padding: var(--_space) calc(var(--_space) * 3);
    border-inline-start: 3px solid var(--_warn);
    background: var(--_surface-alt);
  }
  .scroll {
    overflow: auto;
    max-inline-size: 100%;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
    font-size: 0.95em;
  }
  caption {
    text-align: start;
    padding: var(--_space);
    color: var(--_muted);
  }
  th,
  td {
    text-align: start;
    padding: calc(var(--_space) * 0.5) var(--_space);
    border-block-start: 1px solid var(--_border);
    vertical-align: top;
  }
  thead th {
    background: var(--_surface-alt);
  }
  .samples {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  .sample {
    padding: 0 4px;
    border-radius: 4px;
    background: var(--_surface-alt);
    --roster-clamp-width: 18ch;
  }
  .requirements {
    padding-inline-start: 0;
    list-style: none;
  }
  .requirements .met {
    color: var(--_ok);
  }
  .requirements .missing {
    color: var(--_danger);
  }
  .values ul {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    padding: 0;
    list-style: none;
  }
  .summary {
    display: flex;
    gap: var(--_space);
    align-items: center;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
    align-items: center;
    justify-content: space-between;
  }

  /* The windowed review table: rows have one fixed height (ROW_HEIGHT in review-table.ts). */
  .viewport {
    block-size: var(--roster-import-table-height, 24rem);
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    contain: strict;
  }
  .grid {
    --_columns: 2.5rem 4rem 7.5rem minmax(9rem, 1.2fr) minmax(11rem, 1.4fr) 9.5rem
      minmax(12rem, 2fr) 9rem;
    min-inline-size: 66rem;
    font-size: 0.95em;
  }
  .row {
    display: grid;
    grid-template-columns: var(--_columns);
    align-items: center;
    block-size: 44px;
    box-sizing: border-box;
    border-block-end: 1px solid var(--_border);
  }
  .head {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    background: var(--_surface-alt);
    font-weight: 600;
  }
  .body {
    position: relative;
  }
  .body .row {
    position: absolute;
    inset-inline: 0;
    inset-block-start: 0;
  }
  .cell {
    overflow: hidden;
    padding-inline: calc(var(--_space) * 0.5);
    white-space: nowrap;
    --roster-clamp-width: 100%;
  }
  .cell .clamp {
    max-inline-size: 100%;
  }
  .cell.num {
    font-variant-numeric: tabular-nums;
    color: var(--_muted);
  }
  .cell.issues.error {
    color: var(--_danger);
  }
  .detection .warning {
    color: var(--_warn);
  }
  .cell.issues .warning {
    color: var(--_warn);
  }
  .cell.issues.error .warning {
    margin-inline-start: 0.5em;
  }
  .cell.editor {
    grid-column: 4 / 8;
    display: flex;
    gap: 4px;
    overflow-x: auto;
  }
  .cell.editor input {
    min-inline-size: 8rem;
    padding-block: 2px;
  }
  .cell.actions {
    display: flex;
    gap: 4px;
  }
  .badge {
    display: inline-block;
    padding: 0 calc(var(--_space) * 0.75);
    border-radius: 999px;
    border: 1px solid currentColor;
    font-size: 0.85em;
  }
  .badge[data-action='create'],
  .badge[data-action='update'] {
    color: var(--_ok);
  }
  .badge[data-action='skip'] {
    color: var(--_warn);
  }
  .badge[data-action='error'] {
    color: var(--_danger);
  }

  .options {
    margin-block: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .options .radios {
    border: none;
    padding: 0;
    margin-block-start: var(--_space);
  }
  .progress .bar {
    block-size: 0.75rem;
    border-radius: 999px;
    background: var(--_surface-alt);
    border: 1px solid var(--_border);
    overflow: hidden;
  }
  .progress .bar span {
    display: block;
    block-size: 100%;
    background: var(--_accent);
  }
  .counts {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
    margin: 0;
  }
  .counts div {
    min-inline-size: 7rem;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .counts dt {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .counts dd {
    margin: 0;
    font-size: 1.5em;
    font-variant-numeric: tabular-nums;
  }
  .result-actions,
  .footer {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    margin-block-start: calc(var(--_space) * 2);
  }
  .footer {
    justify-content: flex-end;
    border-block-start: 1px solid var(--_border);
    padding-block-start: var(--_space);
  }
  .footer > :first-child {
    margin-inline-end: auto;
  }
  .failures {
    padding-inline-start: calc(var(--_space) * 2.5);
  }
`;
