import { isRosterError, type BulkResult, type Group, type Resource, type User } from '@roster/core';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { RosterElement } from '../foundation/roster-element.js';
import { errorMessage } from '../foundation/error-message.js';
import { userText } from '../foundation/user-text.js';
import { renderPager } from '../foundation/pager.js';
import { ConfirmDialog, confirmDialogStyles } from '../foundation/confirm-dialog.js';
import { RosterGroupSelectEvent } from './events.js';
import { fieldErrorsOf, renderField, type FieldErrors } from '../foundation/fields.js';
import { groupManagerStyles } from './roster-group-manager.styles.js';
import { formControlStyles } from '../styles/form-controls.js';
import { sectionStyles } from '../styles/section.js';
// Its texts, added to the foundation's translation table (German loads on first use).
import './messages.js';

/** Members shown per page in the group's member list. */
const MEMBER_PAGE = 20;
/** Users offered per search when adding members. */
const CANDIDATES = 8;
/** Groups listed at once (the search narrows a larger directory). */
const GROUP_PAGE = 100;

/**
 * The directory's groups: create, rename, delete, external IDs, members and the
 * resources a group grants. Selecting a group fires `roster-group-select`, which a
 * portal (or `<roster-admin>`) uses to filter its user table by the group.
 *
 * Members come from a user search in the element, or in bulk from a selection made
 * elsewhere: set {@link selection} to the selected user ids (e.g. from the user table's
 * `roster-selection-change`) and the element offers to add them, or call
 * {@link addMembers} directly.
 *
 * @summary Groups, their members and resources.
 *
 * @fires {RosterGroupSelectEvent} roster-group-select - The admin selected a group (`event.groupId`) or cleared the selection (`null`).
 *
 * @csspart groups - The panel listing the groups.
 * @csspart group - Each group's button in the list.
 * @csspart detail - The panel of the selected group.
 * @csspart members - The list of the selected group's members.
 * @csspart resources - The list of the resources the group grants.
 * @csspart dialog - The delete confirmation dialog.
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 *
 * @cssproperty --roster-font-family - Font of all text.
 * @cssproperty --roster-color-text - Main text colour.
 * @cssproperty --roster-color-muted - Secondary text colour.
 * @cssproperty --roster-color-background - Background of the whole element.
 * @cssproperty --roster-color-surface - Background of the panels.
 * @cssproperty --roster-color-surface-alt - Background of the selected group.
 * @cssproperty --roster-color-border - Lines and outlines.
 * @cssproperty --roster-color-accent - Buttons, focus ring, the selected group's marker.
 * @cssproperty --roster-color-danger - Errors and the delete button.
 * @cssproperty --roster-radius - Corner radius.
 * @cssproperty --roster-space - Base spacing unit.
 *
 * @slot - Nothing: the element renders everything itself.
 *
 * @example
 * ```html
 * <roster-provider .roster=${roster}>
 *   <roster-group-manager @roster-group-select=${(e) => (table.groupId = e.groupId)}></roster-group-manager>
 * </roster-provider>
 * ```
 */
export class RosterGroupManagerElement extends RosterElement {
  static override styles = [
    ...RosterElement.styles,
    formControlStyles,
    sectionStyles,
    confirmDialogStyles,
    groupManagerStyles,
  ];

  /** The id of the selected group (`null`: none). Set it to select a group from outside. */
  @property({ attribute: 'selected-group' })
  accessor selectedGroupId: string | null = null;

  /**
   * User ids selected elsewhere (e.g. the user table's selection): the element offers to
   * add them all to the selected group.
   */
  @property({ attribute: false })
  accessor selection: readonly string[] = [];

  @state() private accessor groupSearch = '';
  @state() private accessor userSearch = '';
  @state() private accessor memberCursors: readonly (string | undefined)[] = [undefined];
  @state() private accessor errors: FieldErrors = {};
  /** The last outcome, announced politely. */
  @state() private accessor notice = '';
  /** A failure that is not one field's, announced as an alert. */
  @state() private accessor problem = '';
  @state() private accessor stale = false;
  @state() private accessor busy = false;
  private readonly confirmation = new ConfirmDialog(this);

  private readonly groups = this.rosterTask({
    args: () => [this.groupSearch] as const,
    task: async ({ roster, signal }, [search]) => {
      const page = await roster.groups.list(
        { search: search || undefined, limit: GROUP_PAGE },
        { signal },
      );
      // One count per listed group: the backend counts, the element never loads members.
      const totals = await Promise.all(
        page.items.map(
          async (group) =>
            (await roster.users.list({ groupId: group.id, limit: 1 }, { signal })).total,
        ),
      );
      return { ...page, counts: new Map(page.items.map((group, i) => [group.id, totals[i]!])) };
    },
  });

  private readonly group = this.rosterTask({
    args: () => [this.selectedGroupId] as const,
    task: ({ roster, signal }, [id]) =>
      id ? roster.groups.get(id, { signal }) : Promise.resolve(null),
  });

  private readonly members = this.rosterTask({
    args: () => [this.selectedGroupId, this.memberCursors] as const,
    task: ({ roster, signal }, [groupId, cursors]) =>
      groupId
        ? roster.users.list(
            { groupId, limit: MEMBER_PAGE, cursor: cursors[cursors.length - 1] },
            { signal },
          )
        : Promise.resolve(null),
  });

  private readonly candidates = this.rosterTask({
    args: () => [this.userSearch] as const,
    task: ({ roster, signal }, [search]) =>
      search ? roster.users.list({ search, limit: CANDIDATES }, { signal }) : Promise.resolve(null),
  });

  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.onRosterChange(['groups'], () => {
      void this.groups.run();
      void this.group.run();
    });
    this.onRosterChange(['users'], () => {
      void this.groups.run();
      void this.members.run();
      if (this.userSearch) void this.candidates.run();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('selectedGroupId')) {
      this.memberCursors = [undefined];
      this.stale = false;
      this.errors = {};
    }
  }

  /**
   * Adds users to the selected group (or to `groupId`), in batches; the outcome is
   * announced. Resolves to the per-user results (an empty result without a group).
   *
   * @example
   * ```ts
   * table.addEventListener('roster-selection-change', (e) => (manager.selection = e.ids));
   * await manager.addMembers(['u-1', 'u-2']);
   * ```
   */
  async addMembers(
    userIds: readonly string[],
    groupId: string | null = this.selectedGroupId,
  ): Promise<BulkResult> {
    const roster = this.roster;
    if (!roster || !groupId || userIds.length === 0) return { succeeded: [], failed: [] };
    return this.act(
      async () => {
        const result = await roster.groups.addMembers(groupId, [...userIds]);
        const t = this.t.groupManager;
        this.notice = t.added(result.succeeded.length);
        if (result.failed.length)
          this.problem = `${t.addFailed(result.failed.length)} ${result.failed[0]!.message}`;
        return result;
      },
      { succeeded: [], failed: [] },
    );
  }

  /** Selects a group (or none) and tells the page. */
  private select(groupId: string | null): void {
    if (this.selectedGroupId === groupId) return;
    this.selectedGroupId = groupId;
    this.notice = '';
    this.problem = '';
    this.dispatchEvent(new RosterGroupSelectEvent(groupId));
  }

  /** Runs a write: one at a time, failures shown (field errors where they belong). */
  private async act<R>(work: () => Promise<R>, fallback: R, form?: string): Promise<R> {
    this.busy = true;
    this.problem = '';
    this.errors = {};
    try {
      return await work();
    } catch (error) {
      if (
        isRosterError(error, 'conflict') &&
        form === 'detail' &&
        error.details['field'] === undefined
      ) {
        this.stale = true;
      } else {
        const fields = form ? fieldErrorsOf(error, form) : {};
        if (Object.keys(fields).length) this.errors = fields;
        else this.problem = errorMessage(error, this.t);
      }
      return fallback;
    } finally {
      this.busy = false;
    }
  }

  private async create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const name = String(data.get('name') ?? '').trim();
    const externalId = String(data.get('externalId') ?? '').trim();
    if (!name) {
      this.errors = { 'create.name': this.t.groupManager.required };
      return;
    }
    const roster = this.roster;
    if (!roster) return;
    const group = await this.act(
      () => roster.groups.create({ name, externalId: externalId || null }),
      null,
      'create',
    );
    if (!group) return;
    form.reset();
    this.select(group.id);
    this.notice = this.t.groupManager.created(group.name);
  }

  private async save(event: SubmitEvent, group: Group): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const name = String(data.get('name') ?? '').trim();
    const externalId = String(data.get('externalId') ?? '').trim() || null;
    const description = String(data.get('description') ?? '');
    if (!name) {
      this.errors = { 'detail.name': this.t.groupManager.required };
      return;
    }
    const roster = this.roster;
    if (!roster) return;
    const saved = await this.act(
      () =>
        roster.groups.update(
          group.id,
          { name, externalId, description },
          { version: group.version },
        ),
      null,
      'detail',
    );
    if (saved) this.notice = this.t.groupManager.saved;
  }

  private reloadGroup(): void {
    this.stale = false;
    this.problem = '';
    void this.group.run();
  }

  private async confirmDelete(group: Group): Promise<void> {
    const t = this.t.groupManager;
    const members = this.groups.value?.counts.get(group.id) ?? this.members.value?.total ?? 0;
    const confirmed = await this.confirmation.ask({
      title: t.deleteTitle(group.name),
      message: t.deleteBody(group.name, members),
      confirm: t.deleteGroup,
      cancel: this.t.common.cancel,
      danger: true,
    });
    const roster = this.roster;
    if (!confirmed || !roster) return;
    const done = await this.act(async () => {
      await roster.groups.delete(group.id);
      return true;
    }, false);
    if (!done) return;
    this.select(null);
    this.notice = t.deleted(group.name);
    // The delete button left with the group: focus goes back to the list.
    await this.updateComplete;
    (
      this.renderRoot.querySelector<HTMLElement>('button.group') ??
      this.renderRoot.querySelector<HTMLElement>('input[type=search]')
    )?.focus();
  }

  private async removeMember(groupId: string, user: User): Promise<void> {
    const roster = this.roster;
    if (!roster) return;
    const result = await this.act(() => roster.groups.removeMembers(groupId, [user.id]), null);
    if (!result) return;
    if (result.failed.length) this.problem = result.failed[0]!.message;
    else this.notice = this.t.groupManager.removed(user.name);
  }

  private async saveResources(group: Group, resources: Resource[]): Promise<boolean> {
    const roster = this.roster;
    if (!roster) return false;
    const saved = await this.act(
      () => roster.groups.update(group.id, { resources }, { version: group.version }),
      null,
      'detail',
    );
    if (saved) this.notice = this.t.groupManager.saved;
    return saved !== null;
  }

  private async addResource(event: SubmitEvent, group: Group): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const type = String(data.get('type') ?? '').trim();
    const id = String(data.get('id') ?? '').trim();
    const name = String(data.get('name') ?? '').trim();
    const t = this.t.groupManager;
    const errors: Record<string, string> = {};
    if (!type) errors['resource.type'] = t.required;
    if (!id) errors['resource.id'] = t.required;
    else if (group.resources.some((r) => r.type === type && r.id === id))
      errors['resource.id'] = t.resourceExists;
    if (Object.keys(errors).length) {
      this.errors = errors;
      return;
    }
    const resource: Resource = name ? { type, id, name } : { type, id };
    if (await this.saveResources(group, [...group.resources, resource])) form.reset();
  }

  private onGroupSearch(event: Event): void {
    const value = (event.target as HTMLInputElement).value.trim();
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => (this.groupSearch = value), 200);
  }

  private onUserSearch(event: Event): void {
    const value = (event.target as HTMLInputElement).value.trim();
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => (this.userSearch = value), 200);
  }

  override render() {
    const t = this.t.groupManager;
    return html`
      <div class="layout">
        <section class="panel" part="groups" aria-labelledby="groups-heading">
          <h2 id="groups-heading">${t.groups}</h2>
          ${this.renderCreate()}
          <label class="field">
            <span>${t.searchGroups}</span>
            <input type="search" autocomplete="off" @input=${this.onGroupSearch} />
          </label>
          <div aria-busy=${this.isBusy(this.groups) ? 'true' : 'false'}>
            ${this.renderTask(this.groups, (page) => this.renderGroups(page.items, page.counts), t.loadingGroups)}
          </div>
        </section>
        <section
          class="panel"
          part="detail"
          aria-labelledby="detail-heading"
          aria-busy=${this.isBusy(this.group) ? 'true' : 'false'}
        >
          ${this.renderDetail()}
        </section>
      </div>
      <p class="visually-hidden" role="status">${this.notice}</p>
      ${this.problem ? html`<p class="state error" role="alert">${this.problem}</p>` : nothing}
      ${this.confirmation.render()}
    `;
  }

  private renderCreate() {
    const t = this.t.groupManager;
    return html`<form class="row create" @submit=${this.create} aria-labelledby="create-heading">
      <h3 id="create-heading" class="visually-hidden">${t.newGroup}</h3>
      ${renderField({ id: 'create.name', label: t.name, name: 'name', errors: this.errors })}
      ${renderField({
        id: 'create.externalId',
        label: t.externalId,
        name: 'externalId',
        hint: t.externalIdHint,
        errors: this.errors,
      })}
      <button type="submit" class="button primary" ?disabled=${this.busy}>${t.create}</button>
    </form>`;
  }

  private renderGroups(groups: readonly Group[], counts: ReadonlyMap<string, number>) {
    const t = this.t.groupManager;
    if (groups.length === 0)
      return html`<p class="state">${this.groupSearch ? t.noMatches : t.noGroups}</p>`;
    return html`<ul class="plain groups" aria-labelledby="groups-heading">
      ${groups.map((group) => {
        const selected = group.id === this.selectedGroupId;
        return html`<li>
          <button
            type="button"
            class="group"
            part="group"
            aria-current=${selected ? 'true' : 'false'}
            @click=${() => this.select(selected ? null : group.id)}
          >
            ${userText(group.name)}
            <span class="muted">${t.memberCount(counts.get(group.id) ?? 0)}</span>
          </button>
        </li>`;
      })}
    </ul>`;
  }

  private renderDetail() {
    const t = this.t.groupManager;
    if (!this.selectedGroupId)
      return html`<h2 id="detail-heading" class="visually-hidden">${t.details}</h2>
        <p class="state">${t.selectHint}</p>`;
    return this.renderTask(this.group, (group) => {
      // A reload of the same group keeps it on screen; another group's data never shows.
      if (group?.id !== this.selectedGroupId && this.isBusy(this.group))
        return this.renderLoading();
      if (!group)
        return html`<h2 id="detail-heading" class="visually-hidden">${t.details}</h2>
          <p class="state">${t.selectHint}</p>`;
      return html`
        <div class="detail-head">
          <h2 id="detail-heading">${userText(group.name)}</h2>
          <button type="button" class="button" @click=${() => this.select(null)}>
            ${t.showAll}
          </button>
        </div>
        ${
          this.stale
            ? html`<div class="state error" role="alert">
                <span>${t.staleGroup}</span>
                <button type="button" class="button" @click=${this.reloadGroup}>${t.reload}</button>
              </div>`
            : nothing
        }
        ${this.renderDetailsForm(group)} ${this.renderMembers(group)} ${this.renderResources(group)}
      `;
    });
  }

  private renderDetailsForm(group: Group) {
    const t = this.t.groupManager;
    // Keyed by version: a saved or reloaded group resets what the form shows.
    return keyed(
      `${group.id}:${group.version}`,
      html`<form
        class="details"
        aria-label=${t.details}
        data-version=${group.version}
        @submit=${(event: SubmitEvent) => this.save(event, group)}
      >
        <div class="row">
          ${renderField({
            id: 'detail.name',
            label: t.name,
            name: 'name',
            value: group.name,
            errors: this.errors,
          })}
          ${renderField({
            id: 'detail.externalId',
            label: t.externalId,
            name: 'externalId',
            value: group.externalId ?? '',
            errors: this.errors,
          })}
        </div>
        ${renderField({
          id: 'detail.description',
          label: t.description,
          name: 'description',
          value: group.description,
          errors: this.errors,
          multiline: true,
        })}
        <div class="row">
          <button type="submit" class="button primary" ?disabled=${this.busy}>
            ${this.t.common.save}
          </button>
          <button
            type="button"
            class="button danger"
            ?disabled=${this.busy}
            @click=${() => void this.confirmDelete(group)}
          >
            ${t.deleteGroup}
          </button>
        </div>
      </form>`,
    );
  }

  private renderMembers(group: Group) {
    const t = this.t.groupManager;
    return html`<section aria-labelledby="members-heading">
      <h3 id="members-heading">${t.members}</h3>
      <div aria-busy=${this.isBusy(this.members) ? 'true' : 'false'}>
        ${this.renderTask(this.members, (page) =>
          !page || page.total === 0
            ? html`<p class="state">${t.noMembers}</p>`
            : html`<ul class="plain" part="members" aria-labelledby="members-heading">
                  ${page.items.map(
                    (user) =>
                      html`<li>
                        <span
                          >${userText(user.name)}
                          <span class="muted">${userText(user.email, '')}</span></span
                        >
                        <button
                          type="button"
                          class="button"
                          aria-label=${t.removeMember(user.name)}
                          ?disabled=${this.busy}
                          @click=${() => this.removeMember(group.id, user)}
                        >
                          ${t.remove}
                        </button>
                      </li>`,
                  )}
                </ul>
                ${this.renderMemberPager(page.nextCursor)}`,
        )}
      </div>
      ${this.renderAddMembers(group)}
    </section>`;
  }

  private renderMemberPager(nextCursor: string | null) {
    const t = this.t.groupManager;
    return renderPager({
      label: t.members,
      hasPrevious: this.memberCursors.length > 1,
      hasNext: nextCursor !== null,
      previous: () => (this.memberCursors = this.memberCursors.slice(0, -1)),
      next: () => (this.memberCursors = [...this.memberCursors, nextCursor ?? undefined]),
      previousText: t.previousPage,
      nextText: t.nextPage,
    });
  }

  private renderAddMembers(group: Group) {
    const t = this.t.groupManager;
    const count = this.selection.length;
    return html`<div class="add-members">
      <h4 id="add-heading">${t.addMembers}</h4>
      ${
        count
          ? html`<button
              type="button"
              class="button primary"
              ?disabled=${this.busy}
              @click=${() => void this.addMembers(this.selection, group.id)}
            >
              ${t.addSelection(count)}
            </button>`
          : nothing
      }
      <label class="field">
        <span>${t.searchUsers}</span>
        <input type="search" autocomplete="off" @input=${this.onUserSearch} />
      </label>
      ${
        this.userSearch
          ? this.renderTask(this.candidates, (page) =>
              !page || page.items.length === 0
                ? html`<p class="state">${t.noUsersFound}</p>`
                : html`<ul class="plain" aria-labelledby="add-heading">
                    ${page.items.map((user) => {
                      const member = user.groupIds.includes(group.id);
                      return html`<li>
                        <span
                          >${userText(user.name)}
                          <span class="muted">${userText(user.email, '')}</span></span
                        >
                        ${
                          member
                            ? html`<span class="muted">${t.alreadyMember}</span>`
                            : html`<button
                                type="button"
                                class="button"
                                aria-label=${t.addMember(user.name)}
                                ?disabled=${this.busy}
                                @click=${() => void this.addMembers([user.id], group.id)}
                              >
                                ${t.add}
                              </button>`
                        }
                      </li>`;
                    })}
                  </ul>`,
            )
          : nothing
      }
    </div>`;
  }

  private renderResources(group: Group) {
    const t = this.t.groupManager;
    return html`<section aria-labelledby="resources-heading">
      <h3 id="resources-heading">${t.resources}</h3>
      <p class="muted">${t.resourcesHint}</p>
      ${
        group.resources.length === 0
          ? html`<p class="state">${t.noResources}</p>`
          : html`<ul class="plain" part="resources" aria-labelledby="resources-heading">
              ${group.resources.map((resource) => {
                const label = `${resource.type}: ${resource.name ?? resource.id}`;
                return html`<li>
                  <span>
                    <span class="badge">${userText(resource.type)}</span>
                    ${userText(resource.name ?? resource.id)}
                    ${resource.name ? html`<span class="muted">${userText(resource.id)}</span>` : nothing}
                  </span>
                  <button
                    type="button"
                    class="button"
                    aria-label=${t.removeResource(label)}
                    ?disabled=${this.busy}
                    @click=${() =>
                      this.saveResources(
                        group,
                        group.resources.filter((r) => r !== resource),
                      )}
                  >
                    ${t.remove}
                  </button>
                </li>`;
              })}
            </ul>`
      }
      <form
        class="row"
        aria-label=${t.addResource}
        @submit=${(event: SubmitEvent) => this.addResource(event, group)}
      >
        ${renderField({ id: 'resource.type', label: t.resourceType, name: 'type', errors: this.errors })}
        ${renderField({ id: 'resource.id', label: t.resourceId, name: 'id', errors: this.errors })}
        ${renderField({ id: 'resource.name', label: t.resourceName, name: 'name', errors: this.errors })}
        <button type="submit" class="button" ?disabled=${this.busy}>${t.addResource}</button>
      </form>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'roster-group-manager': RosterGroupManagerElement;
  }
}
