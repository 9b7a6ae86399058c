import type { ImportPlan } from '@roster/core';
import { html, nothing } from 'lit';
import { renderReviewTable, type ReviewTableProps } from './review-table.js';

/** What to do with rows whose user exists already. */
export type ExistingUsers = 'skip' | 'update' | 'reinvite';

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
  errorsOnly: boolean;
  options: ReviewOptions;
  canInvite: boolean;
  onErrorsOnly(on: boolean): void;
  onOptions(options: Partial<ReviewOptions>): void;
  onImport(selectedOnly: boolean): void;
}

/**
 * Step 3: the counts, the windowed table of every row (filterable to rows with errors),
 * the import options, and the two ways to import: every valid row, or the selection.
 */
export function renderReviewStep(p: ReviewStepProps) {
  const { t, plan } = p;
  const valid = plan ? plan.counts.create + plan.counts.update : 0;
  return html`
    <p role="status" class="summary">
      ${p.checking || !plan ? html`<span class="spinner" aria-hidden="true"></span>${t.checking}` : t.summary(plan.counts)}
    </p>
    ${
      plan
        ? html`<div class="toolbar">
              <label class="check">
                <input
                  type="checkbox"
                  .checked=${p.errorsOnly}
                  @change=${(e: Event) => p.onErrorsOnly((e.target as HTMLInputElement).checked)}
                />
                ${t.errorsOnly}
              </label>
              <span class="muted">${t.selectedCount(p.selected.size)}</span>
            </div>
            ${
              p.errorsOnly && p.visible?.length === 0
                ? html`<p class="state">${t.noErrors}</p>`
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
