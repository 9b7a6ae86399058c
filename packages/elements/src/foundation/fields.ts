import { isRosterError } from '@roster/core';
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/** Error texts by field id (`form.field`, e.g. `create.name`). */
export type FieldErrors = Readonly<Record<string, string>>;

/** What {@link renderField} draws. */
export interface FieldOptions {
  /** Unique in the element's shadow root; also the key of its error. */
  id: string;
  label: string;
  /** The form control's `name` (read with `FormData`). */
  name: string;
  value?: string | number;
  /** A lasting explanation, read after the label. */
  hint?: string;
  errors: FieldErrors;
  type?: 'text' | 'number' | 'search' | 'password';
  min?: number;
  max?: number;
  multiline?: boolean;
  /** Live edits (settings' draft). */
  onInput?: (value: string) => void;
}

/**
 * A labelled form field whose hint and error describe it (`aria-describedby`), marked
 * `aria-invalid` while its error stands: the WAI-ARIA pattern for forms with errors.
 */
export function renderField(options: FieldOptions) {
  const error = options.errors[options.id];
  const hintId = options.hint ? `${options.id}-hint` : undefined;
  const errorId = error ? `${options.id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const onInput = options.onInput
    ? (event: Event) => options.onInput!((event.target as HTMLInputElement).value)
    : undefined;
  const control = options.multiline
    ? html`<textarea
        id=${options.id}
        name=${options.name}
        rows="2"
        aria-describedby=${ifDefined(describedBy)}
        aria-invalid=${error ? 'true' : 'false'}
        .value=${String(options.value ?? '')}
        @input=${onInput}
      ></textarea>`
    : html`<input
        id=${options.id}
        name=${options.name}
        type=${options.type ?? 'text'}
        min=${ifDefined(options.min)}
        max=${ifDefined(options.max)}
        autocomplete="off"
        aria-describedby=${ifDefined(describedBy)}
        aria-invalid=${error ? 'true' : 'false'}
        .value=${String(options.value ?? '')}
        @input=${onInput}
      />`;
  return html`<div class="field">
    <label for=${options.id}>${options.label}</label>
    ${control}
    ${options.hint ? html`<span id=${hintId} class="muted hint">${options.hint}</span>` : nothing}
    ${error ? html`<p id=${errorId} class="field-error">${error}</p>` : nothing}
  </div>`;
}

/**
 * The field errors a failed write names: a `ValidationError`'s issues by their first
 * path segment, a `ConflictError`'s taken field (`details.field`); keys are
 * `${form}.${field}`. Empty when the failure belongs to no field.
 */
export function fieldErrorsOf(error: unknown, form: string): FieldErrors {
  if (isRosterError(error, 'validation') && 'issues' in error) {
    const issues = (error as { issues: { path: (string | number)[]; message: string }[] }).issues;
    const errors: Record<string, string> = {};
    for (const issue of issues) {
      const field = issue.path[0];
      if (field !== undefined) errors[`${form}.${String(field)}`] ??= issue.message;
    }
    return errors;
  }
  if (isRosterError(error, 'conflict') && typeof error.details['field'] === 'string')
    return { [`${form}.${error.details['field']}`]: error.message };
  return {};
}
