import { consume } from '@lit/context';
import {
  displayStatus,
  isRosterError,
  type Page,
  type Roster,
  type User,
  type UserSortField,
} from '@roster/core';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { rosterContext } from '../context.js';
import { RosterUserOpenEvent } from '../events.js';
import { messagesFor, type RosterMessages } from '../i18n/index.js';
import { tokens } from '../styles/tokens.js';
import { userTableStyles } from './roster-user-table.styles.js';

type Column = {
  field: UserSortField | 'phone';
  label: (m: RosterMessages) => string;
  sortable: boolean;
};

const COLUMNS: Column[] = [
  { field: 'name', label: (m) => m.columnName, sortable: true },
  { field: 'email', label: (m) => m.columnEmail, sortable: true },
  { field: 'phone', label: (m) => m.columnPhone, sortable: false },
  { field: 'role', label: (m) => m.columnRole, sortable: true },
  { field: 'status', label: (m) => m.columnStatus, sortable: true },
  { field: 'lastLoginAt', label: (m) => m.columnLastLogin, sortable: true },
];

type LoadState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready'; page: Page<User> }
  | { kind: 'error'; message: string };

/**
 * A sortable, searchable, paged table of the directory's users. Filtering, sorting
 * and paging run in the backend; the table only ever holds one page.
 *
 * @summary The users of the directory, one page at a time.
 *
 * @fires {RosterUserOpenEvent} roster-user-open - The admin opened a user (`event.user`).
 *
 * @csspart toolbar - The bar with the search box and the summary.
 * @csspart search - The keyword search input.
 * @csspart table - The table element.
 * @csspart row - Each user row.
 * @csspart status - The status badge in each row.
 * @csspart pager - The paging controls.
 *
 * @cssproperty --roster-font-family - Font of all text.
 * @cssproperty --roster-color-text - Main text colour.
 * @cssproperty --roster-color-muted - Secondary text colour.
 * @cssproperty --roster-color-background - Background of the whole element (default: transparent, or the surface colour when `theme` is set).
 * @cssproperty --roster-color-surface - Background of the table.
 * @cssproperty --roster-color-surface-alt - Background of the header and hovered rows.
 * @cssproperty --roster-color-border - Lines and outlines.
 * @cssproperty --roster-color-accent - Links, focus ring, invited status.
 * @cssproperty --roster-color-danger - Error messages.
 * @cssproperty --roster-radius - Corner radius.
 * @cssproperty --roster-space - Base spacing unit.
 * @cssproperty --roster-status-active - Colour of the active badge.
 * @cssproperty --roster-status-warning - Colour of expired and bounced badges.
 *
 * @example
 * ```html
 * <roster-provider .roster=${roster}>
 *   <roster-user-table page-size="25"></roster-user-table>
 * </roster-provider>
 * ```
 */
export class RosterUserTableElement extends LitElement {
  static override styles = [tokens, userTableStyles];

  /** The Roster instance; taken from an enclosing `<roster-provider>` when not set. */
  @consume({ context: rosterContext, subscribe: true })
  @property({ attribute: false })
  accessor roster: Roster | undefined = undefined;

  /** Users per page (1–1000). */
  @property({ type: Number, attribute: 'page-size' })
  accessor pageSize = 50;

  /** Locale of the texts (`en`, `de`, or one added with `registerLocale`); defaults to the page's `lang`. */
  @property({ reflect: true })
  accessor locale: string | undefined = undefined;

  /** Forces the light or dark theme; by default the page's `color-scheme` decides. */
  @property({ reflect: true })
  accessor theme: 'light' | 'dark' | undefined = undefined;

  @state() private accessor search = '';
  @state() private accessor sortField: UserSortField = 'name';
  @state() private accessor sortDirection: 'asc' | 'desc' = 'asc';
  @state() private accessor offset = 0;
  @state() private accessor load: LoadState = { kind: 'idle' };

  private requestSeq = 0;
  private unsubscribe: (() => void) | undefined;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  private get t(): RosterMessages {
    return messagesFor(this.locale ?? this.closest('[lang]')?.getAttribute('lang'));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    clearTimeout(this.searchTimer);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.roster && !this.unsubscribe) this.listen(this.roster);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('roster')) {
      this.unsubscribe?.();
      this.unsubscribe = undefined;
      if (this.roster) this.listen(this.roster);
    }
    if (
      changed.has('roster') ||
      changed.has('pageSize') ||
      changed.has('search') ||
      changed.has('sortField') ||
      changed.has('sortDirection') ||
      changed.has('offset')
    ) {
      void this.reload();
    }
  }

  /** Reloads the current page (also done automatically when users change). */
  async reload(): Promise<void> {
    const roster = this.roster;
    if (!roster) {
      this.load = { kind: 'idle' };
      return;
    }
    const seq = ++this.requestSeq;
    if (this.load.kind !== 'ready') this.load = { kind: 'loading' };
    else this.load = { ...this.load };
    this.busy = true;
    try {
      const page = await roster.users.list({
        search: this.search || undefined,
        sort: { field: this.sortField, direction: this.sortDirection },
        limit: Math.min(Math.max(Math.trunc(this.pageSize) || 50, 1), 1000),
        offset: this.offset,
      });
      if (seq !== this.requestSeq) return;
      if (page.items.length === 0 && this.offset > 0 && page.total > 0) {
        // The page we were on emptied (users deleted elsewhere): step back to the last page.
        this.offset = Math.max(0, Math.floor((page.total - 1) / this.pageSize) * this.pageSize);
        return;
      }
      this.load = { kind: 'ready', page };
    } catch (error) {
      if (seq !== this.requestSeq) return;
      this.load = {
        kind: 'error',
        message: isRosterError(error) || error instanceof Error ? error.message : String(error),
      };
    } finally {
      if (seq === this.requestSeq) this.busy = false;
    }
  }

  @state() private accessor busy = false;
  /** Role id → display name, from the account settings. */
  @state() private accessor roleNames: ReadonlyMap<string, string> = new Map();

  private listen(roster: Roster): void {
    this.unsubscribe = roster.subscribe((event) => {
      if (event.kind === 'users' || event.kind === 'groups') void this.reload();
      if (event.kind === 'settings') void this.loadRoleNames(roster);
    });
    void this.loadRoleNames(roster);
  }

  private async loadRoleNames(roster: Roster): Promise<void> {
    try {
      const settings = await roster.settings.get();
      if (roster === this.roster)
        this.roleNames = new Map(settings.roles.map((role) => [role.id, role.name]));
    } catch {
      // Role names are cosmetic: the table falls back to role ids.
    }
  }

  private onSearchInput(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      this.search = value.trim();
      this.offset = 0;
    }, 200);
  }

  private sortBy(field: UserSortField): void {
    if (this.sortField === field)
      this.sortDirection = this.sortDirection === 'asc' ? 'desc' : 'asc';
    else {
      this.sortField = field;
      this.sortDirection = 'asc';
    }
    this.offset = 0;
  }

  private resetFilters(): void {
    const input = this.renderRoot.querySelector<HTMLInputElement>('input[type=search]');
    if (input) input.value = '';
    this.search = '';
    this.offset = 0;
  }

  private open(user: User): void {
    this.dispatchEvent(new RosterUserOpenEvent(user));
  }

  override render() {
    const t = this.t;
    if (!this.roster) return html`<p class="state error" role="alert">${t.noRoster}</p>`;
    return html`
      <div class="toolbar" part="toolbar">
        <label class="search">
          ${t.searchUsers}
          <input
            type="search"
            part="search"
            placeholder=${t.searchPlaceholder}
            autocomplete="off"
            @input=${this.onSearchInput}
          />
        </label>
        <span role="status" aria-live="polite" class="muted">${this.summary(t)}</span>
      </div>
      <div class="frame" aria-busy=${this.busy ? 'true' : 'false'}>${this.renderBody(t)}</div>
      ${this.renderPager(t)}
    `;
  }

  private summary(t: RosterMessages): string {
    if (this.load.kind === 'loading') return t.loadingUsers;
    if (this.load.kind !== 'ready') return '';
    const { page } = this.load;
    return t.range(this.offset + 1, this.offset + page.items.length, page.total);
  }

  private renderBody(t: RosterMessages) {
    const load = this.load;
    if (load.kind === 'error')
      return html`<div class="state error" role="alert">
        ${t.loadFailed(load.message)}
        <button type="button" @click=${() => void this.reload()}>${t.retry}</button>
      </div>`;
    if (load.kind === 'idle' || load.kind === 'loading')
      return html`<div class="state">${t.loadingUsers}</div>`;
    if (load.page.total === 0)
      return this.search
        ? html`<div class="state">
            ${t.noMatches}
            <button type="button" @click=${this.resetFilters}>${t.resetFilters}</button>
          </div>`
        : html`<div class="state">${t.noUsers}</div>`;
    const now = new Date();
    return html`
      <table part="table">
        <caption class="visually-hidden">
          ${t.users}
        </caption>
        <thead>
          <tr>
            ${COLUMNS.map((column) => this.renderHeader(column, t))}
          </tr>
        </thead>
        <tbody>
          ${load.page.items.map((user) => this.renderRow(user, now, t))}
        </tbody>
      </table>
    `;
  }

  private renderHeader(column: Column, t: RosterMessages) {
    const label = column.label(t);
    if (!column.sortable) return html`<th scope="col">${label}</th>`;
    const field = column.field as UserSortField;
    const active = this.sortField === field;
    const ariaSort = active ? (this.sortDirection === 'asc' ? 'ascending' : 'descending') : 'none';
    return html`<th scope="col" aria-sort=${ariaSort}>
      <button type="button" @click=${() => this.sortBy(field)}>
        ${label}
        <span class="sort-indicator" aria-hidden="true"
          >${active ? (this.sortDirection === 'asc' ? '▲' : '▼') : '↕'}</span
        >
      </button>
    </th>`;
  }

  private renderRow(user: User, now: Date, t: RosterMessages) {
    const status = displayStatus(user, now);
    return html`<tr part="row" data-user-id=${user.id}>
      <td class="name">
        <button type="button" aria-label=${t.openUser(user.name)} @click=${() => this.open(user)}>
          ${user.name}
        </button>
      </td>
      <td>${user.email ?? html`<span class="muted">—</span>`}</td>
      <td>${user.phone ?? html`<span class="muted">—</span>`}</td>
      <td>${this.roleNames.get(user.role) ?? user.role}</td>
      <td><span class="status" part="status" data-status=${status}>${t.status[status]}</span></td>
      <td>
        ${
          user.lastLoginAt
            ? html`<time datetime=${user.lastLoginAt}
                >${formatDate(user.lastLoginAt, this.locale)}</time
              >`
            : html`<span class="muted">${t.never}</span>`
        }
      </td>
    </tr>`;
  }

  private renderPager(t: RosterMessages) {
    if (this.load.kind !== 'ready' || this.load.page.total <= this.pageSize) return nothing;
    const { total } = this.load.page;
    return html`<nav class="pager" part="pager" aria-label=${t.pagination}>
      <button
        type="button"
        ?disabled=${this.offset === 0}
        @click=${() => (this.offset = Math.max(0, this.offset - this.pageSize))}
      >
        ${t.previousPage}
      </button>
      <button
        type="button"
        ?disabled=${this.offset + this.pageSize >= total}
        @click=${() => (this.offset = this.offset + this.pageSize)}
      >
        ${t.nextPage}
      </button>
    </nav>`;
  }
}

function formatDate(iso: string, locale: string | undefined): string {
  return new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

declare global {
  interface HTMLElementTagNameMap {
    'roster-user-table': RosterUserTableElement;
  }
}
