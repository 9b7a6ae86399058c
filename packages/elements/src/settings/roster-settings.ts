import {
  checkPassword,
  isRosterError,
  type AccountSettings,
  type PasswordPolicy,
} from '@roster/core';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { RosterElement } from '../foundation/roster-element.js';
import { errorMessage } from '../foundation/error-message.js';
import { userText } from '../foundation/user-text.js';
import { fieldErrorsOf, renderField, type FieldErrors } from '../foundation/fields.js';
import { formControlStyles } from '../styles/form-controls.js';
import { sectionStyles } from '../styles/section.js';
import {
  checkDraft,
  draftOf,
  POLICY_FLAGS,
  rangeOf,
  roleIdFor,
  type NumberField,
  type SettingsDraft,
} from './draft.js';
import { settingsStyles } from './roster-settings.styles.js';
import { RosterSettingsSaveEvent } from './events.js';
// Its texts, added to the foundation's translation table (German loads on first use).
import './messages.js';

/**
 * The account settings: the password policy (with a live check of a sample password
 * against it), devices per user, invitation expiry, how long deleted users are kept, and
 * the roles users can have. Edits are validated with core's schemas before saving, and
 * saved with the version that was read: when someone else saved meanwhile, the element
 * says so and offers to reload instead of overwriting their change.
 *
 * @summary Account settings: password policy, limits, roles.
 *
 * @fires {RosterSettingsSaveEvent} roster-settings-save - The settings were saved (`event.settings`).
 *
 * @csspart form - The settings form.
 * @csspart password-check - The sample password's result.
 * @csspart roles - The roles table.
 * @csspart actions - The save / discard bar.
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 *
 * @cssproperty --roster-font-family - Font of all text.
 * @cssproperty --roster-color-text - Main text colour.
 * @cssproperty --roster-color-muted - Hints and labels.
 * @cssproperty --roster-color-background - Background of the whole element.
 * @cssproperty --roster-color-surface - Background of fields and the roles table.
 * @cssproperty --roster-color-surface-alt - Background of the roles table header.
 * @cssproperty --roster-color-border - Lines and outlines.
 * @cssproperty --roster-color-accent - Buttons and the focus ring.
 * @cssproperty --roster-color-danger - Errors and unmet rules.
 * @cssproperty --roster-radius - Corner radius.
 * @cssproperty --roster-space - Base spacing unit.
 *
 * @slot - Nothing: the element renders everything itself.
 *
 * @example
 * ```html
 * <roster-provider .roster=${roster}><roster-settings></roster-settings></roster-provider>
 * ```
 */
export class RosterSettingsElement extends RosterElement {
  static override styles = [
    ...RosterElement.styles,
    formControlStyles,
    sectionStyles,
    settingsStyles,
  ];

  /** What the form shows; `undefined` until the settings are loaded. */
  @state() private accessor draft: SettingsDraft | undefined = undefined;
  /** The stored settings the draft started from (their version goes with the save). */
  @state() private accessor base: AccountSettings | undefined = undefined;
  @state() private accessor dirty = false;
  @state() private accessor errors: FieldErrors = {};
  @state() private accessor sample = '';
  @state() private accessor sampleOwner = '';
  @state() private accessor notice = '';
  @state() private accessor problem = '';
  @state() private accessor stale = false;
  @state() private accessor saving = false;

  private readonly settings = this.rosterTask({
    args: () => [] as const,
    task: ({ roster, signal }) => roster.settings.get({ signal }),
  });

  constructor() {
    super();
    // Another admin's save shows at once unless this one is editing (their save then
    // meets a version check).
    this.onRosterChange(['settings'], () => void this.settings.run());
  }

  override willUpdate(): void {
    const loaded = this.settings.value;
    if (loaded && loaded !== this.base && (!this.dirty || !this.base)) this.adopt(loaded);
  }

  private adopt(settings: AccountSettings): void {
    this.base = settings;
    this.draft = draftOf(settings);
    this.dirty = false;
    this.errors = {};
    this.stale = false;
  }

  private edit(change: (draft: SettingsDraft) => SettingsDraft): void {
    if (!this.draft) return;
    this.draft = change(this.draft);
    this.dirty = true;
    this.notice = '';
  }

  private setNumber(field: NumberField, value: string): void {
    this.edit((draft) => ({ ...draft, numbers: { ...draft.numbers, [field]: value } }));
  }

  /** The policy the sample is checked against: the draft's, with a usable length. */
  private samplePolicy(draft: SettingsDraft, base: AccountSettings): PasswordPolicy {
    const length = Number(draft.numbers['passwordPolicy.minLength']);
    const { min, max } = rangeOf('passwordPolicy.minLength');
    return {
      ...draft.flags,
      minLength:
        Number.isInteger(length) && length >= min && length <= max
          ? length
          : base.passwordPolicy.minLength,
    };
  }

  private async removeRole(id: string): Promise<void> {
    const draft = this.draft;
    const roster = this.roster;
    if (!draft || !roster) return;
    const role = draft.roles.find((r) => r.id === id);
    if (!role) return;
    const t = this.t.settings;
    this.problem = '';
    if (draft.roles.length === 1) {
      this.problem = t.lastRole;
      return;
    }
    if (draft.defaultRole === id) {
      this.problem = t.roleIsDefault(role.name);
      return;
    }
    // Only roles nobody holds may go; the backend checks again when the settings are saved.
    try {
      const { total } = await roster.users.list({ role: [id], limit: 1 });
      if (total > 0) {
        this.problem = t.roleHeld(role.name, total);
        return;
      }
    } catch (error) {
      this.problem = errorMessage(error, this.t);
      return;
    }
    this.edit((d) => ({ ...d, roles: d.roles.filter((r) => r.id !== id) }));
  }

  /** Adds the role typed in the "new role" group (a group, not a form: forms do not nest). */
  private addRole(): void {
    const nameInput = this.renderRoot.querySelector<HTMLInputElement>('[name="newRoleName"]');
    const idInput = this.renderRoot.querySelector<HTMLInputElement>('[name="newRoleId"]');
    if (!nameInput || !idInput) return;
    const name = nameInput.value.trim();
    const id = idInput.value.trim() || roleIdFor(name);
    const t = this.t.settings;
    if (!name) {
      this.errors = { 'newRole.name': t.required };
      return;
    }
    if (this.draft?.roles.some((role) => role.id === id)) {
      this.errors = { 'newRole.id': t.roleIdTaken };
      return;
    }
    this.errors = {};
    this.edit((d) => ({ ...d, roles: [...d.roles, { id, name, owner: false }] }));
    nameInput.value = '';
    idInput.value = '';
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const draft = this.draft;
    const base = this.base;
    const roster = this.roster;
    if (!draft || !base || !roster) return;
    const t = this.t.settings;
    this.notice = '';
    this.problem = '';
    const check = checkDraft(draft, t);
    if (!check.ok) {
      this.errors = check.errors;
      this.problem = t.fixErrors(Object.keys(check.errors).length);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
      return;
    }
    this.errors = {};
    this.saving = true;
    try {
      const saved = await roster.settings.update(check.patch, { version: base.version });
      this.adopt(saved);
      this.notice = t.saved;
      this.dispatchEvent(new RosterSettingsSaveEvent(saved));
    } catch (error) {
      if (isRosterError(error, 'conflict')) this.stale = true;
      else {
        const fields = fieldErrorsOf(error, 'settings');
        this.errors = fields;
        this.problem = errorMessage(error, this.t);
      }
    } finally {
      this.saving = false;
    }
  }

  private discard(): void {
    if (this.base) this.adopt(this.base);
    this.problem = '';
  }

  private reload(): void {
    this.dirty = false;
    this.stale = false;
    this.problem = '';
    void this.settings.run();
  }

  override render() {
    const t = this.t.settings;
    return html`<section aria-labelledby="settings-heading">
      <h2 id="settings-heading">${t.settings}</h2>
      <div aria-busy=${this.isBusy(this.settings) ? 'true' : 'false'}>
        ${this.renderTask(
          this.settings,
          () => (this.draft && this.base ? this.renderForm(this.draft, this.base) : nothing),
          t.loadingSettings,
        )}
      </div>
    </section>`;
  }

  private renderForm(draft: SettingsDraft, base: AccountSettings) {
    const t = this.t.settings;
    return html`<form
      part="form"
      aria-labelledby="settings-heading"
      novalidate
      @submit=${this.save}
    >
      <fieldset>
        <legend>${t.passwordPolicy}</legend>
        ${this.renderNumber('passwordPolicy.minLength', t.minLength, draft)}
        ${POLICY_FLAGS.map(
          (flag) =>
            html`<label class="check">
              <input
                type="checkbox"
                .checked=${draft.flags[flag]}
                @change=${(event: Event) =>
                  this.edit((d) => ({
                    ...d,
                    flags: { ...d.flags, [flag]: (event.target as HTMLInputElement).checked },
                  }))}
              />
              ${t[flag]}
            </label>`,
        )}
        ${this.renderSample(draft, base)}
      </fieldset>
      <fieldset>
        <legend>${t.limits}</legend>
        ${this.renderNumber('maxDevicesPerUser', t.maxDevicesPerUser, draft, t.maxDevicesHint)}
        ${this.renderNumber('invitationExpiryDays', t.invitationExpiryDays, draft, t.invitationExpiryHint)}
        ${this.renderNumber('retentionDays', t.retentionDays, draft, t.retentionHint)}
      </fieldset>
      ${this.renderRoles(draft)}
      ${
        this.stale
          ? html`<div class="state error" role="alert">
              <span>${t.stale}</span>
              <button type="button" class="button" @click=${this.reload}>${t.reload}</button>
            </div>`
          : nothing
      }
      ${this.problem ? html`<p class="state error" role="alert">${this.problem}</p>` : nothing}
      <div class="actions" part="actions">
        <button type="submit" class="button primary" ?disabled=${this.saving || !this.dirty}>
          ${this.t.common.save}
        </button>
        <button type="button" class="button" ?disabled=${!this.dirty} @click=${this.discard}>
          ${t.discard}
        </button>
        <span role="status" class="muted">${this.notice || (this.dirty ? t.unsaved : '')}</span>
      </div>
    </form>`;
  }

  private renderNumber(field: NumberField, label: string, draft: SettingsDraft, hint?: string) {
    const { min, max } = rangeOf(field);
    return renderField({
      id: `settings.${field}`,
      label,
      name: field,
      type: 'number',
      min,
      max,
      hint,
      value: draft.numbers[field],
      errors: this.errors,
      onInput: (value) => this.setNumber(field, value),
    });
  }

  private renderSample(draft: SettingsDraft, base: AccountSettings) {
    const t = this.t.settings;
    const policy = this.samplePolicy(draft, base);
    const owner = this.sampleOwner.includes('@')
      ? { email: this.sampleOwner }
      : { name: this.sampleOwner };
    const problems = this.sample ? checkPassword(policy, this.sample, owner) : [];
    return html`<div class="sample">
      <div class="row">
        ${renderField({
          id: 'sample.password',
          label: t.samplePassword,
          name: 'sample',
          hint: t.samplePasswordHint,
          value: this.sample,
          errors: {},
          onInput: (value) => (this.sample = value),
        })}
        ${renderField({
          id: 'sample.owner',
          label: t.sampleOwner,
          name: 'sampleOwner',
          hint: t.sampleOwnerHint,
          value: this.sampleOwner,
          errors: {},
          onInput: (value) => (this.sampleOwner = value),
        })}
      </div>
      <div role="status" class="check-result" part="password-check">
        ${
          !this.sample
            ? html`<span class="muted">${t.sampleEmpty}</span>`
            : problems.length === 0
              ? html`<span class="ok">${t.sampleMeets}</span>`
              : html`<span>${t.sampleUnmet(problems.length)}</span>
                  <ul>
                    ${problems.map((problem) => html`<li>${t.rule[problem.rule](policy)}</li>`)}
                  </ul>`
        }
      </div>
    </div>`;
  }

  private renderRoles(draft: SettingsDraft) {
    const t = this.t.settings;
    return html`<fieldset>
      <legend>${t.roles}</legend>
      <div class="table-frame">
        <table part="roles">
          <caption class="visually-hidden">
            ${t.roles}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t.roleId}</th>
              <th scope="col">${t.roleName}</th>
              <th scope="col">${t.roleOwner}</th>
              <th scope="col">${t.defaultRole}</th>
              <th scope="col"><span class="visually-hidden">${t.actions}</span></th>
            </tr>
          </thead>
          <tbody>
            ${draft.roles.map((role, index) => {
              const nameId = `settings.roles.${index}.name`;
              const error = this.errors[nameId];
              return html`<tr>
                <td>${userText(role.id)}</td>
                <td>
                  <input
                    id=${nameId}
                    aria-label=${`${t.roleName} (${role.id})`}
                    aria-invalid=${error ? 'true' : 'false'}
                    aria-describedby=${error ? `${nameId}-error` : nothing}
                    .value=${role.name}
                    @input=${(event: Event) => {
                      const name = (event.target as HTMLInputElement).value;
                      this.edit((d) => ({
                        ...d,
                        roles: d.roles.map((r) => (r.id === role.id ? { ...r, name } : r)),
                      }));
                    }}
                  />
                  ${error ? html`<p id=${`${nameId}-error`} class="field-error">${error}</p>` : nothing}
                </td>
                <td>${role.owner ? t.ownerRole : html`<span class="muted">—</span>`}</td>
                <td>
                  <input
                    type="radio"
                    name="defaultRole"
                    aria-label=${t.isDefault(role.name)}
                    .checked=${draft.defaultRole === role.id}
                    @change=${() => this.edit((d) => ({ ...d, defaultRole: role.id }))}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    class="button"
                    aria-label=${t.removeRole(role.name)}
                    @click=${() => this.removeRole(role.id)}
                  >
                    ${t.remove}
                  </button>
                </td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      <div
        class="row"
        role="group"
        aria-label=${t.newRole}
        @keydown=${(event: KeyboardEvent) => {
          // Enter adds the role instead of saving the whole form.
          if (event.key !== 'Enter' || !(event.target instanceof HTMLInputElement)) return;
          event.preventDefault();
          this.addRole();
        }}
      >
        ${renderField({ id: 'newRole.name', label: t.roleName, name: 'newRoleName', errors: this.errors })}
        ${renderField({
          id: 'newRole.id',
          label: t.roleId,
          name: 'newRoleId',
          hint: t.newRoleIdHint,
          errors: this.errors,
        })}
        <button type="button" class="button" @click=${this.addRole}>${t.addRole}</button>
      </div>
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'roster-settings': RosterSettingsElement;
  }
}
