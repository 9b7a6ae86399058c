import {
  displayStatus,
  inheritedResources,
  type AccountSettings,
  type BulkResult,
  type Group,
  type Resource,
  type User,
  type UserDataExport,
} from '@roster/core';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { relativeTime } from '../foundation/time.js';
import { ConfirmDialog, confirmDialogStyles } from '../foundation/confirm-dialog.js';
import { errorMessage } from '../foundation/error-message.js';
import { formatDateTime } from '../foundation/format.js';
import { RosterElement } from '../foundation/roster-element.js';
import { userText } from '../foundation/user-text.js';
import { findGroups, groupPicker } from '../user-form/group-picker.js';
import { formControlStyles } from '../styles/form-controls.js';
import { userFormStyles } from '../user-form/roster-user-form.styles.js';
import { ACTIVITY_MAX, ACTIVITY_PAGE, activityItem } from './activity.js';
import { actionsFor, daysLeft, type UserAction } from './actions.js';
import { downloadFile } from './download.js';
import { RosterUserDeletedEvent } from './events.js';
import { statusBadgeStyles } from '../styles/status-badge.js';
import { userDetailsStyles } from './roster-user-details.styles.js';
// Its texts, and the user form's that its edit view shows, added to the foundation's
// translation table (German loads on first use).
import './messages.js';
import '../user-form/messages.js';

/** The user's page: the user, their groups and the settings that shape what is offered. */
interface Profile {
  user: User | null;
  groups: Group[];
  settings: AccountSettings;
}

/**
 * A user's page: their status and only the actions that status allows (confirmed where
 * they cannot be undone, each outcome announced), then sections: details (edited inline
 * with `<roster-user-form>`), groups (add, remove), what the groups give access to,
 * devices (`<roster-device-list>`), activity (the audit trail, newest first, paged) and
 * "request user data" (the export sent to the user, downloadable as JSON and CSV, the
 * message shown as sent). What the backend cannot do is not shown: no devices without
 * `devices`, no restore without `softDelete`, no invitations without `invitations`, no
 * activity without `audit`, no data request without `dataExport`.
 *
 * @summary Everything about one user, and what an admin can do to them.
 *
 * @fires {RosterUserDeletedEvent} roster-user-deleted - The admin deleted the user (`event.user`, `event.restorable`).
 * @fires {RosterUserSavedEvent} roster-user-saved - From the inline form: the user's details were saved.
 * @fires {RosterDeviceSignedOutEvent} roster-device-signed-out - From the device list: a device was signed out.
 *
 * @slot actions - Extra actions of the portal, after the built-in ones.
 *
 * @csspart header - The name, status and actions.
 * @csspart status - The status badge.
 * @csspart actions - The action buttons.
 * @csspart section - Each section (details, groups, access, devices, activity, data).
 * @csspart outcome - The live region announcing what an action did.
 * @csspart dialog - The confirmation dialog.
 * @csspart form - The inline edit form's form (forwarded from `<roster-user-form>`).
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 *
 * @cssproperty --roster-font-family - Font of all text.
 * @cssproperty --roster-color-text - Main text colour.
 * @cssproperty --roster-color-muted - Labels and hints.
 * @cssproperty --roster-color-background - Background of the whole element.
 * @cssproperty --roster-color-surface - Background of buttons and the dialog.
 * @cssproperty --roster-color-surface-alt - Background of the sent message.
 * @cssproperty --roster-color-border - Lines between sections.
 * @cssproperty --roster-color-accent - Primary buttons, focus ring.
 * @cssproperty --roster-color-danger - Destructive actions and errors.
 * @cssproperty --roster-radius - Corner radius.
 * @cssproperty --roster-space - Base spacing unit.
 * @cssproperty --roster-status-active - Colour of the active badge.
 * @cssproperty --roster-status-invited - Colour of the invited badge.
 * @cssproperty --roster-status-warning - Colour of expired, bounced and deleted badges.
 *
 * @example
 * ```html
 * <roster-provider .roster=${roster}>
 *   <roster-user-details user-id="8f2c…"></roster-user-details>
 * </roster-provider>
 * ```
 */
export class RosterUserDetailsElement extends RosterElement {
  static override styles = [
    ...RosterElement.styles,
    confirmDialogStyles,
    statusBadgeStyles,
    formControlStyles,
    userFormStyles,
    userDetailsStyles,
  ];

  /** The user shown. */
  @property({ attribute: 'user-id' })
  accessor userId = '';

  @state() private accessor editing = false;
  @state() private accessor busy: string | undefined = undefined;
  @state() private accessor outcome: { text: string; failed: boolean } = {
    text: '',
    failed: false,
  };
  @state() private accessor activityLimit = ACTIVITY_PAGE;
  @state() private accessor groupSearch = '';
  @state() private accessor dataExport: UserDataExport | undefined = undefined;

  private readonly confirmation = new ConfirmDialog(this);
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly profile = this.rosterTask({
    args: () => [this.userId] as const,
    task: async ({ roster, signal }, [userId]): Promise<Profile> => {
      const [user, settings] = await Promise.all([
        userId ? roster.users.get(userId, { signal }) : Promise.resolve(null),
        roster.settings.get({ signal }),
      ]);
      const groups = user
        ? await Promise.all(user.groupIds.map((id) => roster.groups.get(id, { signal })))
        : [];
      return { user, groups: groups.filter((group) => group !== null), settings };
    },
  });

  private readonly activity = this.rosterTask({
    args: () => [this.userId, this.can('audit'), this.activityLimit] as const,
    task: async ({ roster, signal }, [userId, supported, limit]) => {
      if (!userId || !supported) return { events: [], more: false };
      const events = await roster.audit.list(
        { userId, limit: Math.min(limit + 1, ACTIVITY_MAX) },
        { signal },
      );
      return { events: events.slice(0, limit), more: events.length > limit };
    },
  });

  private readonly groupResults = this.rosterTask({
    args: () => [this.groupSearch] as const,
    task: findGroups,
  });

  constructor() {
    super();
    this.onRosterChange(['users', 'groups', 'settings'], () => void this.profile.run());
    this.onRosterChange(['users', 'devices', 'groups'], () => void this.activity.run());
    this.onRosterChange(['groups'], () => void this.groupResults.run());
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('userId')) {
      this.editing = false;
      this.dataExport = undefined;
      this.activityLimit = ACTIVITY_PAGE;
      this.outcome = { text: '', failed: false };
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  /** Reloads the user (also done automatically when they change). */
  async reload(): Promise<void> {
    await Promise.all([this.profile.run(), this.activity.run()]);
  }

  override render() {
    const t = this.t.userDetails;
    return html`<div aria-busy=${this.isBusy(this.profile) ? 'true' : 'false'}>
        ${this.renderTask(
          this.profile,
          (profile) =>
            profile.user
              ? this.renderProfile(profile.user, profile)
              : html`<p class="state error" role="alert" part="error">${t.userNotFound}</p>`,
          t.loadingUser,
        )}
      </div>
      <p class="outcome" role="status" part="outcome">
        ${this.outcome.failed ? '' : this.outcome.text}
      </p>
      <p class="outcome failed" role="alert">${this.outcome.failed ? this.outcome.text : ''}</p>
      ${this.confirmation.render()}`;
  }

  private renderProfile(user: User, profile: Profile) {
    const now = new Date();
    const deleted = user.deletedAt !== null;
    return html`${this.renderHeader(user, profile.settings, now)}
    ${this.renderDetails(user, profile.settings, now)}
    ${deleted ? nothing : this.renderGroups(profile.groups)}
    ${this.renderAccess(user, profile.groups)}
    ${!deleted && this.can('devices') ? this.renderDevices(user) : nothing}
    ${this.can('audit') ? this.renderActivity(now) : nothing}
    ${this.can('dataExport') ? this.renderData(user) : nothing}`;
  }

  private renderHeader(user: User, settings: AccountSettings, now: Date) {
    const t = this.t.userDetails;
    const status = displayStatus(user, now);
    const badge = user.deletedAt
      ? html`<span class="status" part="status" data-status="deleted">${t.deleted}</span>`
      : html`<span class="status" part="status" data-status=${status}
          >${this.t.common.status[status]}</span
        >`;
    return html`<div class="header" part="header">
      <h2 id="user-name" tabindex="-1">${userText(user.name)} ${badge}</h2>
      ${this.statusNote(user, status, settings, now)}
      <div class="actions" part="actions" role="group" aria-label=${t.actions}>
        ${actionsFor(user, now, (capability) => this.can(capability)).map(
          (action) =>
            html`<button
              type="button"
              class="button ${action === 'delete' || action === 'deactivate' ? 'danger' : ''}"
              ?disabled=${this.busy !== undefined}
              @click=${() => void this.act(action, user, settings)}
            >
              ${t.action[action]}
            </button>`,
        )}
        <slot name="actions"></slot>
      </div>
    </div>`;
  }

  private statusNote(user: User, status: string, settings: AccountSettings, now: Date) {
    const t = this.t.userDetails;
    const date = (iso: string) => formatDateTime(iso, this.localeTag);
    if (user.deletedAt)
      return html`<p class="status-note">
        ${t.daysLeft(daysLeft(user.deletedAt, settings.retentionDays, now))}
      </p>`;
    const invitation = user.invitation;
    if (status === 'bounced' && invitation)
      return html`<p class="status-note">
        ${t.bouncedBecause(invitation.bounceReason ?? this.t.common.unknownError)}
      </p>`;
    if (status === 'expired' && invitation)
      return html`<p class="status-note">${t.expiredOn(date(invitation.expiresAt))}</p>`;
    if (status === 'invited' && invitation)
      return html`<p class="status-note muted">${t.invitedUntil(date(invitation.expiresAt))}</p>`;
    return nothing;
  }

  private section(id: string, title: string, body: unknown) {
    return html`<section part="section" aria-labelledby="section-${id}">
      <h3 id="section-${id}">${title}</h3>
      ${body}
    </section>`;
  }

  private renderDetails(user: User, settings: AccountSettings, now: Date) {
    const t = this.t.userDetails;
    if (this.editing)
      return this.section(
        'details',
        t.sectionDetails,
        html`<roster-user-form
          exportparts="form"
          .roster=${this.roster}
          locale=${ifDefined(this.locale)}
          user-id=${user.id}
          @roster-user-saved=${this.onSaved}
          @roster-cancel=${this.onCancelEdit}
        ></roster-user-form>`,
      );
    const role = settings.roles.find((candidate) => candidate.id === user.role)?.name ?? user.role;
    const mail = user.email ? `mailto:${user.email}` : undefined;
    return this.section(
      'details',
      t.sectionDetails,
      html`<dl class="facts">
          <dt>${t.email}</dt>
          <dd>${mail ? html`<a href=${mail}>${userText(user.email)}</a>` : userText(null)}</dd>
          <dt>${t.phone}</dt>
          <dd>${userText(user.phone)}</dd>
          <dt>${t.role}</dt>
          <dd>${userText(role)}</dd>
          <dt>${t.externalId}</dt>
          <dd>${userText(user.externalId)}</dd>
          <dt>${t.notes}</dt>
          <dd class="notes" dir="auto">${user.notes || this.t.common.none}</dd>
          <dt>${t.created}</dt>
          <dd>${relativeTime(user.createdAt, now, this.localeTag)}</dd>
          <dt>${t.lastSignIn}</dt>
          <dd>
            ${
              user.lastLoginAt
                ? relativeTime(user.lastLoginAt, now, this.localeTag)
                : this.t.common.never
            }
          </dd>
        </dl>
        ${
          user.deletedAt
            ? nothing
            : html`<button type="button" class="button" id="edit" @click=${this.onEdit}>
                ${t.edit}
              </button>`
        }`,
    );
  }

  private renderGroups(groups: Group[]) {
    const t = this.t.userDetails;
    return this.section(
      'groups',
      t.sectionGroups,
      groupPicker({
        t: this.t.userForm,
        selected: groups,
        results: this.groupResults.value,
        onSearch: (text) => {
          clearTimeout(this.searchTimer);
          this.searchTimer = setTimeout(() => (this.groupSearch = text.trim()), 200);
        },
        onToggle: (group, chosen) => void this.setMembership(group, chosen),
      }),
    );
  }

  private renderAccess(user: User, groups: Group[]) {
    const t = this.t.userDetails;
    const resources = inheritedResources(user, groups);
    const via = (resource: Resource) =>
      groups
        .filter((group) =>
          group.resources.some((r) => r.type === resource.type && r.id === resource.id),
        )
        .map((group) => group.name)
        .join(', ');
    return this.section(
      'access',
      t.sectionAccess,
      html`<p class="hint">${t.accessHint}</p>
        ${
          resources.length
            ? html`<ul class="plain">
                ${resources.map(
                  (resource) =>
                    html`<li>
                      <strong>${userText(resource.name ?? resource.id)}</strong>
                      <span class="muted">${resource.type}</span>
                      <span class="muted">${userText(t.via(via(resource)))}</span>
                    </li>`,
                )}
              </ul>`
            : html`<p class="muted">${t.noAccess}</p>`
        }`,
    );
  }

  private renderDevices(user: User) {
    return this.section(
      'devices',
      this.t.userDetails.sectionDevices,
      html`<roster-device-list
        .roster=${this.roster}
        locale=${ifDefined(this.locale)}
        user-id=${user.id}
      ></roster-device-list>`,
    );
  }

  private renderActivity(now: Date) {
    const t = this.t.userDetails;
    return this.section(
      'activity',
      t.sectionActivity,
      this.renderTask(this.activity, ({ events, more }) =>
        events.length === 0
          ? html`<p class="muted">${t.noActivity}</p>`
          : html`<ol class="plain activity" aria-labelledby="section-activity">
                ${repeat(
                  events,
                  (event) => event.id,
                  (event) =>
                    activityItem(event, { details: t, form: this.t.userForm }, now, this.localeTag),
                )}
              </ol>
              ${
                more && this.activityLimit < ACTIVITY_MAX - 1
                  ? html`<button type="button" class="button" @click=${this.onShowOlder}>
                      ${t.showOlder}
                    </button>`
                  : more
                    ? html`<p class="hint">${t.activityCapped(events.length)}</p>`
                    : nothing
              }`,
      ),
    );
  }

  private renderData(user: User) {
    const t = this.t.userDetails;
    const result = this.dataExport;
    const message = result?.message;
    return this.section(
      'data',
      t.sectionData,
      html`<p class="hint">${t.dataHint}</p>
        <button
          type="button"
          class="button"
          ?disabled=${this.busy !== undefined}
          @click=${() => void this.requestData(user)}
        >
          ${this.busy === 'data' ? t.requesting : t.requestData}
        </button>
        ${
          result
            ? html`<div class="data-result">
                <p>${t.dataReady}</p>
                <div class="actions">
                  ${result.files.map(
                    (file) =>
                      html`<button type="button" class="button" @click=${() => downloadFile(file)}>
                        ${t.download(file.filename)}
                      </button>`,
                  )}
                </div>
                ${
                  message
                    ? html`<p>${t.sentTo(message.to, message.channel)}</p>
                        ${
                          message.status === 'failed'
                            ? html`<p class="field-error">${t.sendFailed(message.error ?? '')}</p>`
                            : nothing
                        }
                        <div class="message" dir="auto">
                          <strong>${message.subject}</strong>
                          <div>${message.body}</div>
                        </div>`
                    : html`<p class="muted">${t.noMessage}</p>`
                }
              </div>`
            : nothing
        }`,
    );
  }

  private readonly onEdit = () => {
    this.editing = true;
  };

  private readonly onSaved = () => {
    this.editing = false;
    void this.profile.run();
    void this.focusAfterUpdate('#edit');
  };

  private readonly onCancelEdit = (event: Event) => {
    event.stopPropagation();
    this.editing = false;
    void this.focusAfterUpdate('#edit');
  };

  private readonly onShowOlder = () => {
    this.activityLimit = Math.min(this.activityLimit + ACTIVITY_PAGE, ACTIVITY_MAX - 1);
  };

  /** Runs one action on the user: confirmed first where it cannot be undone, then announced. */
  private async act(action: UserAction, user: User, settings: AccountSettings): Promise<void> {
    const roster = this.roster;
    if (!roster) return;
    const t = this.t.userDetails;
    const fallback = () => this.renderRoot.querySelector<HTMLElement>('#user-name');
    if (action === 'deactivate' || action === 'delete') {
      const soft = this.can('softDelete');
      const ok = await this.confirmation.ask(
        {
          title:
            action === 'delete'
              ? t.confirmDelete.title(user.name)
              : t.confirmDeactivate.title(user.name),
          message:
            action === 'delete'
              ? soft
                ? t.confirmDelete.soft(settings.retentionDays)
                : t.confirmDelete.final
              : t.confirmDeactivate.message,
          confirm: t.action[action],
          cancel: this.t.common.cancel,
          danger: true,
        },
        fallback,
      );
      if (!ok) return;
    }
    this.busy = action;
    try {
      const ids = [user.id];
      const results: BulkResult[] = [];
      if (action === 'restore') await roster.users.restore(user.id);
      else if (action === 'resendInvite') results.push(await roster.users.resendInvite(ids));
      else if (action === 'sendInvite') {
        results.push(await roster.users.reactivate(ids));
        if (!results[0]!.failed.length) results.push(await roster.users.resendInvite(ids));
      } else if (action === 'resetPassword') results.push(await roster.users.resetPassword(ids));
      else if (action === 'deactivate') results.push(await roster.users.deactivate(ids));
      else if (action === 'reactivate') results.push(await roster.users.reactivate(ids));
      else results.push(await roster.users.delete(ids));
      const failure = results.flatMap((result) => result.failed)[0];
      this.outcome = failure
        ? { text: t.failed(failure.message), failed: true }
        : { text: t.done[action](user.name), failed: false };
      if (!failure && action === 'delete')
        this.dispatchEvent(new RosterUserDeletedEvent(user, this.can('softDelete')));
      await this.profile.run();
    } catch (error) {
      this.outcome = { text: t.failed(errorMessage(error, this.t)), failed: true };
    } finally {
      this.busy = undefined;
    }
    // The button pressed may be gone (the status changed): keep focus on the user's page.
    await this.focusAfterUpdate('#user-name', true);
  }

  private async setMembership(group: Pick<Group, 'id' | 'name'>, chosen: boolean) {
    const roster = this.roster;
    if (!roster || !this.userId) return;
    const t = this.t.userDetails;
    try {
      const result = chosen
        ? await roster.groups.addMembers(group.id, [this.userId])
        : await roster.groups.removeMembers(group.id, [this.userId]);
      const failure = result.failed[0];
      this.outcome = failure
        ? { text: t.failed(failure.message), failed: true }
        : { text: chosen ? t.addedTo(group.name) : t.removedFrom(group.name), failed: false };
      await this.profile.run();
    } catch (error) {
      this.outcome = { text: t.failed(errorMessage(error, this.t)), failed: true };
    }
    if (!chosen) await this.focusAfterUpdate('fieldset.groups input[type=search]', true);
  }

  private async requestData(user: User): Promise<void> {
    const roster = this.roster;
    if (!roster) return;
    const t = this.t.userDetails;
    const ok = await this.confirmation.ask({
      title: t.confirmData.title(user.name),
      message: t.confirmData.message,
      confirm: t.confirmData.confirm,
      cancel: this.t.common.cancel,
    });
    if (!ok) return;
    this.busy = 'data';
    try {
      this.dataExport = await roster.users.requestData(user.id);
      this.outcome = { text: t.dataReady, failed: false };
    } catch (error) {
      this.outcome = { text: t.failed(errorMessage(error, this.t)), failed: true };
    } finally {
      this.busy = undefined;
    }
  }

  /** Focuses `selector` once rendered; with `onlyIfLost`, only when focus left the page. */
  private async focusAfterUpdate(selector: string, onlyIfLost = false): Promise<void> {
    await this.updateComplete;
    const active = this.shadowRoot?.activeElement;
    if (onlyIfLost && active && active.isConnected) return;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'roster-user-details': RosterUserDetailsElement;
  }
}
