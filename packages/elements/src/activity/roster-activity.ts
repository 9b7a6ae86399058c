import type { AuditEvent } from '@roster/core';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { RosterElement } from '../foundation/roster-element.js';
import { exactTime } from '../foundation/time.js';
import { userText } from '../foundation/user-text.js';
import { renderPager } from '../foundation/pager.js';
import { formControlStyles } from '../styles/form-controls.js';
import { sectionStyles } from '../styles/section.js';
import { activityPage, type ActivityCursor } from './paging.js';
import { activityStyles } from './roster-activity.styles.js';
// Its texts, added to the foundation's translation table (German loads on first use).
import './messages.js';

/** Users offered per search in the user filter. */
const CANDIDATES = 8;

/** The `name` a before/after snapshot carries (users, groups, devices have one). */
function nameIn(snapshot: unknown): string | undefined {
  if (typeof snapshot !== 'object' || snapshot === null || !('name' in snapshot)) return undefined;
  const name = (snapshot as { name: unknown }).name;
  return typeof name === 'string' && name ? name : undefined;
}

/**
 * The audit trail (`capabilities.audit`): who did what to which record, when, newest
 * first, paged. Filter by action, by the admin who did it ("done by": part of a name or
 * id), and by the user concerned (search, or activate a user in the list).
 *
 * The facade's audit list narrows by action, user and time, so those filters run in the
 * backend; the actor filter is applied to the events read, a page at a time (reading at
 * most ten batches per page, so a rare actor in a long trail gives short pages, never a
 * hang). Renders only a note on backends without an audit trail.
 *
 * @summary The audit trail, filtered and paged.
 *
 * @csspart filters - The filter bar.
 * @csspart table - The table of events.
 * @csspart row - Each event's row.
 * @csspart pager - The paging controls.
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 *
 * @cssproperty --roster-font-family - Font of all text.
 * @cssproperty --roster-color-text - Main text colour.
 * @cssproperty --roster-color-muted - Secondary text colour.
 * @cssproperty --roster-color-background - Background of the whole element.
 * @cssproperty --roster-color-surface - Background of the table.
 * @cssproperty --roster-color-surface-alt - Background of the table header.
 * @cssproperty --roster-color-border - Lines and outlines.
 * @cssproperty --roster-color-accent - Links and the focus ring.
 * @cssproperty --roster-color-danger - Errors.
 * @cssproperty --roster-radius - Corner radius.
 * @cssproperty --roster-space - Base spacing unit.
 *
 * @slot - Nothing: the element renders everything itself.
 *
 * @example
 * ```html
 * <!-- Everything one user went through -->
 * <roster-activity user-id="u-42" page-size="50"></roster-activity>
 * ```
 */
export class RosterActivityElement extends RosterElement {
  static override styles = [
    ...RosterElement.styles,
    formControlStyles,
    sectionStyles,
    activityStyles,
  ];

  /** Events per page (1–1000). */
  @property({ type: Number, attribute: 'page-size' })
  accessor pageSize = 25;

  /** Only events of this action (e.g. `user.delete`). */
  @property()
  accessor action: string | undefined = undefined;

  /** Only events concerning this user. */
  @property({ attribute: 'user-id' })
  accessor userId: string | undefined = undefined;

  /** Only events done by an admin whose name or id contains this (`system`: no admin). */
  @property()
  accessor actor: string | undefined = undefined;

  /** The cursors of this page and the pages before it (`undefined`: the newest page). */
  @state() private accessor cursors: readonly (ActivityCursor | undefined)[] = [undefined];
  @state() private accessor userSearch = '';

  private timer: ReturnType<typeof setTimeout> | undefined;

  private get limit(): number {
    return Math.min(Math.max(Math.trunc(this.pageSize) || 25, 1), 1000);
  }

  private readonly page = this.rosterTask({
    args: () => [this.action, this.userId, this.actor, this.limit, this.cursors] as const,
    task: ({ roster, signal }, [action, userId, actor, limit, cursors]) =>
      roster.capabilities.audit
        ? activityPage(
            roster,
            { action, userId, actor: actor?.trim() || undefined },
            cursors[cursors.length - 1],
            limit,
            signal,
          )
        : Promise.resolve(null),
  });

  /** The filtered user's name, for the filter's chip. */
  private readonly filteredUser = this.rosterTask({
    args: () => [this.userId] as const,
    task: ({ roster, signal }, [id]) =>
      id ? roster.users.get(id, { signal }) : Promise.resolve(null),
  });

  private readonly candidates = this.rosterTask({
    args: () => [this.userSearch] as const,
    task: ({ roster, signal }, [search]) =>
      search ? roster.users.list({ search, limit: CANDIDATES }, { signal }) : Promise.resolve(null),
  });

  constructor() {
    super();
    // New events arrive with every change; the newest page follows them, older pages stay put.
    this.onRosterChange(['users', 'groups', 'devices', 'settings'], () => {
      if (this.cursors.length === 1) void this.page.run();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (
      changed.has('action') ||
      changed.has('userId') ||
      changed.has('actor') ||
      changed.has('pageSize')
    )
      this.cursors = [undefined];
  }

  private debounce(apply: () => void): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(apply, 250);
  }

  private filterByUser(userId: string | undefined): void {
    this.userId = userId;
    this.userSearch = '';
    const search = this.renderRoot.querySelector<HTMLInputElement>('#user-search');
    if (search) search.value = '';
  }

  private reset(): void {
    this.action = undefined;
    this.actor = undefined;
    this.filterByUser(undefined);
    const actor = this.renderRoot.querySelector<HTMLInputElement>('#actor');
    if (actor) actor.value = '';
  }

  override render() {
    const t = this.t.activity;
    if (this.roster && !this.can('audit'))
      return html`<h2>${t.activity}</h2>
        <p class="state">${t.unsupported}</p>`;
    return html`<section aria-labelledby="activity-heading">
      <h2 id="activity-heading">${t.activity}</h2>
      ${this.renderFilters()}
      <div aria-busy=${this.isBusy(this.page) ? 'true' : 'false'}>
        ${this.renderTask(
          this.page,
          (page) => (page ? this.renderEvents(page.events, page.next) : nothing),
          t.loadingActivity,
        )}
      </div>
    </section>`;
  }

  private renderFilters() {
    const t = this.t.activity;
    const user = this.filteredUser.value;
    return html`<div class="filters" part="filters" role="group" aria-label=${t.filters}>
      <label class="field">
        <span>${t.filterAction}</span>
        <select
          @change=${(event: Event) =>
            (this.action = (event.target as HTMLSelectElement).value || undefined)}
        >
          <option value="" ?selected=${!this.action}>${t.allActions}</option>
          ${Object.entries(t.actions).map(
            ([action, label]) =>
              html`<option value=${action} ?selected=${this.action === action}>${label}</option>`,
          )}
        </select>
      </label>
      <div class="field">
        <label for="actor">${t.filterActor}</label>
        <input
          id="actor"
          type="search"
          autocomplete="off"
          aria-describedby="actor-hint"
          .value=${this.actor ?? ''}
          @input=${(event: Event) => {
            const value = (event.target as HTMLInputElement).value;
            this.debounce(() => (this.actor = value.trim() || undefined));
          }}
        />
        <span id="actor-hint" class="muted hint">${t.filterActorHint}</span>
      </div>
      <div class="field user-filter">
        ${
          this.userId
            ? html`<span>${t.filterUser}</span>
                <span class="chip">
                  ${userText(user?.name ?? this.userId)}
                  <button type="button" class="button" @click=${() => this.filterByUser(undefined)}>
                    ${t.clearUser}
                  </button>
                </span>`
            : html`<label for="user-search">${t.findUser}</label>
                <input
                  id="user-search"
                  type="search"
                  autocomplete="off"
                  @input=${(event: Event) => {
                    const value = (event.target as HTMLInputElement).value;
                    this.debounce(() => (this.userSearch = value.trim()));
                  }}
                />
                ${this.userSearch ? this.renderCandidates() : nothing}`
        }
      </div>
      ${
        this.action || this.actor || this.userId
          ? html`<button type="button" class="button" @click=${this.reset}>
              ${t.resetFilters}
            </button>`
          : nothing
      }
    </div>`;
  }

  private renderCandidates() {
    const t = this.t.activity;
    return this.renderTask(this.candidates, (page) =>
      !page || page.items.length === 0
        ? html`<p class="muted">${t.noUsersFound}</p>`
        : html`<ul class="plain candidates">
            ${page.items.map(
              (user) =>
                html`<li>
                  <button
                    type="button"
                    class="button"
                    aria-label=${t.showUser(user.name)}
                    @click=${() => this.filterByUser(user.id)}
                  >
                    ${userText(user.name)}
                  </button>
                </li>`,
            )}
          </ul>`,
    );
  }

  private renderEvents(events: readonly AuditEvent[], next: ActivityCursor | null) {
    const t = this.t.activity;
    if (events.length === 0 && this.cursors.length === 1)
      return html`<p class="state">
        ${this.action || this.actor || this.userId ? t.noMatches : t.empty}
      </p>`;
    return html`<div class="table-frame">
        <table part="table">
          <caption class="visually-hidden">
            ${t.activity}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t.columnWhen}</th>
              <th scope="col">${t.columnActor}</th>
              <th scope="col">${t.columnAction}</th>
              <th scope="col">${t.columnTarget}</th>
              <th scope="col">${t.columnUser}</th>
            </tr>
          </thead>
          <tbody>
            ${events.map((event) => this.renderEvent(event))}
          </tbody>
        </table>
      </div>
      ${renderPager({
        label: t.pagination,
        hasPrevious: this.cursors.length > 1,
        hasNext: next !== null,
        previous: () => (this.cursors = this.cursors.slice(0, -1)),
        next: () => (this.cursors = [...this.cursors, next ?? undefined]),
        previousText: t.previousPage,
        nextText: t.nextPage,
        summary: t.pageNumber(this.cursors.length),
      })}`;
  }

  private renderEvent(event: AuditEvent) {
    const t = this.t.activity;
    const targetName =
      event.targetType === 'settings'
        ? undefined
        : (nameIn(event.after) ?? nameIn(event.before) ?? event.targetId);
    const userName =
      event.userId && event.targetType === 'user'
        ? (nameIn(event.after) ?? nameIn(event.before))
        : undefined;
    return html`<tr part="row">
      <td>${exactTime(event.at, this.localeTag)}</td>
      <td>
        ${event.actor ? userText(event.actor.name ?? event.actor.id) : html`<span class="muted">${t.system}</span>`}
      </td>
      <td>${t.actions[event.action] ?? event.action}</td>
      <td>
        <span class="muted">${t.targets[event.targetType]}</span>
        ${targetName ? userText(targetName) : nothing}
      </td>
      <td>
        ${
          event.userId && event.userId !== this.userId
            ? html`<button
                type="button"
                class="link"
                aria-label=${t.onlyUser(userName ?? event.userId)}
                @click=${() => this.filterByUser(event.userId ?? undefined)}
              >
                ${userText(userName ?? event.userId)}
              </button>`
            : event.userId
              ? userText(userName ?? event.userId)
              : html`<span class="muted">—</span>`
        }
      </td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'roster-activity': RosterActivityElement;
  }
}
