import type { ImportPlan } from '@roster/core';
import { html, nothing } from 'lit';
import { renderReviewTable, type ReviewTableProps } from './review-table.js';

/** What to do with rows whose user exists already. */
export type ExistingUsers = 'skip' | 'update' | 'reinvite';

/** Which rows the review table lists. */
export type ReviewFilter = 'all' | 'errors' | 'warnings';

/** The review step's import options. */
export interface ReviewOptions {
  sendInvites: boolean;
  createGroups: boolean;
  existing: ExistingUsers;
}

/** What the review step shows and reports back. */
export interface ReviewStepProps extends Omit<ReviewTableProps, 'plan'> {
  plan: ImportPlan | null;
  checking: boolean;
  filter: ReviewFilter;
  /** Rows with an error, and rows with a warning (whatever their action). */
  errorRows: number;
  warningRows: number;
  options: ReviewOptions;
  canInvite: boolean;
  onFilter(filter: ReviewFilter): void;
  onOptions(options: Partial<ReviewOptions>): void;
  onImport(selectedOnly: boolean): void;
}

/**
 * Step 3: the counts, the windowed table of every row (filterable to the rows with errors
 * or with warnings), the import options, and the two ways to import: every valid row, or
 * the selection.
 */
export function renderReviewStep(p: ReviewStepProps) {
  const { t, plan } = p;
  const valid = plan ? plan.counts.create + plan.counts.update : 0;
  const filters: { value: ReviewFilter; label: string }[] = plan
    ? [
        { value: 'all', label: t.showAll(plan.entries.length) },
        { value: 'errors', label: t.showErrors(p.errorRows) },
        { value: 'warnings', label: t.showWarnings(p.warningRows) },
      ]
    : [];
  return html`
    <p role="status" class="summary">
      ${
        p.checking || !plan
          ? html`<span class="spinner" aria-hidden="true"></span>${t.checking}`
          : p.warningRows > 0
            ? `${t.summary(plan.counts)}, ${t.warningsCount(p.warningRows)}`
            : t.summary(plan.counts)
      }
    </p>
    ${
      plan
        ? html`<div class="toolbar">
              <label class="field inline">
                <span>${t.show}</span>
                <select
                  @change=${(e: Event) =>
                    p.onFilter((e.target as HTMLSelectElement).value as ReviewFilter)}
                >
                  ${filters.map(
                    ({ value, label }) =>
                      html`<option .value=${value} ?selected=${p.filter === value}>
                        ${label}
                      </option>`,
                  )}
                </select>
              </label>
              <span class="muted">${t.selectedCount(p.selected.size)}</span>
            </div>
            ${
              p.filter !== 'all' && p.visible?.length === 0
                ? html`<p class="state">${p.filter === 'errors' ? t.noErrors : t.noWarnings}</p>`
                : renderReviewTable({ ...p, plan })
            }
            ${renderOptions(p, plan)}
            ${valid === 0 ? html`<p class="state error" role="alert">${t.nothingToImport}</p>` : nothing}`
        : nothing
    }
  `;
}

function renderOptions(p: ReviewStepProps, plan: ImportPlan) {
  const { t, options } = p;
  const existing: { value: ExistingUsers; label: string }[] = [
    { value: 'skip', label: t.existingSkip },
    { value: 'update', label: t.existingUpdate },
  ];
  if (p.canInvite) existing.push({ value: 'reinvite', label: t.existingReinvite });
  return html`<fieldset class="options" part="options">
    <legend>${t.options}</legend>
    ${
      p.canInvite
        ? html`<label class="check">
            <input
              type="checkbox"
              .checked=${options.sendInvites}
              @change=${(e: Event) =>
                p.onOptions({ sendInvites: (e.target as HTMLInputElement).checked })}
            />
            ${t.sendInvites}
          </label>`
        : nothing
    }
    <label class="check">
      <input
        type="checkbox"
        .checked=${options.createGroups}
        @change=${(e: Event) => p.onOptions({ createGroups: (e.target as HTMLInputElement).checked })}
      />
      ${t.createGroups(plan.newGroups.length)}
    </label>
    <fieldset class="radios">
      <legend>${t.existingUsers}</legend>
      ${existing.map(
        ({ value, label }) =>
          html`<label class="check">
            <input
              type="radio"
              name="existing"
              .value=${value}
              .checked=${options.existing === value}
              @change=${() => p.onOptions({ existing: value })}
            />
            ${label}
          </label>`,
      )}
    </fieldset>
  </fieldset>`;
}

/** The review step's import buttons (rendered in the wizard's footer). */
export function renderReviewActions(p: ReviewStepProps) {
  const { t, plan } = p;
  const valid = plan ? plan.counts.create + plan.counts.update : 0;
  const busy = p.checking || !plan || p.editing !== null;
  return html`${
      p.selected.size > 0
        ? html`<button
            type="button"
            class="button"
            ?disabled=${busy}
            @click=${() => p.onImport(true)}
          >
            ${t.importSelected(p.selected.size)}
          </button>`
        : nothing
    }
    <button
      type="button"
      class="button primary"
      ?disabled=${busy || valid === 0}
      @click=${() => p.onImport(false)}
    >
      ${t.importAllValid(valid)}
    </button>`;
}
