import type { ImportField, ImportIssue, ImportPlan, PlanEntry, Table } from '@roster/core';
import { html, nothing } from 'lit';
import { userText } from '../foundation/user-text.js';
import { issueText, skipText } from './issue-messages.js';
import type { ImportWizardMessages } from './messages.js';

/** Height of one row of the review table, in CSS pixels (every row has it: the window math relies on it). */
export const ROW_HEIGHT = 44;
/** Rows rendered at any time, whatever the file's size: the visible ones and a few either side. */
export const WINDOW_ROWS = 16;
/** Rows rendered above the first visible one, so a small scroll shows no gap. */
const OVERSCAN = 3;

/** A row being fixed: its index in the table and the cells typed so far. */
export interface EditingRow {
  index: number;
  cells: string[];
}

/** What the windowed review table shows and reports back. */
export interface ReviewTableProps {
  t: ImportWizardMessages;
  plan: ImportPlan;
  table: Table;
  columns: readonly (ImportField | null)[];
  /** Indexes (into the plan's entries) of the rows listed, or `null` for all of them. */
  visible: readonly number[] | null;
  /** Index (into `visible`, or the entries) of the first rendered row. */
  first: number;
  selected: ReadonlySet<number>;
  editing: EditingRow | null;
  onScroll(first: number): void;
  onSelect(row: number, selected: boolean): void;
  onSelectAll(selected: boolean): void;
  onEdit(index: number): void;
  onEditCell(column: number, value: string): void;
  onSave(): void;
  onCancelEdit(): void;
}

/** The first row to render for a scroll offset. */
export function firstRowAt(scrollTop: number): number {
  return Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
}

/**
 * Every row of the plan in a scrolling table that renders only {@link WINDOW_ROWS} rows
 * (ARIA table with `aria-rowcount` and `aria-rowindex`): the DOM stays the same size for
 * 10 rows or 100,000. Each row shows its status and its issues in place; a row can be
 * selected, and fixed in place (its cells become inputs, checked again on save).
 */
export function renderReviewTable(p: ReviewTableProps) {
  const { t, plan } = p;
  const count = p.visible ? p.visible.length : plan.entries.length;
  // At the end the window reaches back: always WINDOW_ROWS rows while there are as many.
  const first = Math.max(0, Math.min(p.first, count - WINDOW_ROWS));
  const last = Math.min(count, first + WINDOW_ROWS);
  const indexes: number[] = [];
  for (let i = first; i < last; i++) indexes.push(p.visible ? p.visible[i]! : i);
  const validCount = plan.counts.create + plan.counts.update;
  const allSelected = validCount > 0 && p.selected.size >= validCount;
  const onScroll = (event: Event) => {
    const first = firstRowAt((event.target as HTMLElement).scrollTop);
    if (first !== p.first) p.onScroll(first);
  };
  return html`<div
    class="viewport"
    part="review-table"
    tabindex="0"
    role="region"
    aria-label=${t.rows}
    @scroll=${onScroll}
  >
    <div role="table" aria-label=${t.rows} aria-rowcount=${count + 1} class="grid">
      <div role="rowgroup" class="head">
        <div role="row" aria-rowindex="1" class="row">
          <span role="columnheader" class="cell">
            <input
              type="checkbox"
              aria-label=${t.selectAllValid}
              .checked=${allSelected}
              ?disabled=${validCount === 0}
              @change=${(e: Event) => p.onSelectAll((e.target as HTMLInputElement).checked)}
            />
          </span>
          <span role="columnheader" class="cell">${t.rowNumber}</span>
          <span role="columnheader" class="cell">${t.status}</span>
          <span role="columnheader" class="cell">${t.fields.name}</span>
          <span role="columnheader" class="cell">${t.fields.email}</span>
          <span role="columnheader" class="cell">${t.fields.phone}</span>
          <span role="columnheader" class="cell">${t.issues}</span>
          <span role="columnheader" class="cell">${t.fixColumn}</span>
        </div>
      </div>
      <div role="rowgroup" class="body" style="block-size: ${count * ROW_HEIGHT}px">
        ${indexes.map((index, offset) => renderRow(p, index, first + offset))}
      </div>
    </div>
  </div>`;
}

function renderRow(p: ReviewTableProps, index: number, position: number) {
  const { t } = p;
  const entry = p.plan.entries[index]!;
  const editing = p.editing?.index === index ? p.editing : null;
  const selectable = entry.action === 'create' || entry.action === 'update';
  const style = `transform: translateY(${position * ROW_HEIGHT}px)`;
  return html`<div
    role="row"
    aria-rowindex=${position + 2}
    class="row"
    part="review-row"
    data-action=${entry.action}
    style=${style}
  >
    <span role="cell" class="cell">
      <input
        type="checkbox"
        aria-label=${t.selectRow(entry.row)}
        .checked=${p.selected.has(entry.row)}
        ?disabled=${!selectable}
        @change=${(e: Event) => p.onSelect(entry.row, (e.target as HTMLInputElement).checked)}
      />
    </span>
    <span role="cell" class="cell num">${entry.row}</span>
    <span role="cell" class="cell">
      <span class="badge" part="status" data-action=${entry.action}
        >${t.actions[entry.action]}</span
      >
    </span>
    ${editing ? renderEditor(p, entry, editing) : renderValues(p, entry, index)}
  </div>`;
}

function renderValues(p: ReviewTableProps, entry: PlanEntry, index: number) {
  const { t } = p;
  const errors = describeIssues(
    entry.issues.filter((issue) => issue.severity === 'error'),
    t,
  );
  const warnings = describeIssues(
    entry.issues.filter((issue) => issue.severity === 'warning'),
    t,
  );
  return html`<span role="cell" class="cell">${userText(entry.values.name)}</span>
    <span role="cell" class="cell">${userText(entry.values.email)}</span>
    <span role="cell" class="cell">${userText(entry.values.phone)}</span>
    <span role="cell" class="cell issues ${entry.action === 'error' ? 'error' : ''}">
      ${errors ? userText(errors) : nothing}
      ${warnings ? html`<span class="warning">${userText(warnings)}</span>` : nothing}
      ${errors || warnings || !entry.skipped ? nothing : skipText(entry.skipped, t.skipTexts)}
    </span>
    <span role="cell" class="cell">
      ${
        entry.action === 'error' || entry.issues.length > 0
          ? html`<button type="button" class="button small" @click=${() => p.onEdit(index)}>
              ${t.editRow(entry.row)}
            </button>`
          : nothing
      }
    </span>`;
}

function renderEditor(p: ReviewTableProps, entry: PlanEntry, editing: EditingRow) {
  const { t } = p;
  const keys = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      p.onSave();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      p.onCancelEdit();
    }
  };
  const mapped = p.columns
    .map((field, column) => ({ field, column }))
    .filter((c): c is { field: ImportField; column: number } => c.field !== null);
  return html`<span role="cell" class="cell editor" @keydown=${keys}>
      ${mapped.map(
        ({ field, column }) =>
          html`<input
            type="text"
            data-field=${field}
            aria-label=${t.cellLabel(`${p.table.headers[column] ?? ''} (${t.fields[field]})`, entry.row)}
            .value=${editing.cells[column] ?? ''}
            @input=${(e: Event) => p.onEditCell(column, (e.target as HTMLInputElement).value)}
          />`,
      )}
    </span>
    <span role="cell" class="cell actions">
      <button type="button" class="button small primary" @click=${p.onSave}>
        ${t.saveRow(entry.row)}
      </button>
      <button type="button" class="button small" @click=${p.onCancelEdit}>${t.cancelEdit}</button>
    </span>`;
}

/**
 * A row's issues as one line in the admin's language, from each issue's code and params:
 * "Email: “bad@” is not a valid email address; Warning: …". The reader's row warnings
 * concern the whole row; other issues name their field.
 */
export function describeIssues(issues: readonly ImportIssue[], t: ImportWizardMessages): string {
  const texts = issues.map((issue) => {
    const said = issueText(issue, t.issueTexts);
    const text = issue.field === 'row' ? said : `${t.fields[issue.field]}: ${said}`;
    return issue.severity === 'warning' ? `${t.warning}: ${text}` : text;
  });
  // Two stray quotes in one row are one thing to check.
  return [...new Set(texts)].join('; ');
}
