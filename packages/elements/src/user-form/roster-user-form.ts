import {
  isRosterError,
  type AccountSettings,
  type Group,
  type RosterError,
  type User,
  type ValidationError,
} from '@roster/core';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { errorMessage } from '../foundation/error-message.js';
import { RosterElement } from '../foundation/roster-element.js';
import { countryOptions } from './countries.js';
import {
  FIELD_ORDER,
  blankDraft,
  changedFields,
  checkDraft,
  draftOf,
  patchFor,
  type Draft,
  type FieldErrors,
} from './draft.js';
import { RosterCancelEvent, RosterUserSavedEvent } from './events.js';
import { findGroups, groupPicker } from './group-picker.js';
import type { UserFormField } from './messages.js';
import { formControlStyles } from '../styles/form-controls.js';
import { userFormStyles } from './roster-user-form.styles.js';
// Its texts, added to the foundation's translation table (German loads on first use).
import './messages.js';

/** What the form is opened on. */
interface Source {
  /** The user being edited (null: a new user). */
  user: User | null;
  /** Editing, but the user does not exist. */
  missing: boolean;
  settings: AccountSettings;
  /** The user's groups (for their names). */
  groups: Group[];
}

/** Someone else saved first: their version, what they changed and who they are. */
interface Stale {
  current: User;
  fields: string[];
  who: string;
}

/**
 * Adds a user (no `user-id`) or edits one (`user-id`). Fields are checked inline with
 * core's schemas (core's messages, on the field they concern) when a field is left and
 * on submit, where focus moves to the first invalid field. The phone is typed with a
 * country (the portal's `defaultCountry` preselected) and stored in E.164. Groups are
 * picked by search, roles come from the account settings. A new user can be sent an
 * invitation (email, or SMS for a phone-only user) where the backend has invitations.
 * A taken email (phone, external ID) is shown on its field; a stale version says who
 * changed what and offers "reload" or "overwrite": an update is never silently lost.
 *
 * @summary Create or edit a user.
 *
 * @fires {RosterUserSavedEvent} roster-user-saved - A user was saved (`event.user`; `event.created` for a new one).
 * @fires {RosterCancelEvent} roster-cancel - The admin cancelled.
 *
 * @slot heading - Replaces the form's heading ("Add a user" / "Edit user").
 *
 * @csspart form - The form element.
 * @csspart field - Each field (label, control, hint and error).
 * @csspart error - A field's error message, and the error states.
 * @csspart group-picker - The group picker.
 * @csspart conflict - The "someone else saved first" alert.
 * @csspart actions - The cancel and submit buttons.
 * @csspart outcome - The live region announcing what was saved.
 * @csspart loading - The loading state.
 *
 * @cssproperty --roster-font-family - Font of all text.
 * @cssproperty --roster-color-text - Main text colour.
 * @cssproperty --roster-color-muted - Hints.
 * @cssproperty --roster-color-background - Background of the whole element.
 * @cssproperty --roster-color-surface - Background of inputs.
 * @cssproperty --roster-color-surface-alt - Background of chosen groups.
 * @cssproperty --roster-color-border - Input outlines.
 * @cssproperty --roster-color-accent - Submit button, focus ring.
 * @cssproperty --roster-color-accent-text - Text on the submit button.
 * @cssproperty --roster-color-danger - Errors.
 * @cssproperty --roster-radius - Corner radius.
 * @cssproperty --roster-space - Base spacing unit.
 *
 * @example
 * ```html
 * <roster-provider .roster=${roster}>
 *   <roster-user-form @roster-user-saved=${(e) => open(e.user)}></roster-user-form>
 *   <roster-user-form user-id="8f2c…"></roster-user-form>
 * </roster-provider>
 * ```
 */
export class RosterUserFormElement extends RosterElement {
  static override styles = [...RosterElement.styles, formControlStyles, userFormStyles];

  /** The user to edit; empty for a new user. */
  @property({ attribute: 'user-id' })
  accessor userId = '';

  @state() private accessor draft: Draft | undefined = undefined;
  /** Fields the admin has left at least once: their errors show from then on. */
  @state() private accessor touched: ReadonlySet<UserFormField> = new Set();
  /** After a submit, every field's error shows. */
  @state() private accessor submitted = false;
  /** Errors the backend reported (a taken email), until the field changes. */
  @state() private accessor serverErrors: FieldErrors = {};
  @state() private accessor saving = false;
  @state() private accessor formError = '';
  @state() private accessor stale: Stale | undefined = undefined;
  @state() private accessor outcome = '';
  @state() private accessor groupSearch = '';

  /** The stored user the draft started from (its version goes with the update). */
  private baseline: User | null = null;
  private seededFrom: Source | undefined;
  /** Names of groups seen, for the chosen-groups list. */
  private readonly groupNames = new Map<string, string>();
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly source = this.rosterTask({
    args: () => [this.userId] as const,
    task: async ({ roster, signal }, [userId]): Promise<Source> => {
      const settings = await roster.settings.get({ signal });
      if (!userId) return { user: null, missing: false, settings, groups: [] };
      const user = await roster.users.get(userId, { signal });
      if (!user) return { user: null, missing: true, settings, groups: [] };
      const groups = await Promise.all(
        user.groupIds.map((id) => roster.groups.get(id, { signal })),
      );
      return { user, missing: false, settings, groups: groups.filter((g) => g !== null) };
    },
  });

  private readonly groupResults = this.rosterTask({
    args: () => [this.groupSearch] as const,
    task: findGroups,
  });

  constructor() {
    super();
    this.onRosterChange(['groups'], () => void this.groupResults.run());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  /** Discards the draft and reads the user (or the blank form) again. */
  async reload(): Promise<void> {
    this.seededFrom = undefined;
    await this.source.run();
  }

  protected override willUpdate(): void {
    const source = this.source.value;
    if (source && source !== this.seededFrom) this.seed(source);
  }

  private seed(source: Source): void {
    this.seededFrom = source;
    for (const group of source.groups) this.groupNames.set(group.id, group.name);
    this.start(source.user, source.settings);
  }

  /** Starts over from a stored user (or a blank draft). */
  private start(user: User | null, settings: AccountSettings): void {
    const country = this.roster?.defaultCountry;
    this.baseline = user;
    this.draft = user ? draftOf(user, country) : blankDraft(country, settings.defaultRole);
    this.touched = new Set();
    this.submitted = false;
    this.serverErrors = {};
    this.formError = '';
    this.stale = undefined;
  }

  private set<K extends keyof Draft>(key: K, value: Draft[K]): void {
    if (!this.draft) return;
    this.draft = { ...this.draft, [key]: value };
    if (key in this.serverErrors) {
      const { [key as UserFormField]: _dropped, ...rest } = this.serverErrors;
      this.serverErrors = rest;
    }
  }

  private touch(field: UserFormField): void {
    if (!this.touched.has(field)) this.touched = new Set([...this.touched, field]);
  }

  /** The errors to show now: core's for touched fields (all after a submit), then the backend's. */
  private shownErrors(draft: Draft): FieldErrors {
    const { errors } = checkDraft(draft);
    const shown: FieldErrors = {};
    for (const field of FIELD_ORDER) {
      const message =
        this.serverErrors[field] ??
        (this.submitted || this.touched.has(field) ? errors[field] : undefined);
      if (message) shown[field] = message;
    }
    return shown;
  }

  override render() {
    const t = this.t.userForm;
    return this.renderTask(
      this.source,
      (source) =>
        source.missing
          ? html`<p class="state error" role="alert" part="error">${t.userNotFound}</p>`
          : this.draft
            ? this.renderForm(this.draft, source.settings)
            : this.renderLoading(t.loadingForm),
      t.loadingForm,
    );
  }

  private renderForm(draft: Draft, settings: AccountSettings) {
    const t = this.t.userForm;
    const errors = this.shownErrors(draft);
    const editing = this.baseline !== null;
    const roles = settings.roles.some((role) => role.id === draft.role)
      ? settings.roles
      : [...settings.roles, { id: draft.role, name: draft.role, owner: false }];
    return html`<form
      part="form"
      novalidate
      aria-labelledby="form-title"
      aria-busy=${this.saving ? 'true' : 'false'}
      @submit=${this.onSubmit}
    >
      <h2 id="form-title" class="title">
        <slot name="heading">${editing ? t.editUser : t.addUser}</slot>
      </h2>
      ${this.renderStale()}
      ${
        this.formError
          ? html`<p class="state error" role="alert" part="error">${this.formError}</p>`
          : nothing
      }
      ${
        this.submitted && Object.keys(errors).length
          ? html`<p class="error-summary" role="alert">
              ${t.fixErrors(Object.keys(errors).length)}
            </p>`
          : nothing
      }
      ${this.field('name', errors, {
        required: true,
        control: (described) =>
          html`<input
            id="field-name"
            type="text"
            autocomplete="off"
            required
            aria-required="true"
            aria-invalid=${errors.name ? 'true' : 'false'}
            aria-describedby=${described}
            .value=${live(draft.name)}
            @input=${(e: Event) => this.set('name', value(e))}
            @blur=${() => this.touch('name')}
          />`,
      })}
      ${this.field('email', errors, {
        hint: t.emailOrPhoneHint,
        control: (described) =>
          html`<input
            id="field-email"
            type="email"
            autocomplete="off"
            spellcheck="false"
            aria-invalid=${errors.email ? 'true' : 'false'}
            aria-describedby=${described}
            .value=${live(draft.email)}
            @input=${(e: Event) => this.set('email', value(e))}
            @blur=${() => this.touch('email')}
          />`,
      })}
      ${this.renderPhone(draft, errors)}
      ${this.field('role', errors, {
        control: (described) =>
          html`<select
            id="field-role"
            aria-invalid=${errors.role ? 'true' : 'false'}
            aria-describedby=${described}
            @change=${(e: Event) => this.set('role', value(e))}
          >
            ${roles.map(
              (role) =>
                html`<option value=${role.id} ?selected=${role.id === draft.role}>
                  ${role.name}
                </option>`,
            )}
          </select>`,
      })}
      ${groupPicker({
        t,
        selected: draft.groupIds.map((id) => ({ id, name: this.groupNames.get(id) ?? id })),
        results: this.groupResults.value,
        onSearch: (text) => this.searchGroups(text),
        onToggle: (group, chosen) => {
          this.groupNames.set(group.id, group.name);
          const others = draft.groupIds.filter((id) => id !== group.id);
          this.set('groupIds', chosen ? [...others, group.id] : others);
        },
      })}
      ${this.field('notes', errors, {
        control: (described) =>
          html`<textarea
            id="field-notes"
            rows="3"
            aria-invalid=${errors.notes ? 'true' : 'false'}
            aria-describedby=${described}
            .value=${live(draft.notes)}
            @input=${(e: Event) => this.set('notes', value(e))}
            @blur=${() => this.touch('notes')}
          ></textarea>`,
      })}
      ${this.field('externalId', errors, {
        control: (described) =>
          html`<input
            id="field-externalId"
            type="text"
            autocomplete="off"
            spellcheck="false"
            aria-invalid=${errors.externalId ? 'true' : 'false'}
            aria-describedby=${described}
            .value=${live(draft.externalId)}
            @input=${(e: Event) => this.set('externalId', value(e))}
            @blur=${() => this.touch('externalId')}
          />`,
      })}
      ${editing ? nothing : this.renderInvite(draft)}
      <div class="actions" part="actions">
        <button type="button" class="button" @click=${this.onCancel}>
          ${this.t.common.cancel}
        </button>
        <button type="submit" class="button primary" ?disabled=${this.saving}>
          ${this.saving ? t.saving : editing ? t.save : t.create}
        </button>
      </div>
      <p class="outcome" role="status" part="outcome">${this.outcome}</p>
    </form>`;
  }

  /** One labelled field with its hint and its error, wired by `aria-describedby`. */
  private field(
    name: UserFormField,
    errors: FieldErrors,
    options: {
      control: (describedBy: string) => TemplateResult;
      hint?: string;
      required?: boolean;
    },
  ) {
    const t = this.t.userForm;
    const error = errors[name];
    const described = [options.hint ? `${name}-hint` : '', error ? `${name}-error` : '']
      .filter(Boolean)
      .join(' ');
    return html`<div class="field" part="field">
      <label for="field-${name}">
        ${t.fields[name]}
        ${options.required ? html`<span class="muted">${t.required}</span>` : nothing}
      </label>
      ${options.control(described)}
      ${options.hint ? html`<p class="hint" id="${name}-hint">${options.hint}</p>` : nothing}
      ${error ? html`<p class="field-error" id="${name}-error" part="error">${error}</p>` : nothing}
    </div>`;
  }

  private renderPhone(draft: Draft, errors: FieldErrors) {
    const t = this.t.userForm;
    const error = errors.phone;
    return html`<div class="field" part="field">
      <span class="label" id="phone-label">${t.fields.phone}</span>
      <div class="phone" role="group" aria-labelledby="phone-label">
        <select
          id="field-country"
          aria-label=${t.country}
          @change=${(e: Event) => this.set('country', value(e) as Draft['country'])}
        >
          <option value="" ?selected=${draft.country === ''}>${t.noCountry}</option>
          ${countryOptions(this.localeTag).map(
            (option) =>
              html`<option value=${option.code} ?selected=${option.code === draft.country}>
                ${option.label}
              </option>`,
          )}
        </select>
        <input
          id="field-phone"
          type="tel"
          autocomplete="off"
          aria-labelledby="phone-label"
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? 'phone-hint phone-error' : 'phone-hint'}
          .value=${live(draft.phone)}
          @input=${(e: Event) => this.set('phone', value(e))}
          @blur=${() => this.touch('phone')}
        />
      </div>
      <p class="hint" id="phone-hint">${t.phoneHint}</p>
      ${error ? html`<p class="field-error" id="phone-error" part="error">${error}</p>` : nothing}
    </div>`;
  }

  private renderInvite(draft: Draft) {
    if (!this.can('invitations')) return nothing;
    const t = this.t.userForm;
    const email = draft.email.trim() !== '';
    const phone = draft.phone.trim() !== '';
    const hint = email ? t.inviteByEmail : phone ? t.inviteBySms : t.inviteNeedsContact;
    return html`<div class="field check" part="field">
      <label>
        <input
          type="checkbox"
          aria-describedby="invite-hint"
          .checked=${live(draft.invite)}
          ?disabled=${!email && !phone}
          @change=${(e: Event) => this.set('invite', (e.target as HTMLInputElement).checked)}
        />
        ${t.sendInvitation}
      </label>
      <p class="hint" id="invite-hint">${hint}</p>
    </div>`;
  }

  private renderStale() {
    const stale = this.stale;
    if (!stale) return nothing;
    const t = this.t.userForm;
    return html`<div class="conflict" role="alert" part="conflict" tabindex="-1">
      <strong>${t.staleTitle}</strong>
      <p>${t.staleBy(stale.who, stale.fields)}</p>
      <div class="actions">
        <button type="button" class="button" @click=${this.onReload}>${t.reload}</button>
        <button type="button" class="button danger" @click=${this.onOverwrite}>
          ${t.overwrite}
        </button>
      </div>
    </div>`;
  }

  private searchGroups(text: string): void {
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => (this.groupSearch = text.trim()), 200);
  }

  private readonly onCancel = () => {
    this.dispatchEvent(new RosterCancelEvent());
  };

  private readonly onReload = () => {
    const stale = this.stale;
    const settings = this.source.value?.settings;
    if (!stale || !settings) return;
    this.start(stale.current, settings);
    void this.focusLater('#field-name');
  };

  private readonly onOverwrite = () => {
    const stale = this.stale;
    if (stale) void this.save(stale.current);
  };

  private readonly onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    void this.save(this.stale?.current ?? this.baseline);
  };

  /** Saves the draft over `base` (the version read, or the newer one being overwritten). */
  private async save(base: User | null): Promise<void> {
    const roster = this.roster;
    const draft = this.draft;
    if (!roster || !draft || this.saving) return;
    const t = this.t.userForm;
    this.submitted = true;
    this.outcome = '';
    const { values, errors } = checkDraft(draft);
    if (!values) {
      await this.focusFirstInvalid(errors);
      return;
    }
    this.saving = true;
    this.formError = '';
    try {
      if (!base) {
        const invite = draft.invite && this.can('invitations');
        const user = await roster.users.create(values, { invite });
        const settings = this.source.value?.settings;
        if (settings) this.start(null, settings);
        this.outcome = t.created(user.name);
        this.dispatchEvent(new RosterUserSavedEvent(user, true));
      } else {
        const patch = patchFor(base, values);
        const user = Object.keys(patch).length
          ? await roster.users.update(base.id, patch, { version: base.version })
          : base;
        this.baseline = user;
        this.stale = undefined;
        this.serverErrors = {};
        this.outcome = t.saved(user.name);
        this.dispatchEvent(new RosterUserSavedEvent(user, false));
      }
    } catch (error) {
      await this.explain(error, base, values);
    } finally {
      this.saving = false;
    }
  }

  /** Puts a refused save where the admin can act on it. */
  private async explain(
    error: unknown,
    base: User | null,
    values: { email: string | null; phone: string | null; externalId: string | null },
  ): Promise<void> {
    const t = this.t.userForm;
    if (isRosterError(error, 'validation')) {
      const found: FieldErrors = {};
      for (const issue of (error as ValidationError).issues ?? []) {
        const field = issue.path[0];
        if (typeof field === 'string' && (FIELD_ORDER as readonly string[]).includes(field))
          found[field as UserFormField] ??= issue.message;
      }
      if (Object.keys(found).length) {
        this.serverErrors = found;
        await this.focusFirstInvalid(found);
        return;
      }
    }
    if (isRosterError(error, 'conflict')) {
      const current = base ? await this.roster?.users.get(base.id) : null;
      if (base && current && current.version !== base.version) {
        this.stale = {
          current,
          fields: changedFields(base, current).map((field) =>
            field === 'status' || field === 'deletedAt' ? t.otherFields[field] : t.fields[field],
          ),
          who: await this.whoChanged(base.id),
        };
        await this.focusLater('[part=conflict]');
        return;
      }
      const field = takenField(error, values);
      if (field) {
        this.serverErrors = { ...this.serverErrors, [field]: error.message };
        await this.focusFirstInvalid({ [field]: error.message });
        return;
      }
    }
    this.formError = t.saveFailed(errorMessage(error, this.t));
  }

  /** The name of whoever last changed the user, from the audit trail where there is one. */
  private async whoChanged(userId: string): Promise<string> {
    const someone = this.t.userForm.someoneElse;
    if (!this.roster || !this.can('audit')) return someone;
    try {
      const [latest] = await this.roster.audit.list({ userId, limit: 1 });
      return latest?.actor?.name ?? latest?.actor?.id ?? someone;
    } catch {
      return someone;
    }
  }

  private async focusFirstInvalid(errors: FieldErrors): Promise<void> {
    const field = FIELD_ORDER.find((name) => errors[name]);
    if (!field) return;
    await this.focusLater(field === 'groupIds' ? 'fieldset.groups input' : `#field-${field}`);
  }

  private async focusLater(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}

/** The value of the input or select an event came from. */
function value(event: Event): string {
  return (event.target as HTMLInputElement | HTMLSelectElement).value;
}

/**
 * Which unique field a conflict is about: the backend's `details.field` when it says,
 * else the field whose value the message names (remote backends word it the same way).
 */
function takenField(
  error: RosterError,
  values: { email: string | null; phone: string | null; externalId: string | null },
): 'email' | 'phone' | 'externalId' | undefined {
  const field = error.details['field'];
  if (field === 'email' || field === 'phone' || field === 'externalId') return field;
  const message = error.message.toLowerCase();
  for (const key of ['email', 'phone', 'externalId'] as const) {
    const shown = values[key];
    if (shown && message.includes(shown.toLowerCase())) return key;
  }
  return undefined;
}

declare global {
  interface HTMLElementTagNameMap {
    'roster-user-form': RosterUserFormElement;
  }
}
