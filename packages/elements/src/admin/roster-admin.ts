import type { BackendCapabilities, Roster } from '@roster/core';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { RosterElement } from '../foundation/roster-element.js';
import type { RosterGroupSelectEvent } from '../group-manager/events.js';
import type { RosterImportShowUsersEvent } from '../import-wizard/events.js';
import type {
  RosterQueryChangeEvent,
  RosterSelectionChangeEvent,
  RosterUserOpenEvent,
  UserTableSelection,
} from '../user-table/events.js';
import type { UserTableQuery } from '../user-table/query.js';
import {
  formatRoute,
  parseRoute,
  queryFromParams,
  queryToParams,
  type AdminRoute,
  type SectionId,
} from './admin-route.js';
import { loadImportScope, saveImportScope } from './import-scopes.js';
import type { AdminMessages } from './messages.js';
import { adminStyles } from './roster-admin.styles.js';
import { scopedRoster, type ScopedRoster } from './scoped-roster.js';
// Its texts, added to the foundation's translation table (German loads on first use).
import './messages.js';

/** The sections of the admin screen, in navigation order, with what each needs. */
const SECTIONS = [
  { id: 'users', label: 'users', needs: undefined },
  { id: 'groups', label: 'groups', needs: undefined },
  { id: 'settings', label: 'settings', needs: undefined },
  { id: 'recycle-bin', label: 'recycleBin', needs: 'softDelete' },
  { id: 'outbox', label: 'outbox', needs: 'outbox' },
  { id: 'activity', label: 'activity', needs: 'audit' },
] as const satisfies readonly {
  id: SectionId;
  label: keyof AdminMessages;
  needs: keyof BackendCapabilities | undefined;
}[];

/** Most users a table selection of "all matching" hands to the group manager. */
const SELECTION_LIMIT = 10_000;

/**
 * The whole admin screen in one element: Users (the table, a user's page, the new-user
 * form, the import), Groups, Settings, and where the backend supports them the Recycle
 * bin, Outbox and Activity. Sections a backend cannot serve are not shown.
 *
 * Everything the admin chose is in the URL hash, so a reload, a shared link and
 * back/forward land on the same view: the section, the open user or group, and the
 * table's search, filters, sort and columns (`#users?search=ann&status=invited&sort=-lastLoginAt`).
 *
 * The sections work together: selecting a group offers its members in the table
 * (`#users?group=<id>`); users selected in the table are offered to the group manager
 * for adding in bulk; "show the imported users" at the end of an import shows the table
 * narrowed to that import's users (search, filters, bulk actions and export then act on
 * them alone). The table's export exports the filtered users.
 *
 * The layout goes from a phone (the navigation collapsed behind a button above the
 * content) to a wide screen (the navigation beside the content), by the element's own
 * width (a container query), not the window's.
 *
 * @summary The admin screen: every section in one element.
 *
 * @csspart nav - The section navigation.
 * @csspart menu - The button that opens the navigation on a narrow screen.
 * @csspart main - The current section.
 * @csspart scope - The notice above the table while it shows an import's users.
 *
 * @cssproperty --roster-font-family - Font of all text.
 * @cssproperty --roster-color-text - Main text colour.
 * @cssproperty --roster-color-surface-alt - Background of the current section's link and the import notice.
 * @cssproperty --roster-color-border - Outline of the navigation button.
 * @cssproperty --roster-color-accent - The current section's link, buttons, focus ring.
 * @cssproperty --roster-radius - Corner radius.
 * @cssproperty --roster-space - Base spacing unit.
 *
 * @slot - Nothing: the element renders every section itself.
 *
 * @example
 * ```html
 * <roster-provider .roster=${roster}>
 *   <roster-admin default-country="ZA"></roster-admin>
 * </roster-provider>
 * ```
 */
export class RosterAdminElement extends RosterElement {
  static override styles = [...RosterElement.styles, adminStyles];

  /** Country for imported phone numbers written without a country code (ISO code, e.g. `ZA`). */
  @property({ attribute: 'default-country' })
  accessor defaultCountry = '';

  @state() private accessor route: AdminRoute = parseRoute(location.hash);
  /** The table's query as the URL has it, complete (one object per route, so the table gets it once). */
  @state() private accessor tableQuery: UserTableQuery = queryFromParams(new URLSearchParams());
  /** The narrow layout's navigation is open. */
  @state() private accessor menuOpen = false;
  /** Ids of the users selected in the table (for the group manager). */
  @state() private accessor selectedIds: readonly string[] = [];
  @state() private accessor scope: { key: string; base: Roster; roster: ScopedRoster } | undefined =
    undefined;

  /** The last route change was a search edit: the next one replaces it in the history. */
  private searchEditing = false;
  private selectionRun = 0;

  private readonly onLocationChange = () => {
    this.searchEditing = false;
    this.useRoute(parseRoute(location.hash));
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onLocationChange);
    window.addEventListener('popstate', this.onLocationChange);
    this.useRoute(parseRoute(location.hash));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onLocationChange);
    window.removeEventListener('popstate', this.onLocationChange);
    this.scope?.roster.dispose();
    this.scope = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('roster') || changed.has('route')) this.updateScope();
  }

  private useRoute(route: AdminRoute): void {
    // Only a Users route says what the table shows; elsewhere the table keeps its query.
    const query = queryFromParams(queryToParams(route.query));
    if (route.section === 'users' && JSON.stringify(query) !== JSON.stringify(this.tableQuery))
      this.tableQuery = query;
    if (route.section !== this.route.section || route.detail !== this.route.detail)
      this.menuOpen = false;
    this.route = route;
  }

  /** Goes to `route`: a new history entry (or, for successive search edits, the same one). */
  private go(route: AdminRoute, options: { replace?: boolean } = {}): void {
    const hash = formatRoute(route);
    if (hash === location.hash) return;
    const url = `${location.pathname}${location.search}${hash}`;
    if (options.replace) history.replaceState(history.state, '', url);
    else history.pushState(history.state, '', url);
    this.useRoute(parseRoute(hash));
  }

  /** Users, with the table's query and scope as they are now. */
  private usersRoute(detail?: string): AdminRoute {
    return {
      section: 'users',
      detail,
      query: this.tableQuery,
      imported: this.scope?.key ?? this.route.imported,
    };
  }

  /** The scope the URL names: created when it appears, disposed when it goes. */
  private updateScope(): void {
    // Other sections keep the scope, so coming back to Users shows the same users.
    const key = this.route.section === 'users' ? this.route.imported : this.scope?.key;
    const roster = this.roster;
    if (this.scope && (this.scope.key !== key || this.scope.base !== roster)) {
      this.scope.roster.dispose();
      this.scope = undefined;
    }
    if (!key || !roster || this.scope) return;
    const ids = loadImportScope(key);
    if (ids) this.scope = { key, base: roster, roster: scopedRoster(roster, ids) };
  }

  private available(): (typeof SECTIONS)[number][] {
    return SECTIONS.filter((section) => !section.needs || this.can(section.needs));
  }

  // ─── Events from the sections ────────────────────────────────────────────

  private onQueryChange(event: RosterQueryChangeEvent): void {
    const before = this.tableQuery;
    const searchOnly =
      JSON.stringify({ ...event.query, search: '' }) === JSON.stringify({ ...before, search: '' });
    this.go(
      { ...this.usersRoute(), query: event.query },
      { replace: searchOnly && this.searchEditing },
    );
    this.searchEditing = searchOnly;
  }

  private onSelectionChange(event: RosterSelectionChangeEvent): void {
    void this.resolveSelection(event.selection);
  }

  /**
   * The table's selection as ids for the group manager: picked users as they are, "all
   * matching" walked once. Past {@link SELECTION_LIMIT} users nothing is offered (never a
   * silently shortened list): the table's own "Add to group" acts on all of them.
   */
  private async resolveSelection(selection: UserTableSelection): Promise<void> {
    const run = ++this.selectionRun;
    this.selectedIds = selection.kind === 'ids' ? selection.ids : [];
    const roster = this.tableRoster();
    if (selection.kind === 'ids' || !roster) return;
    if (selection.count - selection.except.length > SELECTION_LIMIT) return;
    const except = new Set(selection.except);
    const ids: string[] = [];
    try {
      for await (const page of roster.users.iterate({ ...selection.query, limit: 500 })) {
        if (run !== this.selectionRun) return;
        for (const user of page) if (!except.has(user.id)) ids.push(user.id);
      }
    } catch {
      // Not offered: the table's own bulk actions still reach the selection.
      return;
    }
    if (run === this.selectionRun && ids.length <= SELECTION_LIMIT) this.selectedIds = ids;
  }

  private onGroupSelect(event: RosterGroupSelectEvent): void {
    this.go({ ...this.route, section: 'groups', detail: event.groupId ?? undefined });
  }

  private onShowImported(event: RosterImportShowUsersEvent): void {
    const key = saveImportScope(event.userIds);
    this.selectedIds = [];
    this.go({
      section: 'users',
      detail: undefined,
      query: queryFromParams(new URLSearchParams()),
      imported: key,
    });
  }

  /** Escape closes the open navigation (disclosure pattern) and gives the focus back to its button. */
  private onNavKey(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || !this.menuOpen) return;
    this.menuOpen = false;
    this.renderRoot.querySelector<HTMLButtonElement>('button.menu')?.focus();
  }

  private tableRoster(): Roster | undefined {
    return this.scope?.roster ?? this.roster;
  }

  // ─── Render ──────────────────────────────────────────────────────────────

  override render() {
    const t = this.t.admin;
    const sections = this.roster ? this.available() : SECTIONS.filter((s) => !s.needs);
    // A section the backend cannot serve (an old link) falls back to Users.
    const current = sections.find((s) => s.id === this.route.section) ?? SECTIONS[0];
    const href = (id: SectionId) =>
      id === 'users'
        ? formatRoute(this.usersRoute())
        : id === 'groups' && this.route.section === 'groups'
          ? formatRoute(this.route)
          : `#${id}`;
    return html`<div class=${this.menuOpen ? 'shell open' : 'shell'}>
      <nav part="nav" aria-label=${t.sections} @keydown=${this.onNavKey}>
        <button
          type="button"
          class="button menu"
          part="menu"
          aria-expanded=${this.menuOpen ? 'true' : 'false'}
          aria-controls="sections"
          @click=${() => (this.menuOpen = !this.menuOpen)}
        >
          ${t.menu(t[current.label])}
        </button>
        <ul id="sections">
          ${sections.map(
            (section) =>
              html`<li>
                <a
                  href=${href(section.id)}
                  aria-current=${section.id === current.id ? 'page' : nothing}
                  @click=${() => (this.menuOpen = false)}
                  >${t[section.label]}</a
                >
              </li>`,
          )}
        </ul>
      </nav>
      <div
        class="content"
        part="main"
        @roster-user-open=${(event: RosterUserOpenEvent) => this.go(this.usersRoute(event.user.id))}
        @roster-user-create=${() => this.go(this.usersRoute('new'))}
      >
        ${this.renderUsers(current.id === 'users')}
        ${current.id === 'users' ? nothing : this.renderSection(current.id)}
      </div>
    </div>`;
  }

  private renderSection(section: Exclude<SectionId, 'users'>) {
    switch (section) {
      case 'groups':
        return this.renderGroups();
      case 'settings':
        return html`<roster-settings .roster=${this.roster}></roster-settings>`;
      case 'recycle-bin':
        return html`<roster-recycle-bin .roster=${this.roster}></roster-recycle-bin>`;
      case 'outbox':
        return html`<roster-outbox .roster=${this.roster}></roster-outbox>`;
      case 'activity':
        return html`<roster-activity .roster=${this.roster}></roster-activity>`;
    }
  }

  private renderGroups() {
    const t = this.t.admin;
    const groupId = this.route.section === 'groups' ? this.route.detail : undefined;
    const count = this.selectedIds.length;
    // The group manager has its own heading; the bar holds only the way to the table.
    const members: AdminRoute = {
      section: 'users',
      detail: undefined,
      query: { ...queryFromParams(new URLSearchParams()), groupId: groupId ?? null },
      imported: undefined,
    };
    return html`${
        groupId
          ? html`<div class="bar">
              <a class="button" href=${formatRoute(members)}>${t.showMembers}</a>
            </div>`
          : nothing
      }
      ${count && !groupId ? html`<p class="note">${t.selectedInTable(count)}</p>` : nothing}
      <roster-group-manager
        .roster=${this.roster}
        .selectedGroupId=${groupId ?? null}
        .selection=${this.selectedIds}
        @roster-group-select=${this.onGroupSelect}
      ></roster-group-manager>`;
  }

  /**
   * Users. The table stays in the page while a user's page or another section shows
   * (hidden), so its scroll position and selection are there when the admin comes back.
   */
  private renderUsers(shown: boolean) {
    const t = this.t.admin;
    const detail = shown ? this.route.detail : undefined;
    const list = shown && !detail;
    return html`${detail ? this.renderUserPage(detail) : nothing}
      <div class="users" ?hidden=${!list}>
        <div class="bar">
          <h2>${t.users}</h2>
        </div>
        ${this.scope ? this.renderScope(this.scope.roster.scopeSize) : nothing}
        ${keyed(
          this.scope?.key ?? '',
          // Its own provider: a table inside a page's <roster-provider> takes the Roster
          // from the nearest one, and here that must be the scoped one.
          html`<roster-provider .roster=${this.tableRoster()}>
            <roster-user-table
              .roster=${this.tableRoster()}
              .query=${this.tableQuery}
              @roster-query-change=${this.onQueryChange}
              @roster-selection-change=${this.onSelectionChange}
            >
              <a slot="toolbar-end" class="button" href=${formatRoute(this.usersRoute('import'))}
                >${t.importUsers}</a
              >
            </roster-user-table>
          </roster-provider>`,
        )}
      </div>`;
  }

  private renderScope(count: number) {
    const t = this.t.admin;
    return html`<p class="scope" part="scope" role="status">
      <span>${t.importedScope(count)}</span>
      <a
        class="button"
        href=${formatRoute({ ...this.usersRoute(), imported: undefined })}
        @click=${() => (this.selectedIds = [])}
        >${t.showAllUsers}</a
      >
    </p>`;
  }

  private renderUserPage(detail: string) {
    const t = this.t.admin;
    const back = formatRoute(this.usersRoute());
    if (detail === 'import')
      return html`<div class="user-page">
        <div class="bar">
          <a class="button" href=${back}>${t.backToUsers}</a>
        </div>
        <roster-import-wizard
          .roster=${this.roster}
          default-country=${this.defaultCountry}
          @roster-import-show-users=${this.onShowImported}
        ></roster-import-wizard>
      </div>`;
    const isNew = detail === 'new';
    return html`<div class="user-page">
      <div class="bar">
        <h2>${isNew ? t.newUser : t.editUser}</h2>
        <a class="button" href=${back}>${t.backToUsers}</a>
      </div>
      ${
        isNew
          ? html`<roster-user-form
              .roster=${this.roster}
              user-id=""
              @roster-cancel=${() => this.go(this.usersRoute())}
              @roster-user-saved=${(event: { user: { id: string } }) =>
                this.go(this.usersRoute(event.user.id), { replace: true })}
            ></roster-user-form>`
          : html`<roster-user-details
              .roster=${this.roster}
              user-id=${detail}
            ></roster-user-details>`
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'roster-admin': RosterAdminElement;
  }
}
